import { Writable } from 'node:stream'
import type { LedgerPrintRow } from '../../functions/exports/ledger-workbook'

const PROBLEMS = Number(process.env.BENCH_LEDGER_PROBLEMS ?? 10_000)
const PAGE = 500
const RSS_SAMPLE_MS = 20
const MB = 1024 * 1024

const CHANNELS = [
  { channel: 'miniapp', channelLabel: '企业自报' },
  { channel: 'visit', channelLabel: '走访' },
  { channel: 'event', channelLabel: '交流日' },
  { channel: 'phone', channelLabel: '电话' },
] as const
const STATUSES = [
  { status: 'in_progress', statusLabel: '办理中' },
  { status: 'responded', statusLabel: '已答复' },
  { status: 'closed', statusLabel: '已办结' },
] as const

/** Problem `i` of a city's ledger as the export writes it: every column filled, about the lengths people type. */
function row(i: number): LedgerPrintRow {
  const c = CHANNELS[i % CHANNELS.length]!
  const s = STATUSES[i % STATUSES.length]!
  const day = String(1 + (i % 28)).padStart(2, '0')
  const createdAt = `2026-${String(1 + (i % 11)).padStart(2, '0')}-${day}T02:00:00.000Z`
  return {
    appealId: `ap-bench-${i}`,
    number: `XT-2026${String(1 + (i % 11)).padStart(2, '0')}${day}-${String(i % 10_000).padStart(4, '0')}`,
    enterpriseName: `湘潭市第${i % 300}号精密机械制造有限公司`,
    areaId: 'xt-hitech',
    areaName: '湘潭高新区',
    categoryName: '用电',
    title: `新厂房 10kV 线路接入与变压器增容（第 ${i} 件）`,
    channel: c.channel,
    channelLabel: c.channelLabel,
    sourceLabel: c.channel === 'visit' ? `${1 + (i % 11)}月${Number(day)}日走访` : c.channel === 'event' ? `政企交流主题日第${i % 52}期` : null,
    onBehalf: c.channel !== 'miniapp',
    measure: i % 2 === 0 ? { text: '协调供电公司现场勘察并制定接电方案，限期完成线路改造', unit: '国网湘潭供电公司', dueDate: '2026-12-20' } : null,
    owner: '徐慧萍',
    coHandlers: ['国网湘潭供电公司', '市发展和改革委员会'],
    createdAt,
    dueAt: '2026-12-31T15:59:59.999Z',
    overdue: i % 9 === 0,
    status: s.status,
    statusLabel: s.statusLabel,
    closedAt: s.status === 'closed' ? createdAt : null,
    satisfaction: s.status === 'closed' ? '满意' : '',
    phone: c.channel === 'miniapp' ? '189****6490' : '',
  }
}

async function* pages(): AsyncGenerator<LedgerPrintRow[]> {
  for (let start = 0; start < PROBLEMS; start += PAGE) yield Array.from({ length: Math.min(PAGE, PROBLEMS - start) }, (_, k) => row(start + k))
}

/**
 * The problem ledger's export at a city's scale: `PROBLEMS` rows (BENCH_LEDGER_PROBLEMS, 10,000
 * by default) written as the XLSX workbook the worker streams to S3, here into a sink that counts
 * the bytes. Reports the time, the file's size and the peak memory (resident set sampled every
 * 20 ms, and the process's max RSS). Returns printable lines.
 */
export async function benchLedger(): Promise<string[]> {
  const { writeLedgerWorkbook } = await import('../../functions/exports/ledger-workbook')
  let bytes = 0
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      done()
    },
  })
  const finished = new Promise<void>((resolve, reject) => sink.on('finish', resolve).on('error', reject))
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), RSS_SAMPLE_MS)
  const started = performance.now()
  let rows = 0
  try {
    rows = await writeLedgerWorkbook({ scopeName: '湘潭市', filterText: '全部', asOf: '2026-12-05T02:00:00.000Z' }, pages(), sink)
    await finished
  } finally {
    clearInterval(timer)
  }
  const ms = performance.now() - started
  peak = Math.max(peak, process.memoryUsage().rss)
  const maxRss = (process.resourceUsage().maxRSS * 1024) / MB
  return [
    `ledger export (问题台账 XLSX): ${rows.toLocaleString('en')} problems in ${(ms / 1000).toFixed(2)} s (${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s), ${(bytes / MB).toFixed(1)} MB`,
    `ledger export memory: peak RSS ${(peak / MB).toFixed(0)} MB (${((peak - baseline) / MB).toFixed(0)} MB above the ${(baseline / MB).toFixed(0)} MB before it); process max RSS ${maxRss.toFixed(0)} MB`,
  ]
}
