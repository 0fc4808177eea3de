import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { FaqView, KitHit } from '@shared/schemas/policy.schema'
import { fetchFaq, recordDeflection, searchKit } from '../services/kit-api'
import { asApiError } from '../services/request'
import { ROUTES } from '../settings'
import { HighlightedText } from './highlighted-text'
import './kit-suggestions.css'

/** How long the title must rest before the form asks for answers, and how many it shows. */
export const SUGGEST_DEBOUNCE_MS = 400
const SUGGESTIONS = 3

/**
 * 先看看有没有现成答案: while the enterprise types the title of an appeal (and picks its
 * category), the best matches of the policies and the FAQ, debounced. An FAQ answer opens in
 * place; 已解决，不再提交 counts the appeal as not filed and leaves the form.
 */
export function KitSuggestions(props: { title: string; categoryId?: string; enterpriseId?: string }) {
  const [hits, setHits] = useState<KitHit[]>([])
  const [open, setOpen] = useState<{ id: string; entry: FaqView | null; error?: string } | null>(null)
  const [saving, setSaving] = useState(false)
  const seq = useRef(0)

  useEffect(() => {
    const q = props.title.trim()
    const mine = ++seq.current
    if (q.length < 2) {
      setHits([])
      return undefined
    }
    const timer = setTimeout(() => {
      searchKit({ q, categoryId: props.categoryId, limit: SUGGESTIONS })
        .then((result) => {
          if (mine === seq.current) setHits(result.items)
        })
        // Suggestions are a help, not a step: a failed search leaves the form as it is.
        .catch(() => undefined)
    }, SUGGEST_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [props.title, props.categoryId])

  if (hits.length === 0) return null

  const openHit = (hit: KitHit) => {
    if (hit.kind === 'policy') {
      void Taro.navigateTo({ url: `${ROUTES.kitPolicy}?id=${encodeURIComponent(hit.id)}` })
      return
    }
    if (open?.id === hit.id) return setOpen(null)
    setOpen({ id: hit.id, entry: null })
    fetchFaq(hit.id).then(
      (entry) => setOpen((current) => (current?.id === hit.id ? { id: hit.id, entry } : current)),
      (error: unknown) => setOpen((current) => (current?.id === hit.id ? { id: hit.id, entry: null, error: asApiError(error).message } : current)),
    )
  }

  const solved = async (itemId: string) => {
    setSaving(true)
    try {
      await recordDeflection({ itemId, categoryId: props.categoryId, enterpriseId: props.enterpriseId })
      await Taro.showToast({ title: '已记录，感谢反馈', icon: 'success' })
      void Taro.navigateBack().catch(() => Taro.switchTab({ url: ROUTES.index }))
    } catch (error) {
      void Taro.showToast({ title: asApiError(error).message, icon: 'none' })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View id='kit-suggestions' className='kit-suggestions'>
      <Text className='kit-suggestions-head'>提交前先看看，这些答案也许能解决您的问题：</Text>
      {hits.map((hit) => (
        <View key={hit.id} id={`suggestion-${hit.id}`} className='kit-suggestion'>
          <View onClick={() => openHit(hit)}>
            <Text className='kit-tag'>{hit.kind === 'policy' ? '政策' : '问答'}</Text>
            <HighlightedText className='kit-suggestion-title' pieces={hit.title} />
          </View>
          {open?.id === hit.id ? (
            <View>
              {open.entry ? (
                <Text id='suggestion-answer' className='kit-suggestion-answer'>
                  {open.entry.answer}
                </Text>
              ) : (
                <Text className='muted small'>{open.error ?? '加载中…'}</Text>
              )}
              {open.entry ? (
                <View className='kit-suggestion-actions'>
                  <Button id='deflect-button' className='btn btn-primary btn-small' disabled={saving} onClick={() => void solved(hit.id)}>
                    已解决，不再提交
                  </Button>
                  <Button className='btn btn-outline btn-small' onClick={() => setOpen(null)}>
                    没有解决，继续填写
                  </Button>
                </View>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
