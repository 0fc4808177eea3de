export default definePageConfig({
  navigationBarTitleText: '政企交流活动',
  enablePullDownRefresh: true,
})
