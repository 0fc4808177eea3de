import { Picker, Text, View } from '@tarojs/components'
import type { CoHandler } from '@shared/schemas/appeal.schema'
import { TASK_STATUS_LABEL } from '@shared/labels'
import { ChipGroup } from '../../../components/chip-group'
import { TaskDeadline } from '../../../components/deadline'
import { ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { fetchCatalog } from '../../../services/api'
import { fetchTransferCandidates } from '../../../services/supervision-api'
import { handlerKey } from '../../../utils/action-form'

/**
 * The co-handler choice: departments and industry task forces from the catalog, several at once
 * (chips `cohandle-<kind>-<id>`). Co-handlers still working on an earlier request are left out:
 * they cannot be asked twice.
 */
export function CoHandlerPicker(props: { current: readonly CoHandler[]; selected: readonly string[]; onToggle: (key: string) => void }) {
  const catalog = useLoader('catalog', fetchCatalog)
  if (catalog.loading && !catalog.data) return <LoadingState text='正在加载协办单位…' />
  if (catalog.error && !catalog.data) return <ErrorState message={catalog.error.message} onRetry={() => void catalog.reload()} />
  const busy = new Set(props.current.filter((c) => c.status !== 'replied').map((c) => handlerKey(c.kind, c.id)))
  const departments = (catalog.data?.departments ?? [])
    .map((d) => ({ value: handlerKey('department', d.id), label: d.name }))
    .filter((o) => !busy.has(o.value))
  const taskForces = (catalog.data?.taskForces ?? [])
    .map((t) => ({ value: handlerKey('taskForce', t.id), label: t.name }))
    .filter((o) => !busy.has(o.value))
  const working = props.current.filter((c) => c.status !== 'replied')
  return (
    <View className='cohandle-picker'>
      {working.length ? <Text className='muted small cohandle-busy'>正在协办：{working.map((c) => c.name).join('、')}</Text> : null}
      <Text className='cohandle-group'>经办部门</Text>
      <ChipGroup idPrefix='cohandle' options={departments} selected={props.selected} onSelect={props.onToggle} />
      <Text className='cohandle-group'>行业专班</Text>
      <ChipGroup idPrefix='cohandle' options={taskForces} selected={props.selected} onSelect={props.onToggle} />
    </View>
  )
}

/** The specialists an appeal may go to (rows `transfer-<specialistId>`), one selected. */
export function TransferCandidatePicker(props: { appealId: string; selected: string; onSelect: (id: string) => void }) {
  const candidates = useLoader(`transfer-candidates|${props.appealId}`, () => fetchTransferCandidates(props.appealId))
  if (candidates.loading && !candidates.data) return <LoadingState text='正在加载专员…' />
  if (candidates.error && !candidates.data) return <ErrorState message={candidates.error.message} onRetry={() => void candidates.reload()} />
  const items = candidates.data ?? []
  if (items.length === 0) return <Text className='muted'>暂无可接办的专员</Text>
  return (
    <View className='candidate-picker'>
      {items.map((c) => {
        const selected = c.id === props.selected
        return (
          <View
            key={c.id}
            id={`transfer-${c.id}`}
            className={selected ? 'candidate-option candidate-option-selected' : 'candidate-option'}
            onClick={() => props.onSelect(c.id)}
          >
            <Text className='candidate-name'>
              {selected ? '✓ ' : ''}
              {c.name}
            </Text>
            <Text className='muted small ellipsis'>
              {c.title || '企业服务专员'}
              {c.areaId ? '' : ' · 市级'}
            </Text>
          </View>
        )
      })}
    </View>
  )
}

/**
 * A date wheel (Taro Picker mode='date') limited to the dates allowed, opening on the first of them;
 * shows the chosen date or a prompt. Without a range there is nothing to choose.
 */
export function DueDatePicker(props: { value: string; range: { start: string; end: string } | null; onChange: (date: string) => void }) {
  const { range } = props
  if (!range) {
    return (
      <View id='extend-date-value' className='input picker-value picker-placeholder'>
        无可选日期
      </View>
    )
  }
  return (
    <Picker mode='date' value={props.value || range.start} start={range.start} end={range.end} onChange={(e) => props.onChange(String(e.detail.value))}>
      <View id='extend-date-value' className={props.value ? 'input picker-value' : 'input picker-value picker-placeholder'}>
        {props.value || '请选择日期'}
      </View>
    </Picker>
  )
}

/** The co-handling tasks still without a reply, shown before the owner answers on their own. */
export function OpenTasks({ tasks }: { tasks: readonly CoHandler[] }) {
  return (
    <View id='open-tasks' className='banner banner-warning open-tasks'>
      <Text className='open-tasks-title'>以下协办单位尚未回复：</Text>
      {tasks.map((task) => (
        <View key={`${task.kind}-${task.id}`} className='open-task'>
          <Text className='open-task-name'>{task.name}</Text>
          <Text className={`chip-static task-${task.status}`}>{TASK_STATUS_LABEL[task.status]}</Text>
          <TaskDeadline task={task} />
        </View>
      ))}
    </View>
  )
}
