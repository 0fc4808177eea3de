export default definePageConfig({
  navigationBarTitleText: '交流活动',
  enablePullDownRefresh: true,
})
