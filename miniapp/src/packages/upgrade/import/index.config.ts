export default definePageConfig({
  navigationBarTitleText: '导入月度数据',
})
