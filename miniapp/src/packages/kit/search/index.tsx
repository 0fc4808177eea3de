import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { mayReadKit } from '@shared/domain/policy'
import { KIT_QUERY_MAX, type KitHit } from '@shared/schemas/policy.schema'
import { HighlightedText } from '../../../components/highlighted-text'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { searchKit } from '../../../services/kit-api'
import { asApiError } from '../../../services/request'
import { ROUTES } from '../../../settings'
import '../kit.css'

/** 搜政策、找答案: one search over the published policies and FAQ entries, matches marked. */
export default function KitSearchPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const [q, setQ] = useState('')
  const [state, setState] = useState<{ hits: KitHit[] | null; error: string | null; loading: boolean }>({ hits: null, error: null, loading: false })
  const seq = useRef(0)

  useEffect(() => {
    const query = q.trim()
    const mine = ++seq.current
    if (query.length === 0) {
      setState({ hits: null, error: null, loading: false })
      return undefined
    }
    setState((s) => ({ ...s, loading: true }))
    const timer = setTimeout(() => {
      searchKit({ q: query, limit: 10 }).then(
        (result) => mine === seq.current && setState({ hits: result.items, error: null, loading: false }),
        (error: unknown) => mine === seq.current && setState({ hits: null, error: asApiError(error).message, loading: false }),
      )
    }, 300)
    return () => clearTimeout(timer)
  }, [q])

  if (!user || !mayReadKit(user)) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='请先登录后搜索' />
      </View>
    )
  }

  const openHit = (hit: KitHit) =>
    void Taro.navigateTo({ url: hit.kind === 'policy' ? `${ROUTES.kitPolicy}?id=${encodeURIComponent(hit.id)}` : `${ROUTES.kitFaq}?open=${encodeURIComponent(hit.id)}` })

  return (
    <View className={`page ${textClass}`}>
      <Input
        id='kit-search-input'
        className='kit-search-input'
        aria-label='搜索政策和问答'
        placeholder='例如：用电增容、贷款贴息、员工子女入学'
        maxlength={KIT_QUERY_MAX}
        value={q}
        onInput={(e) => setQ(e.detail.value)}
      />
      {state.error ? (
        <ErrorState message={state.error} onRetry={() => setQ((value) => `${value} `.trimEnd())} />
      ) : state.loading && !state.hits ? (
        <LoadingState text='搜索中…' />
      ) : state.hits === null ? (
        <Text className='muted small'>输入问题或关键词，口语、错别字、繁体字都可以</Text>
      ) : state.hits.length === 0 ? (
        <EmptyState text='没有找到相关的政策或问答，可以直接提交诉求' />
      ) : (
        <View id='kit-results'>
          {state.hits.map((hit) => (
            <View key={hit.id} id={`hit-${hit.id}`} className='card kit-row' onClick={() => openHit(hit)}>
              <Text className='muted small'>{hit.kind === 'policy' ? '政策' : '问答'}</Text>
              <HighlightedText className='kit-row-title' pieces={hit.title} />
              <HighlightedText className='muted small' pieces={hit.snippet} />
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
