export default definePageConfig({
  navigationBarTitleText: '政策口袋书',
})
