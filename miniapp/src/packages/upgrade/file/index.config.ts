export default definePageConfig({
  navigationBarTitleText: '升规档案',
})
