import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { ROLE_LABEL } from '@shared/labels'
import { EmptyState, ErrorState, LoadingState } from '../../components/page-state'
import { useLoader } from '../../hooks/use-loader'
import { useSessionUser } from '../../hooks/use-session-user'
import { fetchMe } from '../../services/api'
import { goToLogin } from '../../services/navigation'
import { clearSession, updateUser } from '../../services/session'
import { DEV_LOGIN_ENABLED, ROUTES } from '../../settings'
import './index.css'

const BINDING_STATUS_LABEL = { approved: '已绑定', pending: '待审核' } as const

async function loadMe() {
  const user = await fetchMe()
  updateUser(user)
  return user
}

/** 我的 tab: who is signed in, their enterprises, and switching identity or signing out. */
export default function MePage() {
  const sessionUser = useSessionUser()
  const me = useLoader(sessionUser ? `me|${sessionUser.id}` : null, loadMe)

  useEffect(() => {
    if (!sessionUser) goToLogin()
  }, [sessionUser])

  const signOut = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定退出当前身份吗？' })
    if (!confirm) return
    clearSession()
    if (DEV_LOGIN_ENABLED) void Taro.reLaunch({ url: ROUTES.login })
    else void Taro.reLaunch({ url: ROUTES.index })
  }

  if (!sessionUser) {
    return (
      <View className='page'>
        <EmptyState text='尚未登录' />
      </View>
    )
  }
  if (me.loading && !me.data) return <LoadingState />
  if (me.error && !me.data) return <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
  const user = me.data ?? sessionUser
  const enterprises = user.bindings ?? []

  return (
    <View className='page'>
      <View className='card me-profile'>
        <View className='me-avatar'>{user.name.slice(0, 1)}</View>
        <View className='me-profile-text'>
          <Text id='me-name' className='me-name'>
            {user.name}
          </Text>
          <Text id='me-role' className='muted'>
            {ROLE_LABEL[user.role]}
            {user.title ? ` · ${user.title}` : ''}
          </Text>
        </View>
      </View>

      {user.role === 'staff' ? (
        <View className='card'>
          <Text className='section-title'>我的企业</Text>
          {enterprises.length === 0 ? (
            <View className='state-empty me-empty'>
              <Text className='muted'>尚未绑定企业，请扫描企业服务联系卡绑定</Text>
            </View>
          ) : (
            enterprises.map((b) => (
              <View key={b.enterpriseId} className='me-enterprise'>
                <Text className='me-enterprise-name'>{b.enterpriseName}</Text>
                <Text className={b.status === 'approved' ? 'me-binding' : 'me-binding me-binding-pending'}>
                  {BINDING_STATUS_LABEL[b.status]}
                </Text>
              </View>
            ))
          )}
        </View>
      ) : null}

      <View className='me-actions'>
        {DEV_LOGIN_ENABLED ? (
          <Button id='switch-identity' className='btn btn-outline btn-block' onClick={() => void Taro.reLaunch({ url: ROUTES.login })}>
            切换身份
          </Button>
        ) : null}
        <Button id='sign-out' className='btn btn-danger btn-block' onClick={() => void signOut()}>
          退出登录
        </Button>
      </View>
    </View>
  )
}
