import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ROLE_LABEL } from '@shared/labels'
import type { DevIdentity } from '@shared/schemas/user.schema'
import { EmptyState, ErrorState, LoadingState } from '../../components/page-state'
import { useLoader } from '../../hooks/use-loader'
import { devLogin, fetchDevIdentities } from '../../services/api'
import { asApiError } from '../../services/request'
import { saveSession } from '../../services/session'
import { ROUTES } from '../../settings'
import { groupIdentities, identityElementId } from './groups'
import { useTextSizeClass } from '../../hooks/use-text-size'
import './index.css'

/** Local builds only: pick a demo identity instead of WeChat login. */
export default function LoginPage() {
  const textClass = useTextSizeClass()
  const identities = useLoader('identities', fetchDevIdentities)
  const [signingIn, setSigningIn] = useState<string | null>(null)

  const signIn = async (identity: DevIdentity) => {
    if (signingIn) return
    setSigningIn(identity.as)
    try {
      const session = await devLogin(identity.as)
      saveSession(session)
      await Taro.switchTab({ url: ROUTES.index })
    } catch (e) {
      void Taro.showToast({ title: asApiError(e).message, icon: 'none', duration: 3000 })
    } finally {
      setSigningIn(null)
    }
  }

  return (
    <View className={`page ${textClass}`}>
      <View className='login-head'>
        <Text className='login-brand'>亲商直通</Text>
        <Text className='muted'>本地演示环境：选择一个身份登录</Text>
      </View>
      {identities.loading ? (
        <LoadingState />
      ) : identities.error ? (
        <ErrorState message={identities.error.message} onRetry={() => void identities.reload()} />
      ) : !identities.data || identities.data.length === 0 ? (
        <EmptyState text='暂无可用的演示身份，请先导入演示数据' />
      ) : (
        groupIdentities(identities.data).map((group) => (
          <View key={group.title} className='login-group'>
            <Text className='login-group-title'>{group.title}</Text>
            <View className='card login-card'>
              {group.identities.map((identity) => (
                <View
                  key={identity.as}
                  id={identityElementId(identity.as)}
                  className='identity'
                  onClick={() => void signIn(identity)}
                >
                  <View className='identity-avatar'>{identity.name.slice(0, 1)}</View>
                  <View className='identity-text'>
                    <Text className='identity-name'>
                      {identity.name}
                      <Text className='identity-role'>{ROLE_LABEL[identity.role]}</Text>
                    </Text>
                    <Text className='muted small ellipsis'>{identity.description}</Text>
                  </View>
                  <Text className='identity-go'>{signingIn === identity.as ? '登录中…' : '›'}</Text>
                </View>
              ))}
            </View>
          </View>
        ))
      )}
      <Text id='invitation-login' className='login-invitation' onClick={() => void Taro.navigateTo({ url: ROUTES.claimInvitation })}>
        工作人员用邀请码绑定微信登录 ›
      </Text>
    </View>
  )
}
