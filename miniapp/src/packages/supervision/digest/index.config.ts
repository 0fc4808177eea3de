export default definePageConfig({
  navigationBarTitleText: '每周督办简报',
  enablePullDownRefresh: true,
})
