import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { SpecialistSummary } from '@shared/schemas/roster.schema'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader, type Loader } from '../../../hooks/use-loader'
import { handOverPortfolio, inviteOfficial, listSpecialists } from '../../../services/admin-api'
import { asApiError } from '../../../services/request'
import { enterprisesUrl, routeParam } from '../admin-navigation'
import { AccessGate } from '../../../components/access-gate'
import { AreaPicker } from '../components/area-picker'
import { TransferPanel } from '../components/transfer-panel'
import { useAdminArea } from '../hooks/use-admin-area'
import { buildHandoverRequest, handoverDoneMessage } from '../transfer'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import '../components/admin.css'
import './index.css'

/** 专员名册: an area's specialists with their load; tap for the portfolio, 整体移交 when one leaves. */
export default function SpecialistsPage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const area = useAdminArea(routeParam(params.areaId))
  const [leaving, setLeaving] = useState<SpecialistSummary | null>(null)
  const specialists = useLoader(area.areaId ? `specialists|${area.areaId}` : null, () =>
    listSpecialists(area.areaId ?? undefined),
  )

  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    specialists.reload().then(stop, stop)
  })

  if (area.scope.kind === 'none') {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={area.scope} signedIn={area.user !== null} />
      </View>
    )
  }

  return (
    <View className={`page ${textClass}`}>
      <AreaPicker area={area} />
      <SpecialistListBody
        areaId={area.areaId}
        specialists={specialists}
        onOpen={(s) => void Taro.navigateTo({ url: enterprisesUrl({ areaId: area.areaId, specialistId: s.id }) })}
        onHandover={(s) => setLeaving(s)}
      />
      {leaving ? (
        <TransferPanel
          ids={{ panel: 'handover-panel', picker: 'handover-to', reason: 'handover-reason', submit: 'handover-submit' }}
          title='整体移交'
          intro={`将「${leaving.name}」名下 ${leaving.portfolioSize} 家企业（含 ${leaving.openAppeals} 件未办结诉求）整体移交给另一位专员，企业的联系卡随之转移。`}
          submitLabel='确认移交'
          specialists={specialists}
          currentId={leaving.id}
          config={{
            build: buildHandoverRequest,
            send: (body) => handOverPortfolio(leaving.id, body),
            pickerField: 'toSpecialistId',
            doneMessage: handoverDoneMessage,
            onDone: () => {
              setLeaving(null)
              void specialists.reload()
            },
          }}
          onClose={() => setLeaving(null)}
        />
      ) : null}
    </View>
  )
}

/**
 * Issues a one-time code with which the specialist links their WeChat on first sign-in, and shows
 * it for the admin to pass on (read out, or copied into a chat).
 */
async function showInvitation(specialist: SpecialistSummary): Promise<void> {
  try {
    const invitation = await inviteOfficial(specialist.id)
    const grouped = invitation.code.replace(/(.{4})(?=.)/g, '$1-')
    const { confirm } = await Taro.showModal({
      title: `${invitation.userName} 的登录邀请码`,
      content: `${grouped}\n请专员在小程序「工作人员登录」中输入。7 天内有效，仅可使用一次。`,
      confirmText: '复制',
      cancelText: '关闭',
    })
    if (confirm) await Taro.setClipboardData({ data: invitation.code })
  } catch (e) {
    void Taro.showToast({ title: asApiError(e).message, icon: 'none', duration: 3000 })
  }
}

function SpecialistListBody(props: {
  areaId: string | null
  specialists: Loader<SpecialistSummary[]>
  onOpen: (specialist: SpecialistSummary) => void
  onHandover: (specialist: SpecialistSummary) => void
}) {
  const { specialists } = props
  if (!props.areaId) return <EmptyState text='请先选择属地' />
  if (specialists.loading && !specialists.data) return <LoadingState />
  if (specialists.error && !specialists.data) {
    return <ErrorState message={specialists.error.message} onRetry={() => void specialists.reload()} />
  }
  const items = specialists.data ?? []
  if (items.length === 0) return <EmptyState text='本属地暂无专员' />
  return (
    <View className='specialist-list'>
      {specialists.error ? (
        <View className='banner banner-error' onClick={() => void specialists.reload()}>
          {specialists.error.message}（点此重试）
        </View>
      ) : null}
      {specialists.loading ? <Text className='list-foot'>正在刷新…</Text> : null}
      <RemindersOffNote count={items.filter((s) => s.pushBudgetEmpty).length} />
      {items.map((s) => (
        <View key={s.id} id={`specialist-${s.id}`} className='card admin-item' onClick={() => props.onOpen(s)}>
          <View className='admin-item-head'>
            <Text className='admin-item-title'>{s.name}</Text>
            <Text className='chip-static'>{s.title}</Text>
          </View>
          <View className='specialist-sub'>
            <Text className='muted small'>{s.organisation}</Text>
            {s.pushBudgetEmpty ? (
              <Text id={`push-off-${s.id}`} className='chip-static chip-warning specialist-push-off'>
                未开启提醒
              </Text>
            ) : null}
          </View>
          <View className='kv'>
            <Text className='kv-key'>联系电话</Text>
            <Text className='kv-value'>{s.phone}</Text>
          </View>
          <View className='specialist-stats'>
            <View className='specialist-stat'>
              <Text className='specialist-stat-label'>名下企业</Text>
              <Text className='specialist-stat-value'>{s.portfolioSize} 家</Text>
            </View>
            <View className='specialist-stat'>
              <Text className='specialist-stat-label'>未办结诉求</Text>
              <Text className={s.openAppeals > 0 ? 'specialist-stat-value specialist-stat-open' : 'specialist-stat-value'}>
                {s.openAppeals} 件
              </Text>
            </View>
          </View>
          <View className='admin-item-actions'>
            <Text className='muted small'>点击查看名下企业 ›</Text>
            <Button
              id={`invite-${s.id}`}
              className='btn btn-outline btn-small'
              onClick={(e) => {
                e.stopPropagation()
                void showInvitation(s)
              }}
            >
              登录邀请码
            </Button>
            <Button
              id={`handover-${s.id}`}
              className='btn btn-outline btn-small'
              onClick={(e) => {
                // The card itself opens the portfolio; this button must not.
                e.stopPropagation()
                props.onHandover(s)
              }}
            >
              整体移交
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}

/** Why some specialists carry 「未开启提醒」, said once above the list rather than on every card. */
function RemindersOffNote({ count }: { count: number }) {
  if (count === 0) return null
  return (
    <Text id='reminders-off-note' className='banner banner-info'>
      {count} 位专员未开启消息提醒：新诉求只进小程序「消息」，微信收不到提醒。请提醒他们在「消息」中点「开启提醒」。
    </Text>
  )
}
