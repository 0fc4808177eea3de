export default definePageConfig({
  navigationBarTitleText: '月报',
  enablePullDownRefresh: true,
})
