export default definePageConfig({
  navigationBarTitleText: '搜政策、找答案',
})
