export default definePageConfig({
  navigationBarTitleText: '走访轮次',
  enablePullDownRefresh: true,
})
