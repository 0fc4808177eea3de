export default definePageConfig({
  navigationBarTitleText: '新建交流日',
})
