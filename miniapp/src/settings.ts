/** Build-time settings, inlined by Taro from config/index.ts. Read them here only. */
export const API_BASE: string = (process.env.TARO_APP_API_BASE || 'http://localhost:3000').replace(/\/+$/, '')

/** The local demo login page exists only in local builds (TARO_APP_DEV_LOGIN !== 'false'). */
export const DEV_LOGIN_ENABLED: boolean = process.env.TARO_APP_DEV_LOGIN !== 'false'

/**
 * Local h5 builds: the WeChat stand-in server that issues login codes in place of wx.login
 * (a browser has no WeChat). Empty in weapp builds, which use the real Taro.login.
 */
export const WECHAT_STAND_IN: string = (process.env.TARO_APP_WECHAT_STAND_IN || '').replace(/\/+$/, '')

export const ROUTES = {
  index: '/pages/index/index',
  me: '/pages/me/index',
  login: '/pages/login/index',
  newAppeal: '/packages/appeal/new/index',
  appealDetail: '/packages/appeal/detail/index',
  card: '/pages/card/index',
  claimInvitation: '/packages/account/invitation/index',
  privacy: '/packages/account/privacy/index',
  myData: '/packages/account/data/index',
  staff: '/packages/enterprise/staff/index',
  roster: '/packages/admin/roster/index',
  enterprises: '/packages/admin/enterprises/index',
  recordVisit: '/packages/visit/record/index',
  visitDetail: '/packages/visit/detail/index',
  myVisits: '/packages/visit/mine/index',
  specialists: '/packages/admin/specialists/index',
  printCards: '/packages/admin/cards/index',
  calendar: '/packages/admin/calendar/index',
  routing: '/packages/admin/routing/index',
  supervisionQueue: '/packages/supervision/queue/index',
  supervisionDigest: '/packages/supervision/digest/index',
  returnVisits: '/packages/return-visit/list/index',
  returnVisitSample: '/packages/return-visit/sample/index',
  inbox: '/packages/inbox/list/index',
  visitRounds: '/packages/rounds/list/index',
  pendingVisits: '/packages/rounds/pending/index',
  exchangeEvents: '/packages/events/list/index',
  reportDashboard: '/packages/report/dashboard/index',
  reportAppeals: '/packages/report/appeals/index',
  reportMonthly: '/packages/report/monthly/index',
  reportExports: '/packages/report/exports/index',
  upgradeList: '/packages/upgrade/list/index',
  upgradeFile: '/packages/upgrade/file/index',
  upgradeBoard: '/packages/upgrade/board/index',
  upgradeImport: '/packages/upgrade/import/index',
  upgradeThresholds: '/packages/upgrade/thresholds/index',
  ledger: '/packages/ledger/list/index',
  kitPolicies: '/packages/kit/list/index',
  kitPolicy: '/packages/kit/policy/index',
  kitFaq: '/packages/kit/faq/index',
  kitSearch: '/packages/kit/search/index',
  kitSheet: '/packages/kit/sheet/index',
  kitFaqEdit: '/packages/kit/faq-edit/index',
  kitImport: '/packages/kit/import/index',
  kitPolicyEdit: '/packages/kit/policy-edit/index',
  commonProblems: '/packages/common/list/index',
  commonProblem: '/packages/common/detail/index',
} as const
