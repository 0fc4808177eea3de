import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { APPEAL_STATUS_VALUES } from './appeal-status'
import { STATUS_LABEL } from '@shared/labels'
import { VISIT_KIND_LABELS, VISIT_TOPIC_LABELS } from '@shared/schemas/visit.schema'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { openAppeal } from '../../../services/navigation'
import { fetchVisit } from '../../../services/visits-api'
import { ROUTES } from '../../../settings'
import { formatDateTime } from '../../../utils/format'
import './index.css'

/** 走访详情: the record, its photos, the problems filed from it, and 记录发现的问题. */
export default function VisitDetailPage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const id = params.id ?? null
  const detail = useLoader(id, () => fetchVisit(id!))
  // Back from filing a problem: show it in the list.
  useDidShow(() => {
    if (detail.data) void detail.reload()
  })

  if (!id) return <View className={`page ${textClass}`}><EmptyState text='未找到该走访记录' /></View>
  if (detail.loading && !detail.data) return <LoadingState />
  if (detail.error || !detail.data) return <ErrorState message={detail.error?.message ?? '走访记录加载失败'} onRetry={() => void detail.reload()} />
  const { visit, photos, appeals } = detail.data

  const fileProblem = () =>
    void Taro.navigateTo({
      url: `${ROUTES.newAppeal}?enterpriseId=${encodeURIComponent(visit.enterpriseId)}&enterpriseName=${encodeURIComponent(visit.enterpriseName)}&onBehalf=visit&visitId=${encodeURIComponent(visit.id)}`,
    })

  return (
    <View className={`page ${textClass}`}>
      <View className='card'>
        <Text id='visit-enterprise' className='section-title'>
          {visit.enterpriseName}
        </Text>
        <View className='kv'>
          <Text className='kv-key'>走访时间</Text>
          <Text id='visit-when' className='kv-value'>{formatDateTime(visit.visitedAt)}</Text>
        </View>
        <View className='kv'>
          <Text className='kv-key'>走访方式</Text>
          <Text className='kv-value'>{VISIT_KIND_LABELS[visit.kind]}</Text>
        </View>
        {visit.checkedInAt ? (
          <View className='kv'>
            <Text className='kv-key'>扫码签到</Text>
            <Text id='visit-checked-in' className='kv-value'>已签到 {formatDateTime(visit.checkedInAt)}</Text>
          </View>
        ) : null}
        <View className='kv'>
          <Text className='kv-key'>走访对象</Text>
          <Text className='kv-value'>{visit.met}</Text>
        </View>
        <View className='kv'>
          <Text className='kv-key'>走访话题</Text>
          <Text className='kv-value'>{visit.topics.map((t) => VISIT_TOPIC_LABELS[t]).join('、')}</Text>
        </View>
        <View className='kv'>
          <Text className='kv-key'>记录人</Text>
          <Text className='kv-value'>{visit.by.name}</Text>
        </View>
      </View>
      <View className='card'>
        <Text className='section-title'>走访记录</Text>
        <Text id='visit-record-text' className='visit-record-text'>{visit.record}</Text>
      </View>
      {photos.length > 0 ? (
        <View className='card'>
          <Text className='section-title'>现场照片（{photos.length}）</Text>
          <View id='visit-photos' className='visit-photos'>
            {photos.map((p) =>
              p.url ? (
                <Image
                  key={p.id}
                  className='visit-photo'
                  src={p.url}
                  mode='aspectFill'
                  ariaLabel={p.fileName}
                  onClick={() => void Taro.previewImage({ urls: photos.flatMap((x) => (x.url ? [x.url] : [])), current: p.url! })}
                />
              ) : null,
            )}
          </View>
        </View>
      ) : null}
      <View className='card'>
        <Text className='section-title'>发现的问题（{appeals.length}）</Text>
        {appeals.length === 0 ? <Text className='muted'>尚未登记问题</Text> : null}
        {appeals.map((a) => (
          <View key={a.id} id={`visit-problem-${a.id}`} className='visit-problem' onClick={() => openAppeal(a.id)}>
            <Text>{a.title}</Text>
            <Text className={`status-tag status-${a.status}`}>{APPEAL_STATUS_VALUES.includes(a.status) ? STATUS_LABEL[a.status as keyof typeof STATUS_LABEL] : a.status}</Text>
          </View>
        ))}
      </View>
      <Button id='file-visit-problem' className='btn btn-primary btn-block' onClick={fileProblem}>
        记录发现的问题
      </Button>
    </View>
  )
}
