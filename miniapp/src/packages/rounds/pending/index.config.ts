export default definePageConfig({
  navigationBarTitleText: '本轮待走访',
  enablePullDownRefresh: true,
})
