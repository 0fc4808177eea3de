export default definePageConfig({
  navigationBarTitleText: '升规培育清单',
  enablePullDownRefresh: true,
})
