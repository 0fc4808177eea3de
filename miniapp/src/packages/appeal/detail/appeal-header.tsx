import { Button, Text, View } from '@tarojs/components'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { CHANNEL_LABEL, ESCALATION_CAUSE_LABEL, ON_BEHALF_LABEL } from '@shared/labels'
import { filedByEnterprise } from '@shared/domain/policy'
import { AUTO_CLOSE_DAYS } from '@shared/domain/deadlines'
import { Deadline } from '../../../components/deadline'
import { StatusTag } from '../../../components/status-tag'
import { holderName, isOverdue, levelLabel } from '../../../utils/appeal'
import { formatDateTime, formatShortDate } from '../../../utils/format'

/** Title, status and the supervision marks (level, overdue), then who holds it and by when. */
export function AppealHeader({ appeal }: { appeal: Appeal }) {
  const level = levelLabel(appeal.level)
  const overdue = isOverdue(appeal)
  const awaitingFirstResponse = appeal.status === 'assigned' || appeal.status === 'submitted'
  return (
    <View className='card'>
      <View className='detail-title-row'>
        <Text className='detail-title'>{appeal.title}</Text>
        <StatusTag id='appeal-status' status={appeal.status} />
      </View>
      {level || overdue || appeal.reopenCount > 0 ? (
        <View className='row detail-flags'>
          {level ? (
            <Text id='appeal-level' className='chip-static chip-level'>
              {level}
            </Text>
          ) : null}
          {overdue ? (
            <Text id='appeal-overdue' className='chip-static chip-overdue'>
              已超期
            </Text>
          ) : null}
          {appeal.reopenCount > 0 ? <Text className='chip-static detail-flag'>已重新办理</Text> : null}
        </View>
      ) : null}
      {level && appeal.escalation ? (
        <View id='appeal-escalation' className='detail-escalation'>
          <Text className='detail-escalation-cause'>提级原因：{ESCALATION_CAUSE_LABEL[appeal.escalation.cause]}</Text>
          <Text className='paragraph'>{appeal.escalation.reason}</Text>
          <Text className='muted small'>
            {appeal.escalation.by} · {formatDateTime(appeal.escalation.at)}
          </Text>
        </View>
      ) : null}
      <View className='kv'>
        <Text className='kv-key'>诉求编号</Text>
        <Text id='appeal-number' className='kv-value appeal-number' userSelect>
          {appeal.number}
        </Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>企业</Text>
        <Text className='kv-value'>{appeal.enterpriseName}</Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>类别</Text>
        <Text className='kv-value'>{appeal.categoryName}</Text>
      </View>
      {filedByEnterprise(appeal) ? null : (
        <View className='kv'>
          <Text className='kv-key'>来源</Text>
          <Text id='appeal-on-behalf' className='kv-value'>
            {ON_BEHALF_LABEL}（{appeal.filedBy.name}，{CHANNEL_LABEL[appeal.channel]}
            {appeal.source ? `：${appeal.source.label}` : ''}）
          </Text>
        </View>
      )}
      {appeal.measure ? (
        <View className='kv'>
          <Text className='kv-key'>解决措施</Text>
          <Text id='appeal-measure' className='kv-value'>
            {appeal.measure.text}（责任单位：{appeal.measure.unit}，{appeal.measure.dueDate} 前完成）
          </Text>
        </View>
      ) : null}
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
      {awaitingFirstResponse ? (
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
          <Deadline id='appeal-deadline' appeal={appeal} />
        </View>
      </View>
      {appeal.extensionCount || appeal.pausedDays ? (
        <View className='kv'>
          <Text className='kv-key'>时限调整</Text>
          <Text id='appeal-extensions' className='kv-value'>
            {[
              appeal.extensionCount ? `已延期 ${appeal.extensionCount} 次` : null,
              appeal.pausedDays ? `补充材料暂停 ${appeal.pausedDays} 个工作日` : null,
            ]
              .filter(Boolean)
              .join('，')}
          </Text>
        </View>
      ) : null}
    </View>
  )
}

/**
 * While the owner waits for the enterprise's material the clock stands still; the enterprise
 * sees what is asked and a button to answer it.
 */
export function AwaitingMaterialBanner({ appeal, onSupply }: { appeal: Appeal; onSupply: (() => void) | null }) {
  if (!appeal.awaitingMaterial) return null
  return (
    <View id='awaiting-material' className='card banner-warning detail-waiting'>
      <Text className='detail-waiting-title'>等待企业补充材料，办理时限暂停</Text>
      <Text className='paragraph'>需要补充：{appeal.awaitingMaterial.message}</Text>
      <Text className='muted small'>{formatDateTime(appeal.awaitingMaterial.since)} 起暂停计时</Text>
      {onSupply ? (
        <Button id='supply-material' className='btn btn-primary btn-small detail-waiting-button' onClick={onSupply}>
          补充材料
        </Button>
      ) : null}
    </View>
  )
}

/**
 * How a finished appeal ended for the record: closed by the system without an evaluation (never
 * counted as satisfied), or — while responded — when it will close if nobody evaluates.
 */
export function ClosingNote({ appeal, isStaff }: { appeal: Appeal; isStaff: boolean }) {
  if (appeal.status === 'closed' && appeal.notEvaluated) {
    return (
      <View id='closing-note' className='card banner-muted'>
        <Text className='paragraph'>企业在答复后 {AUTO_CLOSE_DAYS} 个工作日内未评价，系统已自动办结，计为“未评价”（不计入满意）。</Text>
        {appeal.closedAt ? <Text className='muted small'>{formatDateTime(appeal.closedAt)} 自动办结</Text> : null}
      </View>
    )
  }
  if (appeal.status === 'responded' && appeal.autoCloseAt) {
    return (
      <View id='closing-note' className='card banner-muted'>
        <Text className='paragraph'>
          {isStaff
            ? `请在 ${formatShortDate(appeal.autoCloseAt)} 前评价办理结果；逾期未评价，系统将自动办结。`
            : `企业未评价的，将于 ${formatShortDate(appeal.autoCloseAt)} 自动办结，计为“未评价”。`}
        </Text>
      </View>
    )
  }
  return null
}
