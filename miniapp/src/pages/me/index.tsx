import { useEffect } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { BINDING_STATUS_LABEL, ROLE_LABEL } from '@shared/labels'
import {
  hasPortfolio,
  keepsVisits,
  isEnterpriseStaff,
  isSpecialist,
  mayDecideJoinRequests,
  mayDeleteOwnAccount,
  mayEditRouting,
  mayLoadCalendarYear,
  mayManageRoster,
  maySupervise,
  mayManageReturnVisits,
  hasOwnUpgradeProgress,
  hasUpgradeList,
  mayReadUpgradeBoard,
  mayListPendingVisits,
  mayListVisitRounds,
  mayUseExchangeEvents,
  mayWorkCommonProblems,
  mayReadKit,
  readsPoliciesAsEnterprise,
  mayViewLedger,
  mayViewReports,
} from '@shared/domain/policy'
import { EmptyState, ErrorState, LoadingState } from '../../components/page-state'
import { InboxBell } from '../../components/inbox-bell'
import { TextSizeSetting } from '../../components/text-size-setting'
import { ReminderNotice } from '../../components/reminder-notice'
import { VisitsSeenLine } from '../../components/visits-seen'
import { useLoader } from '../../hooks/use-loader'
import { useSessionUser } from '../../hooks/use-session-user'
import { fetchMe } from '../../services/api'
import { goToLogin } from '../../services/navigation'
import { clearSession, updateUser } from '../../services/session'
import { DEV_LOGIN_ENABLED, ROUTES } from '../../settings'
import { useTextSizeClass } from '../../hooks/use-text-size'
import { subjectOf } from '../../utils/subject'
import './index.css'

const open = (url: string) => () => void Taro.navigateTo({ url })

async function loadMe() {
  const user = await fetchMe()
  updateUser(user)
  return user
}

