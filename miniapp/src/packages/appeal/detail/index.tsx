import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { AppealAction, AppealActionType } from '@shared/schemas/appeal.schema'
import type { Role } from '@shared/schemas/common.schema'
import { OUTCOME_LABEL, RATING_LABEL } from '@shared/labels'
import { isEnterpriseStaff, isOfficial, mayDraftFaqFromAppeal, mayLinkToCommonProblem, maySeeCoHandlerReplies, mayWorkCommonProblems, seesAfterTransfer } from '@shared/domain/policy'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useAppealDetail } from '../../../hooks/use-appeal-detail'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { askAtTap, prepareSubscriptions } from '../../../services/subscriptions'
import { ROUTES } from '../../../settings'
import { actionButtonLabel, arrangeActions } from '../../../utils/action-form'
import { userTask } from '../../../utils/appeal'
import { formatDateTime } from '../../../utils/format'
import { subjectOf } from '../../../utils/subject'
import { ActionPanel } from './action-panel'
import { AppealHeader, AwaitingMaterialBanner, ClosingNote } from './appeal-header'
import { CoTasks } from './co-tasks'
import { DraftFaqFromAppeal } from './draft-faq'
import { CommonProblemLine, SimilarAppealsSection } from './common-problem'
import { mayJoinCommonProblem } from '../../../utils/common-problem'
import { Timeline } from './timeline'
import { FilerContactCard } from './filer-contact'
import { ReminderNotice } from '../../../components/reminder-notice'
import './index.css'

/** Taking on work is a natural tap to ask officials for subscribe messages (DESIGN §9). */
const ASKS_AT: readonly AppealActionType[] = ['accept', 'accept-task']
/** Enterprise staff: opening the form to supply material or to evaluate the answer. */
const STAFF_ASKS_AT: readonly AppealActionType[] = ['supply-material', 'evaluate', 'note']

/** After handing an appeal to someone else, a specialist can no longer see it: back to the list. */
function leaveAfterTransfer() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.reLaunch({ url: ROUTES.index })
}

