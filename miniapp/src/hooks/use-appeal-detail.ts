import { useCallback, useState } from 'react'
import Taro from '@tarojs/taro'
import type { AppealAction, AppealActionType, AppealDetail } from '@shared/schemas/appeal.schema'
import type { FieldErrors } from '@shared/errors'
import { actOnAppeal, fetchAppealDetail } from '../services/api'
import { asApiError } from '../services/request'
import { panelFieldErrors } from '../utils/action-form'
import { useLoader, type Loader } from './use-loader'

/** The toast after an action succeeds (WeChat shows at most 7 characters beside an icon). */
const DONE_TOAST: Record<AppealActionType, string> = {
  accept: '已受理',
  note: '已记录进展',
  respond: '已答复企业',
  evaluate: '评价已提交',
  withdraw: '已撤回',
  'co-handle': '已请部门协办',
  'accept-task': '已接收协办',
  'reply-task': '已回复协办',
  transfer: '已转办',
  escalate: '已提级',
  extend: '已延长时限',
  'request-material': '已通知企业',
  'supply-material': '材料已提交',
  'set-measure': '措施已保存',
  'call-evaluate': '回访评价已记录',
  reopen: '已重新办理',
}

/** Conflicts mean the appeal moved on under us: show why and show the fresh state. */
const STALE_CODES = ['VERSION_CONFLICT', 'INVALID_TRANSITION']

export type ActResult =
  | { kind: 'done' }
  /** The appeal changed meanwhile; the detail was reloaded and the panel should close. */
  | { kind: 'stale' }
  | { kind: 'invalid'; fields: FieldErrors; message: string }
  | { kind: 'failed'; message: string }

export interface AppealDetailState extends Loader<AppealDetail> {
  acting: boolean
  /** `reload: false` when the caller will no longer see the appeal afterwards (a specialist's transfer). */
  act: (action: AppealAction, options?: { reload?: boolean }) => Promise<ActResult>
}

export function useAppealDetail(id: string | null): AppealDetailState {
  const loader = useLoader(id, () => fetchAppealDetail(id ?? ''))
  const [acting, setActing] = useState(false)
  const { reload } = loader

  const act = useCallback(
    async (action: AppealAction, options: { reload?: boolean } = {}): Promise<ActResult> => {
      if (!id) return { kind: 'failed', message: '未找到该诉求' }
      setActing(true)
      try {
        await actOnAppeal(id, action)
        void Taro.showToast({ title: DONE_TOAST[action.type], icon: 'success' })
        if (options.reload !== false) await reload()
        return { kind: 'done' }
      } catch (e) {
        const error = asApiError(e)
        if (error.status === 409 && STALE_CODES.indexOf(error.code) >= 0) {
          void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 })
          await reload()
          return { kind: 'stale' }
        }
        if (Object.keys(error.fields).length > 0) {
          return { kind: 'invalid', fields: panelFieldErrors(action.type, error.fields), message: error.message }
        }
        return { kind: 'failed', message: error.message }
      } finally {
        setActing(false)
      }
    },
    [id, reload],
  )

  return { ...loader, acting, act }
}
