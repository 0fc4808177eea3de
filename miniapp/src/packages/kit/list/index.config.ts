export default definePageConfig({
  navigationBarTitleText: '政策包',
  enablePullDownRefresh: true,
})
