import { buildKitIndex, kitDocuments, rankKit, type KitDocument, type KitTermCache } from '../../shared/domain/kit-search'
import { kitDemoData } from './kit-demo-data'
import { measureKitQuality, readKitQueries } from './kit-quality'

const ENTRIES = Number(process.env.BENCH_KIT_ENTRIES ?? 5000)
const ROUNDS = 20

const AREAS = ['湘潭高新区', '湘潭经开区', '天易经开区', '湘乡经开区', '韶山高新区', '雨湖区', '岳塘区']
const YEARS = ['2024', '2025', '2026', '2027']

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
const ms = (value: number) => `${value.toFixed(2)} ms`

/**
 * A city's kit grown to `entries` documents: the demo seed, then variants of its entries as other
 * areas, years and units would write them (the same vocabulary, so that they compete with the
 * entries the query set expects rather than sit apart from them).
 */
export function grownKit(now: Date, entries = ENTRIES): KitDocument[] {
  const { policies, faq } = kitDemoData(now)
  const seed = kitDocuments(
    policies.map((p) => p.policy),
    faq,
  )
  const documents = [...seed]
  for (let i = 0; documents.length < entries; i++) {
    const base = seed[i % seed.length]!
    const other = seed[(i * 7 + 3) % seed.length]!
    const area = AREAS[i % AREAS.length]!
    const year = YEARS[i % YEARS.length]!
    documents.push({
      ...base,
      id: `${base.kind === 'policy' ? 'pd' : 'fq'}-bench-${i}`,
      title: `${area}${year}年${base.title.replace(/[？?]$/, '')}（第${(i % 9) + 1}批）`,
      keys: base.keys,
      body: `${base.body} 参照${other.title}执行。`,
    })
  }
  return documents
}

/** The kit's search figures: quality over the committed query set, then index build and query times at `ENTRIES` entries. */
export async function benchKit(now = new Date()): Promise<string[]> {
  const queries = readKitQueries()
  const lines: string[] = []
  const seedDocs = grownKit(now, 0)
  const seedQuality = measureKitQuality(buildKitIndex(seedDocs), queries, now)
  lines.push(`kit search, demo seed (${seedDocs.length} published entries, ${queries.length} queries): recall@5 ${seedQuality.recallAt5.toFixed(3)}, MRR ${seedQuality.mrr.toFixed(3)}`)

  const documents = grownKit(now)
  // A warm-up build (the segmenter's and the converter's first calls), then the measured one.
  buildKitIndex(documents.slice(0, 200))
  const started = performance.now()
  const index = buildKitIndex(documents)
  const buildMs = performance.now() - started
  // One entry edited: the rebuild a container makes when a stamp moves.
  const cache: KitTermCache = new Map()
  buildKitIndex(documents, cache)
  const edited = documents.map((d, i) => (i === 0 ? { ...d, body: `${d.body} （已更新）` } : d))
  const rebuildStarted = performance.now()
  buildKitIndex(edited, cache)
  const rebuildMs = performance.now() - rebuildStarted
  const grownQuality = measureKitQuality(index, queries, now)
  const times: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of queries) {
      const t = performance.now()
      rankKit(index, query.q, { limit: 5, now })
      times.push(performance.now() - t)
    }
  }
  times.sort((a, b) => a - b)
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024
  lines.push(`kit search at ${documents.length} entries: index build ${ms(buildMs)} cold, ${ms(rebuildMs)} after one edit (${index.postings.size} terms; heap ${heapMb.toFixed(0)} MB), query p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))} over ${times.length} queries; recall@5 ${grownQuality.recallAt5.toFixed(3)}, MRR ${grownQuality.mrr.toFixed(3)}`)
  return lines
}

if (require.main === module) {
  benchKit().then((lines) => console.log(lines.join('\n')))
}
