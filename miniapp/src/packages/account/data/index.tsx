import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { BINDING_STATUS_LABEL, ROLE_LABEL } from '@shared/labels'
import { mayDeleteOwnAccount } from '@shared/domain/policy'
import { DELETE_ACCOUNT_CONFIRMATION, deleteAccountRequestSchema } from '@shared/schemas/user.schema'
import { FormField } from '../../../components/form-field'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { deleteMyAccount, fetchPersonalData } from '../../../services/privacy-api'
import { asApiError } from '../../../services/request'
import { clearSession } from '../../../services/session'
import { ROUTES } from '../../../settings'
import { formatDateTime } from '../../../utils/format'
import './index.css'

/**
 * 我的个人信息: everything the product holds about the signed-in user (GET /api/me/data), and, for
 * enterprise staff, 注销账号 after typing the confirming words.
 */
export default function MyDataPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const data = useLoader(user ? `my-data|${user.id}` : null, fetchPersonalData)
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const remove = async () => {
    if (busy) return
    const parsed = deleteAccountRequestSchema.safeParse({ confirm })
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? `请输入「${DELETE_ACCOUNT_CONFIRMATION}」确认`)
      return
    }
    const { confirm: sure } = await Taro.showModal({ title: '注销账号', content: '注销后无法恢复。您提交的诉求仍由企业保留，提交人显示为「已注销用户」。确定注销吗？' })
    if (!sure) return
    setBusy(true)
    try {
      await deleteMyAccount()
      clearSession()
      void Taro.showToast({ title: '账号已注销', icon: 'success' })
      await Taro.reLaunch({ url: ROUTES.index })
    } catch (e) {
      setError(asApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  if (!user) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='尚未登录' />
      </View>
    )
  }
  if (data.loading && !data.data) return <LoadingState />
  if (data.error && !data.data) return <ErrorState message={data.error.message} onRetry={() => void data.reload()} />
  if (!data.data) return null
  const { profile, bindings, consents, appeals } = data.data

  return (
    <View id='my-data' className={`page ${textClass}`}>
      <View className='card'>
        <Text className='section-title'>个人资料</Text>
        <Row label='姓名' value={profile.name} />
        <Row label='身份' value={ROLE_LABEL[profile.role]} />
        <Row id='my-data-phone' label='手机号' value={profile.phone || '未填写'} />
        <Row label='微信身份标识' value={profile.wechatLinked ? '已关联（不向任何人展示）' : '未关联'} />
      </View>

      <View className='card'>
        <Text className='section-title'>企业绑定</Text>
        {bindings.length === 0 ? <Text className='muted'>无</Text> : null}
        {bindings.map((b) => (
          <Row key={b.enterpriseId} label={b.enterpriseName} value={`${BINDING_STATUS_LABEL[b.status]} · ${formatDateTime(b.requestedAt)}`} />
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>隐私保护指引同意记录</Text>
        {consents.length === 0 ? <Text className='muted'>无记录</Text> : null}
        {consents.map((c) => (
          <Row key={c.at} id='my-data-consent' label={`版本 ${c.version}`} value={formatDateTime(c.at)} />
        ))}
      </View>

      <View className='card'>
        <Text className='section-title'>我提交的诉求（{appeals.length}）</Text>
        {appeals.length === 0 ? <Text className='muted'>无</Text> : null}
        {appeals.map((a) => (
          <Row key={a.id} label={a.number ?? a.enterpriseName} value={a.title} />
        ))}
      </View>

      {mayDeleteOwnAccount(user) ? (
        <View id='delete-account' className='card'>
          <Text className='section-title'>注销账号</Text>
          <Text className='muted my-data-note'>注销后，您的企业绑定和微信身份标识会被删除，登录随即失效；您提交的诉求仍由企业保留，提交人显示为「已注销用户」，手机号被删除。</Text>
          <FormField id='delete-confirm' label={`请输入「${DELETE_ACCOUNT_CONFIRMATION}」确认`} error={error}>
            <Input
              className='input'
              value={confirm}
              maxlength={10}
              placeholder={DELETE_ACCOUNT_CONFIRMATION}
              onInput={(e) => {
                setConfirm(e.detail.value)
                setError('')
              }}
            />
          </FormField>
          <Button id='delete-account-submit' className={busy ? 'btn btn-danger btn-block btn-busy' : 'btn btn-danger btn-block'} disabled={busy || undefined} onClick={() => void remove()}>
            {busy ? '正在注销…' : '注销账号'}
          </Button>
        </View>
      ) : (
        <Text className='muted my-data-note'>工作人员账号由管理员在名册中维护，如需注销请联系管理员。</Text>
      )}
    </View>
  )
}

function Row(props: { label: string; value: string; id?: string }) {
  return (
    <View id={props.id} className='my-data-row'>
      <Text className='my-data-label'>{props.label}</Text>
      <Text className='my-data-value'>{props.value}</Text>
    </View>
  )
}
