import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { BINDING_STATUS_LABEL } from '@shared/labels'
import type { BindingDecision, StaffMember } from '@shared/schemas/user.schema'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { decideStaff, listEnterpriseStaff, listStaffRequests } from '../../../services/api'
import { asApiError } from '../../../services/request'
import { formatShortDateTime } from '../../../utils/format'
import { DECISION_LABEL, decisionsFor } from './staff-decisions'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import './index.css'


/**
 * With ?enterpriseId=: the enterprise's people (for its specialist, admins and approved colleagues).
 * Without: the join requests waiting for the signed-in specialist or area admin.
 */
export default function StaffPage() {
  const textClass = useTextSizeClass()
  const enterpriseId = useRouter().params.enterpriseId
  const viewer = useSessionUser()
  const members = useLoader(`staff|${enterpriseId ?? 'requests'}`, () => (enterpriseId ? listEnterpriseStaff(enterpriseId) : listStaffRequests()))
  const [deciding, setDeciding] = useState<string | null>(null)

  usePullDownRefresh(() => {
    void members.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const decide = async (member: StaffMember, decision: BindingDecision) => {
    if (deciding) return
    if (decision !== 'approve') {
      const { confirm } = await Taro.showModal({
        title: DECISION_LABEL[decision],
        content: decision === 'reject' ? `确认驳回 ${member.userName} 加入「${member.enterpriseName}」的申请？` : `确认解除 ${member.userName} 与「${member.enterpriseName}」的绑定？解除后其将无法查看本企业诉求。`,
      })
      if (!confirm) return
    }
    setDeciding(`${member.enterpriseId}|${member.userId}`)
    try {
      await decideStaff(member.enterpriseId, member.userId, decision)
      void Taro.showToast({ title: `已${DECISION_LABEL[decision]}`, icon: 'success' })
      await members.reload()
    } catch (e) {
      void Taro.showToast({ title: asApiError(e).message, icon: 'none', duration: 3000 })
    } finally {
      setDeciding(null)
    }
  }

  if (members.loading && !members.data) return <LoadingState />
  if (members.error && !members.data) return <ErrorState message={members.error.message} onRetry={() => void members.reload()} />
  const items = members.data ?? []

  return (
    <View className={`page ${textClass}`}>
      <Text className='muted staff-intro'>
        {enterpriseId ? '本企业的联系人：核实后可查看本企业全部诉求。' : '扫码申请绑定企业的联系人：请核实其确为该企业员工后通过。'}
      </Text>
      {items.length === 0 ? (
        <EmptyState text={enterpriseId ? '暂无联系人' : '暂无待核实的联系人'} />
      ) : (
        items.map((member) => (
          <View key={`${member.enterpriseId}|${member.userId}`} id={`staff-${member.userId}`} className='card staff-member'>
            <View className='staff-head'>
              <Text className='staff-name'>{member.userName}</Text>
              <Text className={`staff-status staff-status-${member.status}`}>{BINDING_STATUS_LABEL[member.status]}</Text>
            </View>
            {enterpriseId ? null : <Text className='staff-enterprise'>{member.enterpriseName}</Text>}
            {member.phone ? (
              <Text className='staff-phone' onClick={() => void Taro.makePhoneCall({ phoneNumber: member.phone! }).catch(() => undefined)}>
                电话 {member.phone}（点击拨打核实）
              </Text>
            ) : null}
            <Text className='muted small'>
              申请于 {formatShortDateTime(member.requestedAt)}
              {member.decidedBy && member.decidedAt ? ` · ${member.decidedBy} 于 ${formatShortDateTime(member.decidedAt)} 处理` : ''}
            </Text>
            <View className='staff-actions'>
              {decisionsFor(member, viewer).map((decision) => (
                <Button
                  key={decision}
                  id={`${decision}-${member.userId}`}
                  className={`btn btn-small ${decision === 'approve' ? 'btn-primary' : 'btn-outline'}${deciding === `${member.enterpriseId}|${member.userId}` ? ' btn-busy' : ''}`}
                  disabled={deciding !== null || undefined}
                  onClick={() => void decide(member, decision)}
                >
                  {DECISION_LABEL[decision]}
                </Button>
              ))}
            </View>
          </View>
        ))
      )}
    </View>
  )
}
