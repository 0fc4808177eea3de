import { describe, expect, it } from 'vitest'
import { exportNotices, exportNotificationsFor, KIND_TEMPLATE, type ExportReady } from '@shared/domain/notifications'
import { attachmentDisposition, encodeRfc5987 } from '../../functions/lib/content-disposition'
import { asciiFileName, exportFileName, exportObjectKey } from '../../functions/exports/export-file'
import { EVERY_MS, EVERY_ROWS, progressThrottle } from '../../functions/exports/export-progress'
import { renderData } from '../../functions/services/subscribe-templates'
import { exportFileName as shownFileName } from '../../miniapp/src/packages/report/export-view'

describe('export file names', () => {
  it('name the file after the scope and the month, in Chinese', () => {
    expect(exportFileName('雨湖区', '2026-11', 'xlsx')).toBe('亲商直通月报-雨湖区-2026年11月.xlsx')
    expect(exportFileName('全市', '2027-01', 'csv')).toBe('亲商直通月报-全市-2027年1月.csv')
  })

  it('keep characters out that file systems refuse', () => {
    expect(exportFileName('工业/建筑业:专班', '2026-11', 'csv')).toBe('亲商直通月报-工业_建筑业_专班-2026年11月.csv')
  })

  it('keep object keys and the fallback name ASCII', () => {
    expect(exportObjectKey({ id: 'ex-01kabc', month: '2026-11', format: 'xlsx' })).toBe('exports/2026-11/ex-01kabc.xlsx')
    expect(asciiFileName('area:yuhu', '2026-11', 'xlsx')).toBe('qinshang-report-area-yuhu-2026-11.xlsx')
  })
})

describe('one name for an export, whatever its state', () => {
  it('shows a job that is not done yet under the name its file will be saved as', () => {
    // A queued or running job as a server that sent no name yet answered it.
    const queued = { scopeName: '湘乡经开区', month: '2026-12', format: 'xlsx' } as const
    expect(shownFileName(queued)).toBe('亲商直通月报-湘乡经开区-2026年12月.xlsx')
    expect(shownFileName(queued)).toBe(exportFileName('湘乡经开区', '2026-12', 'xlsx'))
    expect(shownFileName({ ...queued, format: 'csv', scopeName: '工业/建筑业' })).toBe(exportFileName('工业/建筑业', '2026-12', 'csv'))
  })

  it('shows the server’s name when it gives one', () => {
    expect(shownFileName({ scopeName: '湘乡经开区', month: '2026-12', format: 'xlsx', fileName: '亲商直通月报-湘乡经开区-2026年12月.xlsx' })).toBe('亲商直通月报-湘乡经开区-2026年12月.xlsx')
  })
})

describe('the download’s Content-Disposition', () => {
  it('gives the Chinese name as RFC 5987 UTF-8 and an ASCII fallback', () => {
    expect(attachmentDisposition('亲商直通月报-雨湖区-2026年11月.xlsx', 'qinshang-report.xlsx')).toBe(
      `attachment; filename="qinshang-report.xlsx"; filename*=UTF-8''%E4%BA%B2%E5%95%86%E7%9B%B4%E9%80%9A%E6%9C%88%E6%8A%A5-%E9%9B%A8%E6%B9%96%E5%8C%BA-2026%E5%B9%B411%E6%9C%88.xlsx`,
    )
  })

  it('escapes what RFC 5987 does not allow bare, and quotes nothing it should not', () => {
    expect(encodeRfc5987("a'b(c)*d e")).toBe('a%27b%28c%29%2Ad%20e')
    expect(attachmentDisposition('x', 'a"b\\c文.csv')).toBe(`attachment; filename="a_b_c_.csv"; filename*=UTF-8''x`)
  })
})

describe('export progress', () => {
  it('is written after enough rows or enough time, whichever comes first, and never above the estimate', () => {
    let clock = 0
    const throttle = progressThrottle(1200, () => clock)
    expect(throttle.next(100)).toBeNull()
    expect(throttle.next(EVERY_ROWS)).toEqual({ done: 500, total: 1200 })
    clock += EVERY_MS - 1
    expect(throttle.next(600)).toBeNull()
    clock += 1
    expect(throttle.next(650)).toEqual({ done: 650, total: 1200 })
    expect(throttle.next(1500)).toEqual({ done: 1200, total: 1200 })
  })
})

describe('the export_ready notification', () => {
  const ready: ExportReady = {
    jobId: 'ex-01kabc',
    requestedBy: 'ad-yuhu',
    scopeName: '雨湖区',
    month: '2026-11',
    fileName: '亲商直通月报-雨湖区-2026年11月.xlsx',
    finishedAt: '2026-12-01T01:00:00.000Z',
    overdueAtMonthEnd: 5,
    escalations: 6,
  }

  it('goes to the requester only, and opens the exports page', () => {
    expect(exportNotificationsFor(ready)).toEqual([
      expect.objectContaining({ recipientId: 'ad-yuhu', kind: 'export_ready', title: '月报已导出', page: 'packages/report/exports/index?id=ex-01kabc' }),
    ])
  })

  it('is pushed with the admins’ report template, naming the month’s report', () => {
    expect(KIND_TEMPLATE.export_ready).toBe('digest')
    const [notice] = exportNotices(ready)
    expect(renderData('export_ready', notice!.facts)).toEqual({
      thing1: { value: '雨湖区2026年11月月报' },
      date2: { value: '2026年12月1日' },
      number3: { value: '5' },
      number4: { value: '6' },
      thing5: { value: '月报已导出，请在小程序中下载' },
    })
  })
})
