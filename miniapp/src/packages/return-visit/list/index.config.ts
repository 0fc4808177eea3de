export default definePageConfig({
  navigationBarTitleText: '回访清单',
  enablePullDownRefresh: true,
})