/** 我的 tab: who is signed in, their enterprises, and switching identity or signing out. */
export default function MePage() {
  const textClass = useTextSizeClass()
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
      <View className={`page ${textClass}`}>
        <EmptyState text='尚未登录' />
      </View>
    )
  }
  if (me.loading && !me.data) return <LoadingState />
  if (me.error && !me.data) return <ErrorState message={me.error.message} onRetry={() => void me.reload()} />
  const user = me.data ?? sessionUser
  const enterprises = user.bindings ?? []

  return (
    <View className={`page ${textClass}`}>
      <ReminderNotice id='me-reminders' />
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
        <InboxBell />
      </View>

      {isEnterpriseStaff(user) ? (
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
                <Text id={`binding-${b.enterpriseId}`} className={b.status === 'approved' ? 'me-binding' : 'me-binding me-binding-pending'}>
                  {BINDING_STATUS_LABEL[b.status]}
                </Text>
                {b.status === 'approved' ? (
                  <Text id={`members-${b.enterpriseId}`} className='me-link' onClick={open(`${ROUTES.staff}?enterpriseId=${encodeURIComponent(b.enterpriseId)}`)}>
                    企业成员 ›
                  </Text>
                ) : null}
                {b.status === 'approved' && hasOwnUpgradeProgress(subjectOf(user)) ? (
                  <Text id={`upgrade-progress-${b.enterpriseId}`} className='me-link' onClick={open(`${ROUTES.upgradeFile}?id=${encodeURIComponent(b.enterpriseId)}`)}>
                    升规进度 ›
                  </Text>
                ) : null}
                {b.status === 'approved' ? <VisitsSeenLine user={user} enterpriseId={b.enterpriseId} /> : null}
              </View>
            ))
          )}
          {enterprises.some((b) => b.status === 'pending') ? (
            <Text className='muted me-note'>待核实期间可以提交诉求，但只能查看自己提交的诉求；专员或企业已绑定的同事核实后即可查看本企业全部诉求。</Text>
          ) : null}
        </View>
      ) : null}

      {mayDecideJoinRequests(user) ? (
        <View className='card me-menu'>
          <View id='menu-staff-requests' className='me-menu-item' onClick={open(ROUTES.staff)}>
            <Text>待核实的企业联系人</Text>
            <Text className='muted'>›</Text>
          </View>
          {hasPortfolio(user) ? (
            <View id='menu-portfolio' className='me-menu-item' onClick={open(ROUTES.enterprises)}>
              <Text>我服务的企业</Text>
              <Text className='muted'>›</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {mayReadKit(user) ? (
        <View className='card me-menu'>
          <Text className='section-title'>政策与问答</Text>
          <View id='menu-kit-policies' className='me-menu-item' onClick={open(ROUTES.kitPolicies)}>
            <Text>{readsPoliciesAsEnterprise(user) ? '我的政策包' : '政策包'}</Text>
            <Text className='muted'>›</Text>
          </View>
          <View id='menu-kit-faq' className='me-menu-item' onClick={open(ROUTES.kitFaq)}>
            <Text>高频问题解答</Text>
            <Text className='muted'>›</Text>
          </View>
          <View id='menu-kit-search' className='me-menu-item' onClick={open(ROUTES.kitSearch)}>
            <Text>搜政策、找答案</Text>
            <Text className='muted'>›</Text>
          </View>
        </View>
      ) : null}

      {mayUseExchangeEvents(user) ? (
        <View className='card me-menu'>
          <View id='menu-exchange-events' className='me-menu-item' onClick={open(ROUTES.exchangeEvents)}>
            <Text>政企交流活动</Text>
            <Text className='muted'>›</Text>
          </View>
        </View>
      ) : null}

      {mayWorkCommonProblems(user) ? (
        <View className='card me-menu'>
          <View id='menu-common-problems' className='me-menu-item' onClick={open(ROUTES.commonProblems)}>
            <Text>共性问题</Text>
            <Text className='muted'>›</Text>
          </View>
        </View>
      ) : null}

      {keepsVisits(user) ? (
        <View className='card me-menu'>
          <View id='menu-my-visits' className='me-menu-item' onClick={open(ROUTES.myVisits)}>
            <Text>我的走访</Text>
            <Text className='muted'>›</Text>
          </View>
        </View>
      ) : null}

      {mayListVisitRounds(user) ? (
        <View className='card me-menu'>
          <Text className='section-title'>走访</Text>
          <View id='menu-visit-rounds' className='me-menu-item' onClick={open(ROUTES.visitRounds)}>
            <Text>走访轮次与覆盖情况</Text>
            <Text className='muted'>›</Text>
          </View>
          {mayListPendingVisits(user) ? (
            <View id='menu-pending-visits' className='me-menu-item' onClick={open(ROUTES.pendingVisits)}>
              <Text>本轮待走访</Text>
              <Text className='muted'>›</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {hasUpgradeList(subjectOf(user)) || mayReadUpgradeBoard(user) ? (
        <View className='card me-menu'>
          <Text className='section-title'>升规入统</Text>
          {hasUpgradeList(subjectOf(user)) ? (
            <View id='menu-upgrade-list' className='me-menu-item' onClick={open(ROUTES.upgradeList)}>
              <Text>升规培育清单</Text>
              <Text className='muted'>›</Text>
            </View>
          ) : null}
          {mayReadUpgradeBoard(user) ? (
            <View id='menu-upgrade-board' className='me-menu-item' onClick={open(ROUTES.upgradeBoard)}>
              <Text>升规看板</Text>
              <Text className='muted'>›</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {maySupervise(user) ? (
        <View className='card me-menu'>
          <Text className='section-title'>督办</Text>
          <View id='menu-supervision-queue' className='me-menu-item' onClick={open(ROUTES.supervisionQueue)}>
            <Text>督办队列</Text>
            <Text className='muted'>›</Text>
          </View>
          <View id='menu-supervision-digest' className='me-menu-item' onClick={open(ROUTES.supervisionDigest)}>
            <Text>每周督办简报</Text>
            <Text className='muted'>›</Text>
          </View>
        </View>
      ) : null}

      {mayManageReturnVisits(user) ? (
        <View className='card me-menu'>
          <Text className='section-title'>抽查回访</Text>
          {[
            { id: 'menu-return-visits', label: '回访清单', url: ROUTES.returnVisits },
            { id: 'menu-return-visit-sample', label: '回访抽样', url: ROUTES.returnVisitSample },
            { id: 'menu-return-visit-inconsistent', label: '评价不一致', url: `${ROUTES.returnVisits}?status=inconsistent` },
          ].map((item) => (
            <View key={item.id} id={item.id} className='me-menu-item' onClick={open(item.url)}>
              <Text>{item.label}</Text>
              <Text className='muted'>›</Text>
            </View>
          ))}
        </View>
      ) : null}

      {mayViewReports(user) ? (
        <View className='card me-menu'>
          <Text className='section-title'>统计报表</Text>
          <View id='menu-reports' className='me-menu-item' onClick={open(ROUTES.reportDashboard)}>
            <Text>{isSpecialist(user) ? '我的办理统计' : '统计看板与月报'}</Text>
            <Text className='muted'>›</Text>
          </View>
          {mayViewLedger(user) ? (
            <View id='menu-ledger' className='me-menu-item' onClick={open(ROUTES.ledger)}>
              <Text>{isSpecialist(user) ? '我承办的问题台账' : '问题台账'}</Text>
              <Text className='muted'>›</Text>
            </View>
          ) : null}
        </View>
      ) : null}

      {mayManageRoster(user) ? (
        <View className='card me-menu'>
          <Text className='section-title'>名册、联系卡与日历</Text>
          {[
            { id: 'menu-roster', label: '名册导入', url: ROUTES.roster },
            { id: 'menu-enterprises', label: '企业名册', url: ROUTES.enterprises },
            { id: 'menu-specialists', label: '专员名册', url: ROUTES.specialists },
            { id: 'menu-print-cards', label: '打印联系卡', url: ROUTES.printCards },
            ...(mayLoadCalendarYear(user) ? [{ id: 'menu-calendar', label: '工作日历', url: ROUTES.calendar }] : []),
            ...(mayEditRouting(user) ? [{ id: 'menu-routing', label: '诉求类别与时限', url: ROUTES.routing }] : []),
          ].map((item) => (
            <View key={item.id} id={item.id} className='me-menu-item' onClick={open(item.url)}>
              <Text>{item.label}</Text>
              <Text className='muted'>›</Text>
            </View>
          ))}
        </View>
      ) : null}

      <TextSizeSetting />

      <View className='card me-menu'>
        <Text className='section-title'>隐私与个人信息</Text>
        <View id='menu-privacy' className='me-menu-item' onClick={open(ROUTES.privacy)}>
          <Text>用户隐私保护指引</Text>
          <Text className='muted'>›</Text>
        </View>
        <View id='menu-my-data' className='me-menu-item' onClick={open(ROUTES.myData)}>
          <Text>{mayDeleteOwnAccount(user) ? '我的个人信息与注销账号' : '我的个人信息'}</Text>
          <Text className='muted'>›</Text>
        </View>
      </View>

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
