export default definePageConfig({
  navigationBarTitleText: '高频问题解答',
  enablePullDownRefresh: true,
})
