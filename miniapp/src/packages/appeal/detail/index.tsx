import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { AppealActionType, AppealDetail } from '@shared/schemas/appeal.schema'
import { ACTION_LABEL, OUTCOME_LABEL, RATING_LABEL } from '@shared/labels'
import { Deadline } from '../../../components/deadline'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { StatusTag } from '../../../components/status-tag'
import { useAppealDetail } from '../../../hooks/use-appeal-detail'
import { useSessionUser } from '../../../hooks/use-session-user'
import { holderName, levelLabel } from '../../../utils/appeal'
import { formatDateTime, formatShortDate } from '../../../utils/format'
import { ActionPanel } from './action-panel'
import { Timeline } from './timeline'
import './index.css'

/** Button order in the action bar: the usual next step first. */
const ACTION_ORDER: AppealActionType[] = ['accept', 'respond', 'note', 'evaluate', 'withdraw']
const BUTTON_LABEL: Record<AppealActionType, string> = { ...ACTION_LABEL, respond: '答复企业' }

export default function AppealDetailPage() {
  const { params } = useRouter()
  const id = params.id || null
  const user = useSessionUser()
  const detail = useAppealDetail(id)
  const [panel, setPanel] = useState<AppealActionType | null>(null)

  if (!id) return <EmptyState text='未找到该诉求' />
  if (!detail.data) {
    if (detail.error) return <ErrorState message={detail.error.message} onRetry={() => void detail.reload()} />
    return <LoadingState />
  }

  const { appeal, allowedActions } = detail.data
  const actions = ACTION_ORDER.filter((a) => allowedActions.indexOf(a) >= 0)
  // While an action or a reload runs, the version on screen may be about to change.
  const busy = detail.acting || detail.loading

  return (
    <View className={actions.length ? 'page page-with-bar' : 'page'}>
      {detail.error ? (
        <View className='banner banner-error detail-refresh-error' onClick={() => void detail.reload()}>
          {detail.error.message}（点此重试）
        </View>
      ) : null}
      <AppealHeader detail={detail.data} />

      <View className='card'>
        <Text className='section-title'>诉求内容</Text>
        <Text className='paragraph'>{appeal.description}</Text>
      </View>

      {appeal.response ? (
        <View id='appeal-response' className='card detail-response'>
          <View className='row detail-block-head'>
            <Text className='section-title detail-inline-title'>办理答复</Text>
            <Text className='chip-static'>{OUTCOME_LABEL[appeal.response.outcome]}</Text>
          </View>
          <Text className='paragraph'>{appeal.response.message}</Text>
          <Text className='muted small'>{formatDateTime(appeal.response.at)}</Text>
        </View>
      ) : null}

      {appeal.evaluation ? (
        <View id='appeal-evaluation' className='card'>
          <View className='row detail-block-head'>
            <Text className='section-title detail-inline-title'>企业评价</Text>
            <Text className={`chip-static rating-${appeal.evaluation.rating}`}>
              {RATING_LABEL[appeal.evaluation.rating]}
            </Text>
          </View>
          {appeal.evaluation.comment ? <Text className='paragraph'>{appeal.evaluation.comment}</Text> : null}
          <Text className='muted small'>{formatDateTime(appeal.evaluation.at)}</Text>
        </View>
      ) : null}

      {appeal.withdrawal ? (
        <View className='card'>
          <Text className='section-title'>撤回原因</Text>
          <Text className='paragraph'>{appeal.withdrawal.reason}</Text>
          <Text className='muted small'>{formatDateTime(appeal.withdrawal.at)}</Text>
        </View>
      ) : null}

      <View className='card'>
        <Text className='section-title'>办理过程</Text>
        <Timeline events={detail.data.events} />
      </View>

      {actions.length ? (
        <View className='action-bar'>
          {actions.map((action) => (
            <Button
              key={action}
              id={`action-${action}`}
              className={`btn ${buttonStyle(action, actions[0])}${busy ? ' btn-busy' : ''}`}
              disabled={busy || undefined}
              onClick={() => setPanel(action)}
            >
              {BUTTON_LABEL[action]}
            </Button>
          ))}
        </View>
      ) : null}

      {panel ? (
        <ActionPanel
          key={`${panel}-${appeal.version}`}
          type={panel}
          version={appeal.version}
          canMarkInternal={!!user && user.role !== 'staff'}
          acting={detail.acting}
          onSubmit={detail.act}
          onClose={() => setPanel(null)}
        />
      ) : null}
    </View>
  )
}

function buttonStyle(action: AppealActionType, first: AppealActionType | undefined): string {
  if (action === 'withdraw') return 'btn-danger'
  return action === first ? 'btn-primary' : 'btn-outline'
}

function AppealHeader({ detail }: { detail: AppealDetail }) {
  const { appeal } = detail
  const level = levelLabel(appeal.level)
  return (
    <View className='card'>
      <View className='detail-title-row'>
        <Text className='detail-title'>{appeal.title}</Text>
        <StatusTag id='appeal-status' status={appeal.status} />
      </View>
      {level || appeal.reopenCount > 0 ? (
        <View className='row detail-flags'>
          {level ? <Text className='chip-static detail-flag'>{level}</Text> : null}
          {appeal.reopenCount > 0 ? <Text className='chip-static detail-flag'>已重新办理</Text> : null}
        </View>
      ) : null}
      <View className='kv'>
        <Text className='kv-key'>企业</Text>
        <Text className='kv-value'>{appeal.enterpriseName}</Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>类别</Text>
        <Text className='kv-value'>{appeal.categoryName}</Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>承办人</Text>
        <Text className='kv-value'>{holderName(appeal)}</Text>
      </View>
      {appeal.coHandlers.length ? (
        <View className='kv'>
          <Text className='kv-key'>协办</Text>
          <Text className='kv-value'>{appeal.coHandlers.map((c) => c.name).join('、')}</Text>
        </View>
      ) : null}
      <View className='kv'>
        <Text className='kv-key'>提交时间</Text>
        <Text className='kv-value'>{formatDateTime(appeal.createdAt)}</Text>
      </View>
      {appeal.status === 'assigned' || appeal.status === 'submitted' ? (
        <View className='kv'>
          <Text className='kv-key'>首次响应</Text>
          <Text className='kv-value'>
            {formatShortDate(appeal.firstResponseDueAt)} 前{appeal.deadlineProvisional ? '（暂定）' : ''}
          </Text>
        </View>
      ) : null}
      {appeal.deadlineProvisional ? (
        <Text id='deadline-provisional-note' className='muted small'>
          时限按暂定日历计算：相关年份的法定节假日安排尚未公布，公布后时限可能调整。
        </Text>
      ) : null}
      <View className='kv'>
        <Text className='kv-key'>时限</Text>
        <View className='kv-value'>
          <Deadline appeal={appeal} />
        </View>
      </View>
    </View>
  )
}
