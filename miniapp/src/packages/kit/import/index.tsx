import { useEffect } from 'react'
import { View } from '@tarojs/components'
import { mayManageKit } from '@shared/domain/policy'
import { POLICY_FILE_MAX_BYTES, type PolicyImportResult } from '@shared/schemas/policy-import.schema'
import { AccessGate } from '../../../components/access-gate'
import { XlsxImport } from '../../../components/xlsx-import'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { importPolicies, policyTemplateUrl } from '../../../services/kit-api'
import { goToLogin } from '../../../services/navigation'
import type { PickFileOptions } from '../../../utils/pick-file'
import { policyImportRows, policyImportSummary } from '../kit-view'
import '../kit.css'

const POLICY_FILE: PickFileOptions = { extensions: ['xlsx'], maxBytes: POLICY_FILE_MAX_BYTES }

/**
 * 政策批量导入: an admin downloads the template, chooses a filled-in XLSX (checked at once, nothing
 * written), reviews each row (新增 / 重复 / 有误 with the reason), then 确认导入 writes the new rows
 * as drafts. Nothing is published by an import.
 */
export default function PolicyImportPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const allowed = user !== null && mayManageKit(user)

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])

  if (!allowed) {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={{ kind: 'none', message: user ? '政策批量导入仅供属地和市级管理员使用' : '请先登录' }} signedIn={user !== null} />
      </View>
    )
  }
  return (
    <View className={`page ${textClass}`}>
      <XlsxImport<PolicyImportResult>
        idPrefix='policy-import'
        file={POLICY_FILE}
        template={{ url: policyTemplateUrl(), fileName: '政策批量导入模板.xlsx', label: 'Excel 模板（.xlsx）' }}
        columnsHint='每行一条政策：政策名称、发文单位、文号、诉求类别、发布 / 施行 / 失效日期、政策要点、申报方式、咨询电话与单位、原文链接、适用规模和行业（模板的“说明”页逐列解释）。导入后为草稿，检查无误再逐条发布。'
        run={importPolicies}
        summary={policyImportSummary}
        writable={(preview) => preview.summary.create}
        rows={policyImportRows}
      />
    </View>
  )
}
