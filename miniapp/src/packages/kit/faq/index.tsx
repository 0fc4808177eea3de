import { useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { mayReadKit } from '@shared/domain/policy'
import { ChipGroup } from '../../../components/chip-group'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { actOnFaq, listFaq } from '../../../services/kit-api'
import { asApiError } from '../../../services/request'
import { ROUTES } from '../../../settings'
import '../kit.css'

const ALL = 'all'

/** 高频问题解答: the published entries per category; tap a question to read its answer. */
export default function FaqPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const params = useRouter().params
  const [category, setCategory] = useState<string>(ALL)
  const [open, setOpen] = useState<string | null>(params.open ? decodeURIComponent(params.open) : null)
  const key = user && mayReadKit(user) ? `kit-faq|${user.id}` : null
  const list = useLoader(key, () => listFaq())
  const act = async (id: string, type: 'publish' | 'unpublish', expectedVersion: number) => {
    try {
      await actOnFaq(id, { type, expectedVersion })
      await list.reload()
    } catch (error) {
      void Taro.showToast({ title: asApiError(error).message, icon: 'none' })
    }
  }

  const shownOnce = useRef(false)
  useDidShow(() => {
    if (shownOnce.current && key) void list.reload()
    shownOnce.current = true
  })
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    if (!key) return stop()
    list.reload().then(stop, stop)
  })

  if (!user || !mayReadKit(user)) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='请先登录后查看高频问题解答' />
      </View>
    )
  }
  if (!list.data) {
    return (
      <View className={`page ${textClass}`}>
        {list.error ? <ErrorState message={list.error.message} onRetry={() => void list.reload()} /> : <LoadingState />}
      </View>
    )
  }
  const items = list.data.items.filter((f) => category === ALL || f.categoryId === category)
  const options = [{ value: ALL, label: '全部' }, ...list.data.categories.map((c) => ({ value: c.categoryId, label: `${c.name} ${c.count}` }))]

  return (
    <View className={`page ${textClass}`}>
      <ChipGroup idPrefix='faq-category' label='问题类别' options={options} selected={category} onSelect={setCategory} />
      {items.length === 0 ? (
        <EmptyState text='这个类别还没有问答' />
      ) : (
        <View id='faq-list'>
          {items.map((entry) => (
            <View key={entry.id} id={`faq-${entry.id}`} className='card kit-row' onClick={() => setOpen(open === entry.id ? null : entry.id)}>
              <Text className='kit-row-title'>{entry.question}</Text>
              {entry.status !== 'published' ? <Text className='small kit-expired'>草稿：企业看不到{entry.fromAppeal ? `（由诉求 ${entry.fromAppeal.number} 整理，发布前请删去企业和个人信息）` : ''}</Text> : null}
              {entry.actions.includes('publish') || entry.actions.includes('unpublish') ? (
                <Button
                  id={`faq-toggle-${entry.id}`}
                  className='btn btn-outline btn-small'
                  onClick={(event) => {
                    event.stopPropagation()
                    void act(entry.id, entry.actions.includes('publish') ? 'publish' : 'unpublish', entry.version)
                  }}
                >
                  {entry.actions.includes('publish') ? '发布' : '撤下'}
                </Button>
              ) : null}
              {entry.actions.includes('edit') ? (
                <Button
                  id={`faq-edit-${entry.id}`}
                  className='btn btn-outline btn-small'
                  onClick={(event) => {
                    event.stopPropagation()
                    void Taro.navigateTo({ url: `${ROUTES.kitFaqEdit}?id=${encodeURIComponent(entry.id)}` })
                  }}
                >
                  编辑
                </Button>
              ) : null}
              {open === entry.id ? (
                <View>
                  <Text className='kit-answer'>{entry.answer}</Text>
                  {entry.policyIds.map((policyId) => (
                    <Text
                      key={policyId}
                      className='kit-link small'
                      onClick={(event) => {
                        event.stopPropagation()
                        void Taro.navigateTo({ url: `${ROUTES.kitPolicy}?id=${encodeURIComponent(policyId)}` })
                      }}
                    >
                      查看相关政策 ›
                    </Text>
                  ))}
                </View>
              ) : null}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
