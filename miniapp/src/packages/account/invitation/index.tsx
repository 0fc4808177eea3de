import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { claimInvitationRequestSchema } from '@shared/schemas/user.schema'
import { FormField } from '../../../components/form-field'
import { asApiError } from '../../../services/request'
import { signInWithInvitation } from '../../../services/wechat-login'
import { ROUTES } from '../../../settings'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { PrivacySheet } from '../../../components/privacy-sheet'
import './index.css'

/**
 * An official's first sign-in: the 12-character invitation from their admin links this WeChat
 * account to their roster entry; after that, WeChat sign-in alone is enough.
 */
export default function InvitationPage() {
  const textClass = useTextSizeClass()
  const [invitation, setInvitation] = useState(useRouter().params.invitation ?? '')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    if (busy) return
    // The wx.login code is fetched after this check; validate the invitation part alone here.
    const parsed = claimInvitationRequestSchema.shape.invitation.safeParse(invitation)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '邀请码不正确')
      return
    }
    setBusy(true)
    try {
      const session = await signInWithInvitation(parsed.data)
      void Taro.showToast({ title: `欢迎，${session.user.name}`, icon: 'success' })
      await Taro.reLaunch({ url: ROUTES.index })
    } catch (e) {
      const apiError = asApiError(e)
      setError(apiError.fields.invitation ?? apiError.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className={`page ${textClass}`}>
      <View className='card'>
        <Text className='section-title'>首次登录请输入邀请码</Text>
        <Text className='muted invitation-intro'>邀请码由属地或市级管理员在「专员名册」中生成，7 天内有效，仅可使用一次。绑定后，本微信即可直接登录。</Text>
        <FormField id='invitation-code' label='邀请码' required error={error}>
          <Input
            className='input'
            value={invitation}
            maxlength={16}
            placeholder='12 位字母或数字'
            onInput={(e) => {
              setInvitation(e.detail.value)
              setError('')
            }}
          />
        </FormField>
        <Button id='invitation-submit' className={busy ? 'btn btn-primary btn-block btn-busy' : 'btn btn-primary btn-block'} disabled={busy || undefined} onClick={() => void submit()}>
          {busy ? '登录中…' : '绑定并登录'}
        </Button>
      </View>
      <PrivacySheet />
    </View>
  )
}
