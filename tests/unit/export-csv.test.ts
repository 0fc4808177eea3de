import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { BOM, CSV_HEADER, csvField, csvLine, detailCsvLine, writeCsv } from '../../functions/exports/export-csv'
import type { DetailRow } from '../../functions/exports/export-rows'

const row = (overrides: Partial<DetailRow> = {}): DetailRow => ({
  number: 'XT-20261123-0011',
  title: '新线路接电',
  enterprise: '湖南锦程汽车零部件有限公司',
  scale: '规上',
  category: '用电',
  channel: '小程序',
  area: '湘潭高新区',
  owner: '徐慧萍',
  submittedAt: '2026-11-23T02:00:00.000Z',
  acceptedAt: '2026-11-23T03:30:00.000Z',
  onTime: '',
  outcome: '',
  rating: '',
  status: '办理中',
  attachments: 2,
  phone: '138****5678',
  ...overrides,
})

async function* pagesOf(...pages: DetailRow[][]): AsyncGenerator<DetailRow[]> {
  for (const page of pages) yield page
}

/** Runs the writer into a stream that is read as it is written, as the uploader reads it. */
async function csvOf(pages: AsyncIterable<DetailRow[]>, onRows?: (rows: number) => void): Promise<{ text: string; bytes: Buffer; rows: number }> {
  const sink = new PassThrough()
  const chunks: Buffer[] = []
  sink.on('data', (chunk: Buffer) => chunks.push(chunk))
  const rows = await writeCsv(pages, sink, onRows)
  const bytes = Buffer.concat(chunks)
  return { text: bytes.toString('utf8'), bytes, rows }
}

describe('CSV fields (RFC 4180)', () => {
  it('leaves plain text alone and quotes only what needs it', () => {
    expect(csvField('湖南锦程')).toBe('湖南锦程')
    expect(csvField('用电,用水')).toBe('"用电,用水"')
    expect(csvField('他说"尽快"')).toBe('"他说""尽快"""')
    expect(csvField('第一行\r\n第二行')).toBe('"第一行\r\n第二行"')
    expect(csvField('第一行\n第二行')).toBe('"第一行\n第二行"')
  })

  it('writes numbers as they are and nothing for a missing value', () => {
    expect(csvField(3)).toBe('3')
    expect(csvField(0)).toBe('0')
    expect(csvField(undefined)).toBe('')
  })

  it('keeps a title that looks like a formula as text', () => {
    expect(csvField('=HYPERLINK("http://x","点我")')).toBe(`"'=HYPERLINK(""http://x"",""点我"")"`)
    expect(csvField('+86 电话')).toBe("'+86 电话")
    expect(csvField('-1')).toBe("'-1")
    expect(csvField('@sum')).toBe("'@sum")
  })

  it('ends every line with CRLF', () => {
    expect(csvLine(['a', 'b,c', undefined, 2])).toBe('a,"b,c",,2\r\n')
  })
})

describe('the detail CSV', () => {
  it('starts with the UTF-8 byte-order mark, then the header', async () => {
    const { bytes, text } = await csvOf(pagesOf([row()]))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(text.startsWith(BOM + CSV_HEADER)).toBe(true)
    expect(CSV_HEADER).toBe(
      '诉求编号,诉求标题,企业,企业规模,类别,渠道,地区,承办专员,提交时间,受理时间,答复时间,办结时间,办理用时(工作日),是否按时,办理结果,评价,状态,附件数,联系电话\r\n',
    )
  })

  it('writes one line per row, times in Shanghai, and counts the rows page by page', async () => {
    const seen: number[] = []
    const closed = row({ number: 'XT-20261123-0022', closedAt: '2026-11-30T09:00:00.000Z', respondedAt: '2026-11-28T08:00:00.000Z', handlingDays: 4, onTime: '是', outcome: '已解决', rating: '满意', status: '已办结' })
    const { text, rows } = await csvOf(pagesOf([row()], [closed, row({ number: 'XT-20261123-0033', title: '围墙,门禁"改造"' })]), (n) => seen.push(n))
    expect(rows).toBe(3)
    expect(seen).toEqual([1, 3])
    const lines = text.slice(1).split('\r\n')
    expect(lines).toHaveLength(5) // header, three rows, and the empty string after the last CRLF
    expect(lines[1]).toBe('XT-20261123-0011,新线路接电,湖南锦程汽车零部件有限公司,规上,用电,小程序,湘潭高新区,徐慧萍,2026-11-23 10:00,2026-11-23 11:30,,,,,,,办理中,2,138****5678')
    expect(lines[2]).toBe('XT-20261123-0022,新线路接电,湖南锦程汽车零部件有限公司,规上,用电,小程序,湘潭高新区,徐慧萍,2026-11-23 10:00,2026-11-23 11:30,2026-11-28 16:00,2026-11-30 17:00,4,是,已解决,满意,已办结,2,138****5678')
    expect(lines[3]).toContain('"围墙,门禁""改造"""')
  })

  it('is just the header for a month with nothing in it', async () => {
    const { text, rows } = await csvOf(pagesOf())
    expect(rows).toBe(0)
    expect(text).toBe(BOM + CSV_HEADER)
  })

  it('formats a row exactly as the writer does', () => {
    expect(detailCsvLine(row()).endsWith(',办理中,2,138****5678\r\n')).toBe(true)
  })
})
