import ExcelJS from 'exceljs'
import { creditCodeCheckChar } from '../../shared/domain/credit-code'
import { ROSTER_COLUMNS } from '../../shared/domain/roster'

/**
 * A large roster for the bench: `rows` new enterprises of 湘潭高新区, one new specialist per ten,
 * as an XLSX an admin would upload. Deterministic, so runs compare.
 */
export async function largeRosterXlsx(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('名册')
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header))
  for (let i = 0; i < rows; i++) {
    const first17 = `91430304MA${String(i).padStart(7, '0')}`
    const specialist = Math.floor(i / 10)
    sheet.addRow([
      first17 + creditCodeCheckChar(first17),
      `湘潭基准测试企业${i}有限公司`,
      '湘潭高新区',
      '工业',
      i % 3 === 0 ? '规上' : '临规',
      `联系人${i}`,
      `137${String(i).padStart(8, '0')}`,
      `专员${specialist}`,
      `139${String(specialist).padStart(8, '0')}`,
      '园区企业服务专员',
    ])
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
