import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { BINDING_STATUS_LABEL } from '@shared/labels'
import { PERSON_NAME_MAX } from '@shared/schemas/field-limits'
import { FormField } from '../../components/form-field'
import { EmptyState, ErrorState, LoadingState } from '../../components/page-state'
import { useLoader } from '../../hooks/use-loader'
import { useSessionUser } from '../../hooks/use-session-user'
import { fetchCard } from '../../services/api'
import { ROUTES } from '../../settings'
import { cardIdFromParams, cardProblem, dialable, INVALID_CARD } from './card-scene'
import { useCardEntry } from './use-card-entry'
import { CARD_VIEW, useCheckIn } from './use-check-in'
import { PrivacySheet } from '../../components/privacy-sheet'
import { useTextSizeClass } from '../../hooks/use-text-size'
import './index.css'

/**
 * 一码直通: what a card's code opens. Shows the enterprise, its specialist and its public counts;
 * 提诉求 signs the visitor in with WeChat, asks who they are and to join the enterprise (pending
 * until approved), and opens the appeal form for it.
 */
export default function CardPage() {
  const textClass = useTextSizeClass()
  const router = useRouter()
  const cardId = cardIdFromParams(router.params)
  const card = useLoader(cardId, () => fetchCard(cardId!))
  const sessionUser = useSessionUser()
  const entry = useCardEntry(card.data)
  // A scanned code checks an official in; a card opened from inside the app (查看联系卡, `view=card`)
  // is shown as the enterprise sees it.
  const onSite = useCheckIn(router.params.view === CARD_VIEW ? null : cardId, sessionUser)
  const binding = sessionUser?.bindings?.find((b) => b.enterpriseId === card.data?.enterprise.id)

  const call = (phone: string) => {
    void Taro.makePhoneCall({ phoneNumber: dialable(phone) }).catch(() => undefined)
  }

  const problem = card.data ? null : cardProblem(cardId, card.error)
  if (problem?.kind === 'invalid') return <InvalidCard />
  if (onSite.checking) return <LoadingState text='正在扫码签到…' />
  if (card.loading && !card.data) return <LoadingState />
  if (problem) return <ErrorState message={problem.message} onRetry={() => void card.reload()} />
  if (!card.data) return null
  const { enterprise, specialist, appeals, servicePromise } = card.data

  return (
    <View className={`page card-page ${textClass}`}>
      <View className='card card-hero'>
        <Text className='card-kicker'>企业服务联系卡 · 一码直通</Text>
        <Text id='card-enterprise' className='card-enterprise'>
          {enterprise.name}
        </Text>
        <Text className='muted'>{enterprise.areaName}</Text>
        {binding ? (
          <Text id='card-binding' className={binding.status === 'approved' ? 'card-binding' : 'card-binding card-binding-pending'}>
            {binding.status === 'approved' ? '您已绑定本企业' : `身份${BINDING_STATUS_LABEL[binding.status]}：可先提交诉求，仅能查看自己提交的诉求`}
          </Text>
        ) : null}
      </View>

      <View className='card'>
        <Text className='section-title'>您的企业服务专员</Text>
        {specialist ? (
          <View id='card-specialist' className='card-specialist'>
            <View className='card-avatar'>{specialist.name.slice(0, 1)}</View>
            <View className='card-specialist-text'>
              <Text className='card-specialist-name'>{specialist.name}</Text>
              <Text className='muted'>
                {specialist.title} · {specialist.organisation}
              </Text>
              {specialist.phone ? (
                <Text id='card-phone' className='card-phone' onClick={() => call(specialist.phone)}>
                  电话 {specialist.phone}（点击拨打）
                </Text>
              ) : null}
            </View>
          </View>
        ) : (
          <Text id='card-specialist' className='muted'>
            专员调整中，诉求由属地值班人员受理
          </Text>
        )}
      </View>

      <View className='card card-stats'>
        {[
          { id: 'card-open', value: appeals.open, label: '办理中的诉求' },
          { id: 'card-closed', value: appeals.closed, label: '已办结的诉求' },
        ].map((stat) => (
          <View key={stat.id} className='card-stat'>
            <Text id={stat.id} className='card-stat-value'>
              {stat.value}
            </Text>
            <Text className='muted'>{stat.label}</Text>
          </View>
        ))}
      </View>

      <Text className='muted card-promise'>{servicePromise}</Text>

      {entry.joining ? (
        <View id='join-panel' className='card'>
          <Text className='section-title'>请先告诉专员您是谁</Text>
          <Text className='muted join-intro'>专员或本企业已绑定的同事核实后，您即可查看本企业全部诉求；核实前可以先提交诉求。</Text>
          <FormField id='join-name' label='您的姓名' required error={entry.fields.name}>
            <Input className='input' value={entry.draft.name} maxlength={PERSON_NAME_MAX} placeholder='例如：张伟' onInput={(e) => entry.update('name', e.detail.value)} />
          </FormField>
          <FormField id='join-phone' label='手机号（便于专员联系核实）' error={entry.fields.phone}>
            <Input className='input' type='number' value={entry.draft.phone} maxlength={11} placeholder='选填' onInput={(e) => entry.update('phone', e.detail.value)} />
          </FormField>
          <Button id='join-submit' className={entry.busy ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'} disabled={entry.busy || undefined} onClick={() => void entry.join()}>
            {entry.busy ? '提交中…' : '确认并提诉求'}
          </Button>
        </View>
      ) : (
        <Button id='card-file-appeal' className={entry.busy ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'} disabled={entry.busy || undefined} onClick={() => void entry.start()}>
          {entry.busy ? '正在进入…' : '提诉求'}
        </Button>
      )}
      <Text id='card-privacy' className='card-privacy' onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}>
        《用户隐私保护指引》
      </Text>
      <PrivacySheet />
    </View>
  )
}

/** A link or code that leads to no card: no retry (it cannot help), but people to ask and a way on. */
function InvalidCard() {
  const textClass = useTextSizeClass()
  return (
    <View id='card-invalid' className={`page card-invalid ${textClass}`}>
      <EmptyState text={INVALID_CARD.title}>
        <Text className='muted card-invalid-hint'>{INVALID_CARD.hint}</Text>
        <Button id='card-go-home' className='btn btn-primary btn-small' onClick={() => void Taro.switchTab({ url: ROUTES.index })}>
          进入首页
        </Button>
      </EmptyState>
    </View>
  )
}
