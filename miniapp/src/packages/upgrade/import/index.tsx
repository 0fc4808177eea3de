import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { mayImportUpgradeFigures } from '@shared/domain/policy'
import { FIGURE_FILE_MAX_BYTES, type FigureImportResult } from '@shared/schemas/upgrade-import.schema'
import { AccessGate } from '../../../components/access-gate'
import { XlsxImport } from '../../../components/xlsx-import'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { goToLogin } from '../../../services/navigation'
import { importUpgradeFigures, upgradeTemplateUrl } from '../../../services/upgrade-api'
import type { PickFileOptions } from '../../../utils/pick-file'
import { IMPORT_ACTION_LABEL, importSummaryText } from '../upgrade-view'
import '../upgrade.css'

const FIGURE_FILE: PickFileOptions = { extensions: ['xlsx'], maxBytes: FIGURE_FILE_MAX_BYTES }

const rowsOf = (result: FigureImportResult) =>
  result.rows.map((r) => ({
    key: String(r.row),
    label: `第 ${r.row} 行 · ${r.enterpriseName ?? '—'} · ${r.month}`,
    status: IMPORT_ACTION_LABEL[r.action],
    invalid: r.action === 'invalid',
    lines: [...r.changes, ...r.errors.map((e) => e.message)],
  }))

/**
 * 导入月度数据: an admin downloads the template, chooses a filled-in XLSX (checked at once, nothing
 * written), reviews each row (新增 / 更新 / 不变 / 有误 with the reason), then 确认导入 writes the
 * valid rows; rows with errors are left out.
 */
export default function UpgradeImportPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = user !== null && mayImportUpgradeFigures(user)

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])

  if (!allowed) {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={{ kind: 'none', message: user ? '导入月度数据仅供属地和市级管理员使用' : '请先登录' }} signedIn={user !== null} />
      </View>
    )
  }
  return (
    <View className={`page ${textClass}`}>
      <XlsxImport
        idPrefix='upgrade-import'
        file={FIGURE_FILE}
        template={{ url: upgradeTemplateUrl(), fileName: '升规入统月度数据模板.xlsx', label: 'Excel 模板（.xlsx）' }}
        columnsHint='每行一家企业一个月份：统一社会信用代码（或企业编号）、月份、本年累计营业收入（万元）、上年营业收入（万元，可空）、从业人员。'
        run={importUpgradeFigures}
        summary={importSummaryText}
        writable={(preview) => preview.summary.create + preview.summary.update}
        rows={rowsOf}
      />
    </View>
  )
}
