import { Text, View } from '@tarojs/components'
import { outcomeSchema, ratingSchema, type AppealEvent } from '@shared/schemas/appeal.schema'
import { EVENT_LABEL, LEVEL_LABEL, OUTCOME_LABEL, RATING_LABEL, ROLE_LABEL } from '@shared/labels'
import type { Attachment } from '@shared/schemas/attachment.schema'
import { formatDateTime } from '../../../utils/format'
import { EventAttachments } from './event-attachments'

/** A label for the outcome, rating or new level an event carries in `data`, if it carries one we know. */
function eventDetail(event: AppealEvent): string | null {
  const outcome = outcomeSchema.safeParse(event.data?.outcome)
  if (outcome.success) return OUTCOME_LABEL[outcome.data]
  const rating = ratingSchema.safeParse(event.data?.rating)
  if (rating.success) return RATING_LABEL[rating.data]
  const level = event.data?.level
  if (typeof level === 'number' && level > 0) return LEVEL_LABEL[level] ?? null
  return null
}

/** Events that tell of a missed deadline or a supervision step stand out on the timeline. */
const FLAGGED: readonly AppealEvent['type'][] = ['overdue', 'escalate', 'auto_close']

/** The appeal's history, oldest first, as the enterprise sees it (plus internal notes for officials). */
export function Timeline({ events, appealId, attachments = [] }: { events: AppealEvent[]; appealId: string; attachments?: Attachment[] }) {
  return (
    <View id='timeline' className='timeline'>
      {events.length === 0 ? <Text className='muted state-empty'>暂无办理记录</Text> : null}
      {events.map((event, index) => {
        const detail = eventDetail(event)
        return (
          <View
            key={`${event.seq}-${index}`}
            className={`timeline-event timeline-${event.type}${index === events.length - 1 ? ' timeline-latest' : ''}`}
          >
            <View className='timeline-dot' />
            <View className='timeline-body'>
              <View className='timeline-head'>
                <Text className={event.type === 'overdue' ? 'timeline-label timeline-label-overdue' : 'timeline-label'}>{EVENT_LABEL[event.type]}</Text>
                {detail ? (
                  <Text className={FLAGGED.includes(event.type) ? 'chip-static timeline-detail chip-level' : 'chip-static timeline-detail'}>{detail}</Text>
                ) : null}
                {event.internal ? <Text className='tag-internal'>内部</Text> : null}
              </View>
              <Text className='muted small'>
                {event.actor.name} · {ROLE_LABEL[event.actor.role]} · {formatDateTime(event.at)}
              </Text>
              {event.message ? <Text className='paragraph timeline-message'>{event.message}</Text> : null}
              <EventAttachments appealId={appealId} attachments={attachments.filter((a) => a.eventSeq === event.seq)} />
            </View>
          </View>
        )
      })}
    </View>
  )
}
