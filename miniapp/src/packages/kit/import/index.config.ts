export default definePageConfig({ navigationBarTitleText: '政策批量导入' })
