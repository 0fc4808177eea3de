export default definePageConfig({
  navigationBarTitleText: '新建走访轮次',
})
