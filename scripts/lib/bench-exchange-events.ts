import { randomUUID } from 'node:crypto'
import type { Actor } from '../../shared/domain/actor'
import type { ExchangeEvent } from '../../shared/schemas/exchange-event.schema'

const MEETINGS = Number(process.env.BENCH_EVENT_MEETINGS ?? 52)
const PER_MEETING = Number(process.env.BENCH_EVENT_PROBLEMS ?? 6)
const DAY_MS = 86_400_000

/** The demo city's admin of 湘潭高新区, as the server would establish it. */
const areaAdmin: Actor = { id: 'ad-xt-hitech', name: '卢鹏', role: 'area_admin', areaId: 'xt-hitech', enterpriseIds: [], pendingEnterpriseIds: [] }

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/**
 * A year of a park's weekly exchange days, in this process against the bench's DynamoDB Local:
 * `MEETINGS` events with `PER_MEETING` problems recorded at each (half with a measure), then the
 * series' totals (one Query for the events, one source Query and BatchGet per event) and one
 * event's page. Returns the lines to print.
 */
export async function benchExchangeEvents(now: Date = new Date()): Promise<string[]> {
  const { scheduleExchangeEvent, getSeriesTotals, getExchangeEventDetail } = await import('../../functions/exchange-events/exchange-events.use-case')
  const { submitAppeal } = await import('../../functions/appeals/submit-appeal.use-case')
  const { queryEnterprises } = await import('../../functions/store/enterprise.store')
  const lines: string[] = []
  const series = `基准交流主题日${randomUUID().slice(0, 6)}`
  const enterprises = (await queryEnterprises({ areaId: 'xt-hitech', limit: 100 })).items
  const dueDate = new Date(now.getTime() + 30 * DAY_MS).toISOString().slice(0, 10)

  let t = Date.now()
  const events: ExchangeEvent[] = []
  for (let k = 0; k < MEETINGS; k++) {
    const date = new Date(now.getTime() - (MEETINGS - k) * 7 * DAY_MS).toISOString().slice(0, 10)
    events.push(
      await scheduleExchangeEvent(
        areaAdmin,
        { title: `第${k + 1}期`, series, date, time: '19:30', place: '园区管委会', hosts: ['园区党工委书记'], departmentIds: ['power'], areaId: 'xt-hitech', invited: { kind: 'filter', scales: ['above', 'near'] } },
        now,
      ),
    )
  }
  const queue = [...Array(MEETINGS * PER_MEETING).keys()]
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = queue.pop(); i !== undefined; i = queue.pop()) {
        const event = events[Math.floor(i / PER_MEETING)]!
        await submitAppeal(
          areaAdmin,
          randomUUID(),
          {
            enterpriseId: enterprises[i % enterprises.length]!.id,
            categoryId: 'other',
            title: '交流日基准问题',
            description: '基准测试：交流日现场提出的问题',
            onBehalf: { channel: 'event', eventId: event.id, ...(i % 2 === 0 ? { measure: { text: '基准措施', unit: '园区经发局', dueDate } } : {}) },
          },
          now,
        )
      }
    }),
  )
  lines.push(`exchange days: ${MEETINGS} events, ${MEETINGS * PER_MEETING} problems recorded   ${seconds(Date.now() - t)}`)

  t = Date.now()
  const totals = await getSeriesTotals(areaAdmin, {}, now)
  const total = totals.items.find((s) => s.series === series)
  lines.push(`series totals (${total?.events} events, ${total?.raised} raised, ${total?.withMeasure} with a measure): ${seconds(Date.now() - t)}`)
  t = Date.now()
  const page = await getExchangeEventDetail(areaAdmin, events[events.length - 1]!.id)
  lines.push(`one event page (${page.problems.length} problems): ${seconds(Date.now() - t)}`)
  return lines
}
