// Evaluated at build time by Taro (Node), so the shell environment decides which pages ship.
const devLogin = process.env.TARO_APP_DEV_LOGIN !== 'false'

export default defineAppConfig({
  // The card page is what a printed code opens: it stays in the main package so that a first
  // scan does not wait for a subpackage download.
  pages: ['pages/index/index', 'pages/me/index', 'pages/card/index', ...(devLogin ? ['pages/login/index'] : [])],
  subPackages: [
    {
      root: 'packages/appeal',
      pages: ['new/index', 'detail/index'],
    },
    {
      root: 'packages/enterprise',
      pages: ['staff/index'],
    },
    {
      root: 'packages/visit',
      pages: ['record/index', 'detail/index', 'mine/index'],
    },
    {
      root: 'packages/account',
      pages: ['invitation/index', 'privacy/index', 'data/index'],
    },
    {
      root: 'packages/admin',
      pages: ['roster/index', 'enterprises/index', 'specialists/index', 'cards/index', 'calendar/index', 'routing/index'],
    },
    {
      root: 'packages/supervision',
      pages: ['queue/index', 'digest/index'],
    },
    {
      root: 'packages/return-visit',
      pages: ['list/index', 'sample/index', 'call/index'],
    },
    {
      root: 'packages/inbox',
      pages: ['list/index'],
    },
    {
      root: 'packages/rounds',
      pages: ['list/index', 'new/index', 'coverage/index', 'pending/index'],
    },
    {
      root: 'packages/events',
      pages: ['list/index', 'new/index', 'detail/index'],
    },
    {
      root: 'packages/upgrade',
      pages: ['list/index', 'file/index', 'board/index', 'import/index', 'thresholds/index'],
    },
    {
      // ECharts lives only here: the charts never weigh on the main package or other subpackages.
      root: 'packages/report',
      pages: ['dashboard/index', 'appeals/index', 'monthly/index', 'exports/index'],
    },
    {
      root: 'packages/ledger',
      pages: ['list/index'],
    },
    {
      root: 'packages/common',
      pages: ['list/index', 'detail/index'],
    },
    {
      root: 'packages/kit',
      pages: ['list/index', 'policy/index', 'faq/index', 'search/index', 'sheet/index', 'faq-edit/index', 'import/index', 'policy-edit/index'],
    },
  ],
  // h5 only: Taro's slide animation hides the previous page on a ~300 ms timer, and a tab
  // switch inside that window leaves the tab page hidden (blank screen). Instant switches avoid it.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  // weapp: inject only the components a page renders (faster first screen), and let WeChat's
  // search index the public pages alone, the card and the privacy guide (src/sitemap.json,
  // copied by config/index.ts).
  ...(process.env.TARO_ENV === 'weapp' ? { lazyCodeLoading: 'requiredComponents', sitemapLocation: 'sitemap.json' } : {}),
  // weapp: privacy APIs wait for the user's consent (services/privacy.ts answers onNeedPrivacyAuthorization).
  ...(process.env.TARO_ENV === 'weapp' ? { __usePrivacyCheck__: true } : {}),
  window: {
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '亲商直通',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f3f5f8',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#6b7280',
    selectedColor: '#1f6feb',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '诉求',
        iconPath: 'assets/tabbar/appeal.png',
        selectedIconPath: 'assets/tabbar/appeal-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
})
