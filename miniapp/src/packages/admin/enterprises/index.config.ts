export default definePageConfig({
  navigationBarTitleText: '企业名册',
  enablePullDownRefresh: true,
})
