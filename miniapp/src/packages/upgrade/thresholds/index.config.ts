export default definePageConfig({
  navigationBarTitleText: '门槛设置',
  enablePullDownRefresh: true,
})
