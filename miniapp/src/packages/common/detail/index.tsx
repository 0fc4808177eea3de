import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import type { FieldErrors } from '@shared/errors'
import { OUTCOME_LABEL } from '@shared/labels'
import { mayWorkCommonProblems } from '@shared/domain/policy'
import { MESSAGE_MAX, type Outcome } from '@shared/schemas/appeal.schema'
import type { CommonProblemAction, CommonProblemActionType, CommonProblemDetail, LinkedAppeal, SimilarAppeal } from '@shared/schemas/common-problem.schema'
import { ChipGroup } from '../../../components/chip-group'
import { FormField } from '../../../components/form-field'
import { MeasureFields } from '../../../components/measure-fields'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { SimilarAppealChecklist } from '../../../components/similar-appeals'
import { StatusTag } from '../../../components/status-tag'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { actOnCommonProblem, fetchCommonProblem, fetchSimilarAppeals } from '../../../services/common-problems-api'
import { asApiError } from '../../../services/request'
import { ROUTES } from '../../../settings'
import {
  actionOutcomeOf,
  actionRequestOf,
  COMMON_ACTION_LABEL,
  COMMON_STATUS_LABEL,
  commonFormFields,
  emptyActionForm,
  reachLine,
  type ActionForm,
  type ActionOutcome,
} from '../../../utils/common-problem'
import { formatDateTime } from '../../../utils/format'
import '../common.css'

type PanelType = Exclude<CommonProblemActionType, 'unlink'>
const PANEL_ORDER: readonly PanelType[] = ['respond', 'note', 'set-measure', 'link']
const OUTCOMES: readonly { value: Outcome; label: string }[] = (['resolved', 'partly', 'cannot'] as const).map((value) => ({ value, label: OUTCOME_LABEL[value] }))

/**
 * A common problem: what it is, who answers for it, its measure and answer, the appeals it covers
 * (each opens the appeal), and what the caller may do — every action is written to each linked
 * appeal, and the page says how many it reached and which it skipped, and why.
 */
export default function CommonProblemPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const { params } = useRouter()
  const id = params.id ? decodeURIComponent(params.id) : ''
  const allowed = mayWorkCommonProblems(user)
  const loaded = useLoader(allowed && id ? `common-problem|${id}` : null, () => fetchCommonProblem(id))
  // The answer to the last action carries the problem as it now stands: shown until a reload.
  const [fresh, setFresh] = useState<CommonProblemDetail | null>(null)
  const [outcome, setOutcome] = useState<ActionOutcome | null>(null)
  const [panel, setPanel] = useState<PanelType | null>(null)
  const [acting, setActing] = useState(false)

  const reload = async () => {
    await loaded.reload()
    setFresh(null)
  }
  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && loaded.data) void reload()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    reload().then(stop, stop)
  })

  if (!user || !allowed) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='只有企业服务专员和管理员可以查看共性问题' />
      </View>
    )
  }
  const data = fresh ?? loaded.data
  if (!data) {
    return (
      <View className={`page ${textClass}`}>
        {loaded.error ? <ErrorState message={loaded.error.message} onRetry={() => void loaded.reload()} /> : <LoadingState />}
      </View>
    )
  }
  const { problem, appeals, allowedActions } = data
  const panels = PANEL_ORDER.filter((type) => allowedActions.includes(type))

  /** Sends one action; a refusal is returned for the panel to show beside its fields. */
  const act = async (action: CommonProblemAction): Promise<FieldErrors | null> => {
    setActing(true)
    setOutcome(null)
    try {
      const result = await actOnCommonProblem(problem.id, action)
      setOutcome(actionOutcomeOf(action.type, result, [...appeals, ...result.appeals]))
      setFresh(result)
      setPanel(null)
      return null
    } catch (error) {
      const apiError = asApiError(error)
      return { _: apiError.message, ...commonFormFields(apiError.fields) }
    } finally {
      setActing(false)
    }
  }
  const unlink = async (appeal: LinkedAppeal) => {
    const { confirm } = await Taro.showModal({ title: '移出共性问题', content: `将 ${appeal.enterpriseName} 的诉求移出后，它回到单独办理。确定移出吗？` })
    if (!confirm) return
    const refused = await act({ type: 'unlink', appealId: appeal.id })
    if (refused) void Taro.showToast({ title: refused._ ?? '移出失败', icon: 'none', duration: 3000 })
  }

  return (
    <View className={`page ${panels.length ? 'page-with-bar' : ''} ${textClass}`}>
      {loaded.error ? (
        <View className='banner banner-error' onClick={() => void reload()}>
          {loaded.error.message}（点此重试）
        </View>
      ) : null}
      <View id='cp-head' className='card'>
        <View className='common-head'>
          <Text id='cp-title' className='common-title'>
            {problem.title}
          </Text>
          <Text id='cp-status' className={`chip-static common-status-${problem.status}`}>
            {COMMON_STATUS_LABEL[problem.status]}
          </Text>
        </View>
        <Row label='类别' value={problem.categoryName} />
        <Row label='责任单位' value={problem.responsibleUnit} />
        <Row label='承办' value={problem.holder.name} />
        <Text id='cp-reach' className='common-reach'>
          {reachLine(problem)}
        </Text>
      </View>

      {outcome ? <OutcomeCard outcome={outcome} onClose={() => setOutcome(null)} /> : null}

      <View id='cp-measure' className='card'>
        <Text className='section-title'>解决措施</Text>
        {problem.measure ? (
          <View>
            <Text className='paragraph'>{problem.measure.text}</Text>
            <Text className='muted small'>
              {problem.measure.unit} · {problem.measure.dueDate} 前完成
            </Text>
          </View>
        ) : (
          <Text className='muted'>尚未设定解决措施</Text>
        )}
      </View>

      {problem.answer ? (
        <View id='cp-answer' className='card'>
          <View className='common-head'>
            <Text className='section-title'>统一答复</Text>
            <Text className='chip-static'>{OUTCOME_LABEL[problem.answer.outcome]}</Text>
          </View>
          <Text className='paragraph'>{problem.answer.message}</Text>
          <Text className='muted small'>
            {problem.answer.by.name} · {formatDateTime(problem.answer.at)}
          </Text>
        </View>
      ) : null}

      <Text className='section-title'>涉及诉求（{appeals.length}）</Text>
      {appeals.length === 0 ? (
        <EmptyState text='已没有关联的诉求' />
      ) : (
        <View id='cp-appeals'>
          {appeals.map((appeal) => (
            <AppealRow key={appeal.id} appeal={appeal} onUnlink={allowedActions.includes('unlink') && !acting ? () => void unlink(appeal) : null} />
          ))}
        </View>
      )}

      {panels.length ? (
        <View className='action-bar'>
          {panels.map((type, i) => (
            <Button
              key={type}
              id={`cp-action-${type}`}
              className={`btn ${i === 0 ? 'btn-primary' : 'btn-outline'}${acting ? ' btn-busy' : ''}`}
              disabled={acting || undefined}
              onClick={() => setPanel(type)}
            >
              {COMMON_ACTION_LABEL[type]}
            </Button>
          ))}
        </View>
      ) : null}

      {panel ? (
        <ActionPanel
          key={`${panel}-${problem.version}`}
          type={panel}
          problemAppeals={appeals}
          acting={acting}
          onSubmit={act}
          onClose={() => setPanel(null)}
        />
      ) : null}
    </View>
  )
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className='kv'>
      <Text className='kv-key'>{label}</Text>
      <Text className='kv-value'>{value}</Text>
    </View>
  )
}