export default function AppealDetailPage() {
  const { params } = useRouter()
  const id = params.id || null
  const user = useSessionUser()
  const textClass = useTextSizeClass()
  const detail = useAppealDetail(id)
  const [panel, setPanel] = useState<AppealActionType | null>(null)
  const [moreOpen, setMoreOpen] = useState(false)
  const official = isOfficial(user)

  // What to ask for at this page's taps: officials taking on work, staff supplying material or
  // reading and evaluating the answer (each precedes a message they will have to act on).
  useEffect(() => {
    if (user) prepareSubscriptions()
  }, [user])

  if (!id) return <EmptyState text='未找到该诉求' />
  if (!detail.data) {
    if (detail.error) return <ErrorState message={detail.error.message} onRetry={() => void detail.reload()} />
    return <LoadingState />
  }

  const { appeal, allowedActions } = detail.data
  const { bar, more } = arrangeActions(allowedActions)
  // While an action or a reload runs, the version on screen may be about to change.
  const busy = detail.acting || detail.loading
  const role = user?.role
  const viewer = subjectOf(user)
  // A specialist who hands the appeal on no longer sees it; an admin who moves it still does.
  const leavesAfter = (action: AppealAction) => action.type === 'transfer' && viewer !== null && !seesAfterTransfer(viewer, appeal, action.toSpecialistId)

  const submit = async (action: AppealAction) => {
    // First, while still inside the confirming tap: WeChat shows its dialog only there.
    if (official && ASKS_AT.includes(action.type)) void askAtTap()
    const result = await detail.act(action, { reload: !leavesAfter(action) })
    if (result.kind === 'done' && leavesAfter(action)) leaveAfterTransfer()
    return result
  }
  const open = (action: AppealActionType) => {
    // Inside the tap: WeChat shows its subscription dialog only there.
    if (!official && STAFF_ASKS_AT.includes(action)) void askAtTap()
    setMoreOpen(false)
    setPanel(action)
  }

  return (
    <View className={`${bar.length ? 'page page-with-bar' : 'page'} ${textClass}`}>
      {detail.error ? (
        <View className='banner banner-error detail-refresh-error' onClick={() => void detail.reload()}>
          {detail.error.message}（点此重试）
        </View>
      ) : null}
      <AppealHeader appeal={appeal} />
      {isEnterpriseStaff(user) ? <ReminderNotice id='detail-reminders' /> : null}
      {detail.data.filer ? <FilerContactCard filer={detail.data.filer} /> : null}

      <AwaitingMaterialBanner
        appeal={appeal}
        onSupply={allowedActions.includes('supply-material') && !busy ? () => open('supply-material') : null}
      />

      <View className='card'>
        <Text className='section-title'>诉求内容</Text>
        <Text className='paragraph'>{appeal.description}</Text>
      </View>

      <CoTasks tasks={appeal.coHandlers} showReplies={user !== null && maySeeCoHandlerReplies(user)} />

      {appeal.commonProblem && mayWorkCommonProblems(user) ? (
        <CommonProblemLine problem={appeal.commonProblem} />
      ) : viewer && mayJoinCommonProblem(appeal) && mayLinkToCommonProblem(viewer, appeal) ? (
        <SimilarAppealsSection key={appeal.id} appeal={appeal} onMerged={() => void detail.reload()} />
      ) : null}

      {appeal.response ? (
        <View id='appeal-response' className='card detail-response' onClick={official ? undefined : () => void askAtTap()}>
          <View className='row detail-block-head'>
            <Text className='section-title detail-inline-title'>办理答复</Text>
            <Text className='chip-static'>{OUTCOME_LABEL[appeal.response.outcome]}</Text>
          </View>
          <Text className='paragraph'>{appeal.response.message}</Text>
          <Text className='muted small'>{formatDateTime(appeal.response.at)}</Text>
        </View>
      ) : null}

      <ClosingNote appeal={appeal} isStaff={isEnterpriseStaff(user)} />

      {appeal.status === 'closed' && appeal.response && viewer && mayDraftFaqFromAppeal(viewer, appeal) ? <DraftFaqFromAppeal appealId={appeal.id} /> : null}

      {appeal.evaluation ? (
        <View id='appeal-evaluation' className='card'>
          <View className='row detail-block-head'>
            <Text className='section-title detail-inline-title'>企业评价</Text>
            <Text className={`chip-static rating-${appeal.evaluation.rating}`}>{RATING_LABEL[appeal.evaluation.rating]}</Text>
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
        <Timeline events={detail.data.events} appealId={appeal.id} attachments={detail.data.attachments} />
      </View>

      {bar.length ? (
        <View className='action-bar'>
          {bar.map((action) => (
            <ActionButton key={action} action={action} role={role} primary={action === bar[0]} busy={busy} onOpen={open} />
          ))}
          {more.length ? (
            <Button
              id='action-more'
              className={`btn btn-outline${busy ? ' btn-busy' : ''}`}
              disabled={busy || undefined}
              onClick={() => setMoreOpen(true)}
            >
              更多
            </Button>
          ) : null}
        </View>
      ) : null}

      {moreOpen ? (
        <View className='action-more'>
          <View className='sheet-mask' onClick={() => setMoreOpen(false)} />
          <View id='more-actions' className='sheet'>
            <Text className='sheet-title'>更多操作</Text>
            <View className='more-actions'>
              {more.map((action) => (
                <ActionButton key={action} action={action} role={role} primary={false} busy={busy} onOpen={open} />
              ))}
            </View>
            <Button className='btn btn-block more-cancel' onClick={() => setMoreOpen(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : null}

      {panel ? (
        <ActionPanel
          key={`${panel}-${appeal.version}`}
          type={panel}
          appeal={appeal}
          role={role}
          task={userTask(appeal, user)}
          acting={detail.acting}
          onSubmit={submit}
          onClose={() => setPanel(null)}
        />
      ) : null}
    </View>
  )
}

function ActionButton(props: {
  action: AppealActionType
  role: Role | undefined
  primary: boolean
  busy: boolean
  onOpen: (action: AppealActionType) => void
}) {
  const { action, busy } = props
  const style = action === 'withdraw' ? 'btn-danger' : props.primary ? 'btn-primary' : 'btn-outline'
  return (
    <Button
      id={`action-${action}`}
      className={`btn ${style}${busy ? ' btn-busy' : ''}`}
      disabled={busy || undefined}
      onClick={() => props.onOpen(action)}
    >
      {actionButtonLabel(action, props.role)}
    </Button>
  )
}
