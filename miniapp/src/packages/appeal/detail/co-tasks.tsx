import { Text, View } from '@tarojs/components'
import type { CoHandler } from '@shared/schemas/appeal.schema'
import { TASK_STATUS_LABEL } from '@shared/labels'
import { TaskDeadline } from '../../../components/deadline'
import { formatDateTime } from '../../../utils/format'

/**
 * 协办任务: each department or task force asked to co-handle, with its status and deadline, what
 * it was asked, and — for officials only — its reply to the owner (the enterprise hears the
 * owner's answer, not the co-handlers').
 */
export function CoTasks({ tasks, showReplies }: { tasks: readonly CoHandler[]; showReplies: boolean }) {
  if (tasks.length === 0) return null
  return (
    <View id='co-tasks' className='card'>
      <Text className='section-title'>协办任务</Text>
      {tasks.map((task) => {
        const key = `${task.kind}-${task.id}`
        return (
          <View key={key} id={`task-${key}`} className='co-task'>
            <View className='co-task-head'>
              <Text className='co-task-name'>{task.name}</Text>
              <Text id={`task-status-${key}`} className={`chip-static task-${task.status}`}>
                {TASK_STATUS_LABEL[task.status]}
              </Text>
            </View>
            {task.status === 'replied' ? (
              <Text className='muted small'>已于 {formatDateTime(task.repliedAt ?? task.requestedAt)} 回复</Text>
            ) : (
              <TaskDeadline task={task} />
            )}
            {task.request ? <Text className='paragraph co-task-request'>协办事项：{task.request}</Text> : null}
            {showReplies && task.reply ? (
              <View className='co-task-reply'>
                <Text className='co-task-reply-label'>协办意见</Text>
                <Text className='paragraph'>{task.reply}</Text>
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
