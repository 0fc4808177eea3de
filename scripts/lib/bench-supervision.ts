import { randomUUID } from 'node:crypto'
import type { Actor } from '../../shared/domain/actor'

const OPEN_APPEALS = Number(process.env.BENCH_OPEN_APPEALS ?? 2000)
const DAY_MS = 86_400_000

/** The demo city's admin of 湘潭高新区, as the server would establish it. */
const areaAdmin: Actor = { id: 'ad-xt-hitech', name: '卢鹏', role: 'area_admin', areaId: 'xt-hitech', enterpriseIds: [], pendingEnterpriseIds: [] }

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/**
 * The sweep and the supervision reads at city scale, in this process against the bench's
 * DynamoDB Local: `OPEN_APPEALS` open appeals filed a month ago across the demo city (all of
 * them overdue today), then the first sweep (marks and escalates each once), a second sweep
 * (finds nothing: idempotent), one area's supervision queue, and the Monday digests.
 */
export async function benchSupervision(write: (line: string) => void): Promise<void> {
  const { submitAppeal } = await import('../../functions/appeals/submit-appeal.use-case')
  const { runSweep } = await import('../../functions/supervision/sweep.use-case')
  const { getSupervisionQueue } = await import('../../functions/supervision/supervision.use-case')
  const { makeWeeklyDigests } = await import('../../functions/supervision/digest.use-case')
  const { getCatalogCached } = await import('../../functions/store/catalog.store')
  const { queryEnterprises } = await import('../../functions/store/enterprise.store')

  const { areas } = await getCatalogCached()
  const enterprises = (await Promise.all(areas.map((a) => queryEnterprises({ areaId: a.id, limit: 100 })))).flatMap((page) => page.items)
  const filedAt = new Date(Date.now() - 30 * DAY_MS)
  const started = Date.now()
  const queue = [...Array(OPEN_APPEALS).keys()]
  // Eight filings at a time: the emulator is single-process; more only queues.
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = queue.pop(); i !== undefined; i = queue.pop()) {
        const enterprise = enterprises[i % enterprises.length]!
        const staff: Actor = { id: `bench-staff-${enterprise.id}`, name: '基准联系人', role: 'staff', enterpriseIds: [enterprise.id], pendingEnterpriseIds: [] }
        await submitAppeal(staff, randomUUID(), { enterpriseId: enterprise.id, categoryId: 'power', title: '督办基准诉求', description: '基准测试：新厂房需要接入 10kV 线路' }, filedAt)
      }
    }),
  )
  write(`filed ${OPEN_APPEALS} open appeals dated 30 days ago across ${areas.length} areas   ${seconds(Date.now() - started)}\n`)

  const quiet = () => {}
  let t = Date.now()
  const first = await runSweep(new Date(), quiet)
  write(`sweep, first run:  ${seconds(Date.now() - t)}   ${JSON.stringify(first)}\n`)
  t = Date.now()
  const second = await runSweep(new Date(), quiet)
  write(`sweep, second run: ${seconds(Date.now() - t)}   ${JSON.stringify(second)}   (nothing left to do: read only what is due)\n`)

  t = Date.now()
  const area = await getSupervisionQueue(areaAdmin, {}, new Date())
  write(`supervision queue of ${area.scope.name}: ${area.items.length} items   ${seconds(Date.now() - t)}\n`)
  t = Date.now()
  const digests = await makeWeeklyDigests(new Date())
  write(`weekly digests (city + ${areas.length} areas): ${digests.created.length} made   ${seconds(Date.now() - t)}\n`)
}