function OutcomeCard({ outcome, onClose }: { outcome: ActionOutcome; onClose: () => void }) {
  return (
    <View id='cp-result' className='card common-result'>
      <View className='common-head'>
        <Text id='cp-result-headline' className='common-result-headline'>
          {outcome.headline}
        </Text>
        <Button id='cp-result-close' className='btn btn-outline btn-small' onClick={onClose}>
          知道了
        </Button>
      </View>
      {outcome.skipped.length ? (
        <View id='cp-skipped'>
          <Text className='small'>未写入 {outcome.skipped.length} 件：</Text>
          {outcome.skipped.map((s) => (
            <Text key={s.appealId} id={`cp-skipped-${s.appealId}`} className='muted small common-skipped'>
              {s.label}：{s.reason}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}

function AppealRow({ appeal, onUnlink }: { appeal: LinkedAppeal; onUnlink: (() => void) | null }) {
  return (
    <View id={`cp-appeal-${appeal.id}`} className='card common-appeal'>
      <View className='common-appeal-main' onClick={() => void Taro.navigateTo({ url: `${ROUTES.appealDetail}?id=${encodeURIComponent(appeal.id)}` })}>
        <View className='common-head'>
          <Text className='common-appeal-title'>{appeal.enterpriseName}</Text>
          <StatusTag status={appeal.status} />
        </View>
        <Text className='small'>{appeal.title}</Text>
        <Text className='muted small'>
          <Text className='appeal-number'>{appeal.number}</Text>
          {appeal.ownerName ? ` · 专员 ${appeal.ownerName}` : ''}
        </Text>
      </View>
      {onUnlink ? (
        <Button id={`cp-unlink-${appeal.id}`} className='btn btn-outline btn-small common-unlink' onClick={onUnlink}>
          移出
        </Button>
      ) : null}
    </View>
  )
}

const PANEL_INTRO: Record<PanelType, string> = {
  note: '进展写入每件关联诉求的办理过程，各企业都能看到。',
  'set-measure': '措施写入每件关联诉求。',
  respond: '答复写入每件关联诉求，各企业分别评价自己的诉求。',
  link: '从第一件诉求的相似诉求中选择要追加的诉求。',
}

/** The bottom sheet of one action: its fields, and the refusal of the server beside them. */
function ActionPanel(props: {
  type: PanelType
  problemAppeals: readonly LinkedAppeal[]
  acting: boolean
  onSubmit: (action: CommonProblemAction) => Promise<FieldErrors | null>
  onClose: () => void
}) {
  const { type } = props
  const [form, setForm] = useState<ActionForm>(emptyActionForm)
  const [fields, setFields] = useState<FieldErrors>({})
  const set = <K extends keyof ActionForm>(name: K, value: ActionForm[K]) => {
    setForm((f) => ({ ...f, [name]: value }))
    setFields((f) => ({ ...f, [name]: '' }))
  }

  const submit = async () => {
    const checked = actionRequestOf(type, form)
    if (!checked.ok) {
      setFields(checked.fields)
      return
    }
    const refused = await props.onSubmit(checked.request)
    if (refused) setFields(refused)
  }

  return (
    <View className='action-more'>
      <View className='sheet-mask' onClick={props.onClose} />
      <View id={`cp-panel-${type}`} className='sheet'>
        <Text className='sheet-title'>{COMMON_ACTION_LABEL[type]}</Text>
        <Text className='muted small common-panel-intro'>{PANEL_INTRO[type]}</Text>
        {type === 'respond' ? (
          <FormField label='办理结果' required error={fields.outcome}>
            <ChipGroup idPrefix='cp-outcome' options={OUTCOMES} selected={form.outcome} onSelect={(v) => set('outcome', v)} />
          </FormField>
        ) : null}
        {type === 'respond' || type === 'note' ? (
          <FormField label={type === 'respond' ? '答复内容' : '进展说明'} required error={fields.message} counter={{ length: form.message.trim().length, max: MESSAGE_MAX }}>
            <Textarea
              id='cp-message'
              className='textarea'
              value={form.message}
              maxlength={MESSAGE_MAX}
              placeholder={type === 'respond' ? '向各企业说明办理结果' : '办到哪一步了'}
              onInput={(e) => set('message', e.detail.value)}
            />
          </FormField>
        ) : null}
        {type === 'respond' ? (
          <FormField label='先行答复的原因（有协办单位尚未回复时填写）' error={fields.openTaskReason}>
            <Textarea
              id='cp-open-task-reason'
              className='textarea'
              value={form.openTaskReason}
              maxlength={200}
              placeholder='不填写时，协办单位尚未回复的诉求本次不答复'
              onInput={(e) => set('openTaskReason', e.detail.value)}
            />
          </FormField>
        ) : null}
        {type === 'set-measure' ? <MeasureFields idPrefix='cp-measure' values={form} fields={fields} onChange={(name, value) => set(name, value)} /> : null}
        {type === 'link' ? (
          <LinkPicker appeals={props.problemAppeals} selected={form.appealIds} onChange={(ids) => set('appealIds', ids)} error={fields.appealIds} />
        ) : null}
        {fields._ ? <Text className='field-error'>{fields._}</Text> : null}
        <View className='sheet-actions'>
          <Button className='btn btn-outline' onClick={props.onClose}>
            取消
          </Button>
          <Button
            id='cp-submit'
            className={`btn btn-primary${props.acting ? ' btn-busy' : ''}`}
            disabled={props.acting || undefined}
            onClick={() => void submit()}
          >
            {props.acting ? '提交中…' : '确定'}
          </Button>
        </View>
      </View>
    </View>
  )
}

/** 追加诉求: the first linked appeal's similar suggestions, less those already in the problem. */
function LinkPicker(props: { appeals: readonly LinkedAppeal[]; selected: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const first = props.appeals[0]
  const similar = useLoader<SimilarAppeal[]>(first ? `similar|${first.id}` : null, () => fetchSimilarAppeals(first!.id))
  if (!first) return <EmptyState text='没有可参照的诉求' />
  if (!similar.data) return similar.error ? <ErrorState message={similar.error.message} onRetry={() => void similar.reload()} /> : <LoadingState text='正在查找相似诉求…' />
  const linked = new Set(props.appeals.map((a) => a.id))
  const items = similar.data.filter((s) => !linked.has(s.appeal.id))
  if (items.length === 0) return <EmptyState text='暂未发现可追加的相似诉求' />
  const toggle = (id: string) => props.onChange(props.selected.includes(id) ? props.selected.filter((x) => x !== id) : [...props.selected, id])
  return (
    <View>
      <SimilarAppealChecklist idPrefix='cp-similar' items={items} selected={props.selected} onToggle={toggle} />
      {props.error ? <Text className='field-error'>{props.error}</Text> : null}
    </View>
  )
}
