export default definePageConfig({
  navigationBarTitleText: '升规看板',
  enablePullDownRefresh: true,
})
