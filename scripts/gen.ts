/**
 * `npm run gen -- --appeals N --months M [--seed S] [--no-events] [--now ISO]`
 *
 * Fills the table with realistic appeals of the seeded demo city, made by the domain code
 * (routing, working-day deadlines, every transition and the sweep), filed over the last M months
 * up to now, and recounts the monthly report cells. The same seed and the same --now give the
 * same appeals. Targets TABLE_NAME / DYNAMODB_ENDPOINT, by default the table of `npm start`.
 */
import { parseArgs } from 'node:util'
import * as z from 'zod'
import { STATUS_LABEL } from '../shared/labels'
import type { AppealStatus } from '../shared/schemas/appeal.schema'
import { generateAppeals, type GenerateOptions } from './lib/generate-appeals'
import { readDemoCity } from './lib/demo-data'
import { loadGenerated, storedNumberSequences, type LoadSummary } from './lib/load-generated'
import { loadWorld, WorldNotSeededError } from './lib/gen-world'

const USAGE = '用法：npm run gen -- --appeals <件数> --months <月数> [--seed <种子>] [--no-events] [--now <ISO 时间>]'
const MAX_APPEALS = 1_000_000
const MAX_MONTHS = 60

class UsageError extends Error {}

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number<string>({ message: `${label} 必须是整数` })
    .int(`${label} 必须是整数`)
    .min(min, `${label} 不能小于 ${min}`)
    .max(max, `${label} 不能大于 ${max}`)

const flagsSchema = z.object({
  appeals: z.string({ message: '请用 --appeals 给出要生成的诉求件数' }).pipe(whole('--appeals', 1, MAX_APPEALS)),
  months: z.string({ message: '请用 --months 给出覆盖的月数' }).pipe(whole('--months', 1, MAX_MONTHS)),
  seed: z.string().default('1').pipe(whole('--seed', 0, 2 ** 32 - 1)),
  'no-events': z.boolean().default(false),
  now: z
    .string()
    .optional()
    .refine((value) => value === undefined || !Number.isNaN(Date.parse(value)), '--now 应为时间，如 2026-11-24T10:00:00+08:00'),
})

const PARSE_ERRORS: Record<string, string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: '不认识的参数',
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: '参数缺少取值或取值不对',
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: '多余的参数',
}

function parseFlags(argv: string[]): GenerateOptions & { events: boolean } {
  let values: Record<string, unknown>
  try {
    values = parseArgs({
      args: argv,
      options: { appeals: { type: 'string' }, months: { type: 'string' }, seed: { type: 'string' }, 'no-events': { type: 'boolean' }, now: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    throw new UsageError(`${PARSE_ERRORS[code] ?? '参数有误'}：${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = flagsSchema.safeParse(values)
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('；'))
  const flags = parsed.data
  return { appeals: flags.appeals, months: flags.months, seed: flags.seed, now: flags.now ? new Date(flags.now) : new Date(), events: !flags['no-events'] }
}

const count = (n: number) => n.toLocaleString('en-US')
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} 秒`

/** Where the table is not, in words people can act on; anything else as it is. */
function explain(error: unknown): string {
  if (error instanceof UsageError || error instanceof WorldNotSeededError) return error.message
  const name = (error as { name?: string }).name
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error)
  if (name === 'ResourceNotFoundException') return `找不到表 ${process.env.TABLE_NAME}：请先运行 npm start，或用 TABLE_NAME 指定已有的表`
  if (/ECONNREFUSED|connect|getaddrinfo/i.test(text)) return `连不上 DynamoDB（${process.env.DYNAMODB_ENDPOINT}）：请先运行 npm start，或用 DYNAMODB_ENDPOINT 指定地址`
  return error instanceof Error ? (error.stack ?? error.message) : String(error)
}

function statusLine(summary: LoadSummary): string {
  const order: AppealStatus[] = ['submitted', 'assigned', 'in_progress', 'responded', 'closed', 'withdrawn']
  return order
    .map((s) => `${STATUS_LABEL[s]} ${count(summary.byStatus[s] ?? 0)}${s === 'closed' ? `（其中未评价 ${count(summary.notEvaluated)}）` : ''}`)
    .join('、')
}

async function main(): Promise<void> {
  const options = parseFlags(process.argv.slice(2))
  process.env.TABLE_NAME ??= 'qinshang-direct-local'
  process.env.DYNAMODB_ENDPOINT ??= 'http://127.0.0.1:8000'
  // The functions' configuration insists on a session secret; generating signs nothing.
  process.env.TOKEN_SECRET ??= 'local-only-secret-qinshang-direct-0123456789'
  const started = Date.now()
  const [world, { currentWorkingCalendar }, { getAppeal }] = await Promise.all([
    loadWorld(),
    import('../functions/services/working-calendar'),
    import('../functions/store/appeal.store'),
  ])
  const calendar = await currentWorkingCalendar()
  const prefix = process.env.CITY_PREFIX ?? readDemoCity().city.code
  // A window start well before the generator's: reading a few days too many costs nothing.
  const windowStart = new Date(options.now.getTime() - (options.months + 1) * 31 * 86_400_000)
  const numbersAfter = await storedNumberSequences(prefix, windowStart, options.now)

  // The same seed and moment make the same ids: writing them again would count them twice on the enterprises.
  const first = generateAppeals(world, calendar, { ...options, appeals: 1 }).next().value
  if (first && (await getAppeal(first.appeal.id))) {
    throw new UsageError(`种子 ${options.seed} 在 ${options.now.toISOString()} 生成的诉求已在表中（${first.appeal.id}）：请换一个 --seed 或 --now`)
  }

  console.log(
    `向表 ${process.env.TABLE_NAME}（${process.env.DYNAMODB_ENDPOINT}）生成 ${count(options.appeals)} 件诉求：近 ${options.months} 个月，种子 ${options.seed}，` +
      `${world.enterprises.length} 家企业，${options.events ? '含' : '不含'}办理时间线`,
  )
  let shown = 0
  const summary = await loadGenerated(generateAppeals(world, calendar, { ...options, prefix, numbersAfter }), {
    calendar,
    events: options.events,
    now: options.now,
    // Rounds of at most a twentieth: progress every 5%.
    chunk: Math.min(1000, Math.max(50, Math.ceil(options.appeals / 20))),
    onProgress: (written) => {
      const step = Math.floor((written * 20) / options.appeals)
      if (step <= shown) return
      shown = step
      console.log(`  已写入 ${count(written)} / ${count(options.appeals)} 件（${step * 5}%），${seconds(Date.now() - started)}`)
    },
    onRecount: () => console.log('  诉求已写入，正在按诉求重算月度报表统计……'),
  })
  console.log(
    `完成：写入诉求 ${count(summary.appeals)} 件（时间线事件 ${count(summary.events)} 条，共 ${count(summary.items)} 项），` +
      `写入 ${seconds(summary.writeMs)}，重算报表 ${seconds(summary.rebuildMs)}（重写统计单元 ${count(summary.cellsWritten)} 个），共 ${seconds(Date.now() - started)}`,
  )
  console.log(`状态：${statusLine(summary)}；不满意后重新办理 ${count(summary.reopened)} 件`)
}

main().catch((error: unknown) => {
  console.error(`生成失败：${explain(error)}`)
  if (error instanceof UsageError) console.error(USAGE)
  process.exit(1)
})
