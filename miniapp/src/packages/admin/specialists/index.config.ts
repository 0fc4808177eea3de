export default definePageConfig({
  navigationBarTitleText: '专员名册',
  enablePullDownRefresh: true,
})
