export default definePageConfig({
  navigationBarTitleText: '导出月报',
})
