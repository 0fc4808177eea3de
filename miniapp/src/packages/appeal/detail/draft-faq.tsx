import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { draftFaqFromAppeal } from '../../../services/kit-api'
import { asApiError } from '../../../services/request'
import { ROUTES } from '../../../settings'

/**
 * 起草常见问答: an admin turns a closed appeal's answer into a draft FAQ entry and edits it (the
 * enterprise and personal details are removed by hand there, before anyone publishes it).
 */
export function DraftFaqFromAppeal({ appealId }: { appealId: string }) {
  const [busy, setBusy] = useState(false)
  const draft = async () => {
    if (busy) return
    setBusy(true)
    try {
      const entry = await draftFaqFromAppeal(appealId)
      void Taro.navigateTo({ url: `${ROUTES.kitFaqEdit}?id=${encodeURIComponent(entry.id)}` })
    } catch (error) {
      void Taro.showToast({ title: asApiError(error).message, icon: 'none', duration: 3000 })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View id='draft-faq-card' className='card'>
      <Text className='section-title'>整理为常见问答</Text>
      <Text className='muted small'>用本诉求的答复起草一条问答草稿，删去企业和个人信息后再发布。</Text>
      <Button id='draft-faq' className={`btn btn-outline btn-small${busy ? ' btn-busy' : ''}`} disabled={busy || undefined} onClick={() => void draft()}>
        起草常见问答
      </Button>
    </View>
  )
}
