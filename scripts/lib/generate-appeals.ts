import { factory } from 'ulid'
import type { Actor } from '../../shared/domain/actor'
import { shanghaiDate, type WorkingCalendar } from '../../shared/domain/calendar'
import { hasOpenTask } from '../../shared/domain/co-tasks'
import { newAppeal } from '../../shared/domain/new-appeal'
import { appealNumberDay, appealNumberShard, formatAppealNumber } from '../../shared/domain/appeal-number'
import type { Appeal, AppealEvent, CoHandler, Outcome, Rating } from '../../shared/schemas/appeal.schema'
import type { Category } from '../../shared/schemas/catalog.schema'
import { AppealLife } from './gen-life'
import { Random, WeightedIndex } from './gen-random'
import * as text from './gen-texts'
import { before, later, officeTime, workdayAfter, workdaysBetween } from './gen-time'
import { actorOf, staffOf, type GenEnterprise, type GenUser, type GenWorld } from './gen-world'

/*
 * Realistic appeals for a seeded city, made by the domain code itself: `newAppeal` routes them
 * with the table's catalog and deadlines on the working calendar, `applyAction` takes every step
 * with the real actors (the enterprise's contact files and evaluates, its specialist handles,
 * departments co-handle, admins assign, extend), and `sweepAppeal` marks what is late and closes
 * what nobody evaluated. Deterministic: appeal n depends only on (seed, n, now, city, calendar),
 * its number also on the appeals generated before it.
 */

export interface GenerateOptions {
  appeals: number
  /** Filed over the last `months` calendar months up to `now`. */
  months: number
  seed: number
  now: Date
  /** The city's prefix of appeal numbers; the demo city's (XT, data/demo/xiangtan.json) by default. */
  prefix?: string
  /** Where each day's number counters stand already (`<YYYYMMDD>#<shard>` → last sequence): numbers continue after them. */
  numbersAfter?: ReadonlyMap<string, number>
}

export interface GeneratedAppeal {
  appeal: Appeal
  events: AppealEvent[]
}

/** The demo city's prefix of appeal numbers (湘潭 → XT), as in data/demo/xiangtan.json. */
export const DEMO_CITY_PREFIX = 'XT'

/** The shares of the story's branches (of the appeals that get that far). */
export const MIX = {
  withdrawn: 0.02,
  /** Accepted after the first-response deadline (the sweep marks it and lifts it to the area). */
  lateAccept: 0.05,
  acceptSameDay: 0.6,
  /** A co-handling department or task force that accepts its task and replies before the answer. */
  taskReplied: 0.9,
  note: 0.35,
  material: 0.08,
  transfer: 0.015,
  hardCase: 0.03,
  extended: 0.04,
  /** Answered after the resolution deadline (the sweep marks it and lifts it one level). */
  lateResponse: 0.08,
  evaluated: 0.9,
  outcomes: { resolved: 0.8, partly: 0.14, cannot: 0.06 } satisfies Record<Outcome, number>,
  ratings: { satisfied: 0.76, basically: 0.17, unsatisfied: 0.07 } satisfies Record<Rating, number>,
  /** After a reopening: evaluated again, and how. */
  evaluatedAgain: 0.85,
  ratingsAgain: { satisfied: 0.55, basically: 0.35, unsatisfied: 0.1 } satisfies Record<Rating, number>,
} as const

/** How often each category of the demo routing table is asked for; a category the city added later weighs 3. */
const CATEGORY_WEIGHT: Record<string, number> = {
  power: 10,
  water: 4,
  land: 5,
  hiring: 12,
  logistics: 6,
  payout: 14,
  approval: 12,
  financing: 9,
  'fire-safety': 6,
  'talent-school': 5,
  security: 3,
  telecom: 4,
  'supply-chain': 6,
  other: 4,
}
/** Above-scale enterprises have more going on, and more of them know their specialist. */
const SCALE_WEIGHT = { above: 3, near: 2, other: 1 } as const
/** Recent months carry more appeals: the scheme grows as more enterprises get their card. */
const RECENCY_GROWTH = 0.6

/** The city's people and lists, looked up once for all appeals. */
class Cast {
  private readonly users = new Map<string, GenUser>()
  private readonly handlers = new Map<string, GenUser>()
  private readonly areaAdmins = new Map<string, GenUser>()
  private readonly specialistsOf = new Map<string, GenUser[]>()
  readonly cityAdmin: GenUser | undefined

  constructor(world: GenWorld) {
    for (const user of world.users) {
      this.users.set(user.id, user)
      // The first handler of a unit (by id) acts for it.
      if (user.role === 'department_handler' && user.departmentId && !this.handlers.has(`department:${user.departmentId}`)) this.handlers.set(`department:${user.departmentId}`, user)
      if (user.role === 'taskforce_handler' && user.taskForceId && !this.handlers.has(`taskForce:${user.taskForceId}`)) this.handlers.set(`taskForce:${user.taskForceId}`, user)
      if (user.role === 'area_admin' && user.areaId && !this.areaAdmins.has(user.areaId)) this.areaAdmins.set(user.areaId, user)
      if (user.role === 'specialist') this.specialistsOf.set(user.areaId ?? '-', [...(this.specialistsOf.get(user.areaId ?? '-') ?? []), user])
    }
    this.cityAdmin = world.users.find((u) => u.role === 'city_admin')
  }

  user(id: string | null): GenUser | undefined {
    return id ? this.users.get(id) : undefined
  }

  handlerOf(task: Pick<CoHandler, 'kind' | 'id'>): GenUser | undefined {
    return this.handlers.get(`${task.kind}:${task.id}`)
  }

  /** Who assigns, extends and supervises in an area: its admin, or the city office. */
  adminOf(areaId: string): GenUser | undefined {
    return this.areaAdmins.get(areaId) ?? this.cityAdmin
  }

  /** Specialists an appeal of the area may go to: the area's own, else the city-level ones. */
  specialistsFor(areaId: string): GenUser[] {
    return this.specialistsOf.get(areaId) ?? this.specialistsOf.get('-') ?? []
  }
}

/** What is computed once per run: who, what and when to draw from. */
interface Plan {
  options: GenerateOptions
  world: GenWorld
  calendar: WorkingCalendar
  cast: Cast
  enterprises: WeightedIndex
  categories: { list: Category[]; index: WeightedIndex }
  days: { list: string[]; index: WeightedIndex }
}

/** The Shanghai date `months` calendar months before `now`'s (the day clamped to the month's length). */
function windowStart(now: Date, months: number): Date {
  const [year, month, day] = shanghaiDate(now).split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) - months
  const y = Math.floor(index / 12)
  const m = (index % 12) + 1
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return new Date(`${y}-${String(m).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}T00:00:00+08:00`)
}

/**
 * The same calendar, its answers kept: a year of appeals asks about the same few hundred dates
 * millions of times, and the holiday package formats a date on every question.
 */
function remembering(calendar: WorkingCalendar): WorkingCalendar {
  const workdays = new Map<string, boolean>()
  const provisional = new Map<string, boolean>()
  const ask = (cache: Map<string, boolean>, question: (date: string) => boolean) => (date: string) => {
    let answer = cache.get(date)
    if (answer === undefined) cache.set(date, (answer = question(date)))
    return answer
  }
  return { isWorkday: ask(workdays, calendar.isWorkday), isProvisional: ask(provisional, calendar.isProvisional) }
}

function planOf(world: GenWorld, given: WorkingCalendar, options: GenerateOptions): Plan {
  const calendar = remembering(given)
  if (world.enterprises.length === 0) throw new Error('the city has no enterprises')
  if (world.catalog.categories.length === 0) throw new Error('the city has no categories')
  const days = workdaysBetween(windowStart(options.now, options.months), options.now, calendar)
  if (days.length === 0) throw new Error('no working day in the window')
  const categories = world.catalog.categories
  return {
    options,
    world,
    calendar,
    cast: new Cast(world),
    enterprises: new WeightedIndex(world.enterprises.map((e) => SCALE_WEIGHT[e.scale])),
    categories: { list: categories, index: new WeightedIndex(categories.map((c) => CATEGORY_WEIGHT[c.id] ?? 3)) },
    days: { list: days, index: new WeightedIndex(days.map((_, i) => 1 + (RECENCY_GROWTH * i) / days.length)) },
  }
}

/** A filing moment in office hours on a working day of the window, not after `now`. */
function filingTime(plan: Plan, random: Random): Date {
  const now = plan.options.now.getTime()
  for (let attempt = 0; attempt < 10; attempt++) {
    const at = officeTime(plan.days.list[plan.days.index.draw(random)]!, random)
    if (at.getTime() <= now) return at
  }
  // Only today was drawn, before office hours: the working day before.
  const earlier = plan.days.list.filter((d) => d < shanghaiDate(plan.options.now))
  return officeTime(earlier.length > 0 ? earlier[earlier.length - 1]! : plan.days.list[0]!, random)
}

/** The owner as the server would establish them, whoever holds the appeal now (transfers move it). */
function ownerOf(plan: Plan, appeal: Appeal): Actor | undefined {
  const user = plan.cast.user(appeal.ownerId)
  return user ? actorOf(user) : undefined
}

interface Step {
  at: Date
  run: (life: AppealLife) => void
}

/** The handling between acceptance and the answer, each at its own time, run in time order. */
function middleSteps(plan: Plan, random: Random, life: AppealLife, enterprise: GenEnterprise): Step[] {
  const { calendar, cast } = plan
  const accepted = life.at
  const appeal = life.appeal
  const span = Math.max(1, (appeal.resolveDays ?? 5) - 1)
  const staff = staffOf(enterprise)
  const steps: Step[] = []
  const owner = (l: AppealLife) => ownerOf(plan, l.appeal)

  for (const task of appeal.coHandlers) {
    const handler = cast.handlerOf(task)
    if (!handler || !random.chance(MIX.taskReplied)) continue
    const acceptAt = later(accepted, 0, 1, random, calendar)
    const replyAt = later(acceptAt, 1, span, random, calendar)
    const message = random.pick(text.TASK_REPLIES)
    steps.push({ at: acceptAt, run: (l) => void l.act(acceptAt, actorOf(handler), { type: 'accept-task' }, { optional: true }) })
    steps.push({ at: replyAt, run: (l) => void l.act(replyAt, actorOf(handler), { type: 'reply-task', message }, { optional: true }) })
  }
  if (random.chance(MIX.note)) {
    const at = later(accepted, 0, span, random, calendar)
    const message = random.pick(text.NOTES)
    steps.push({ at, run: (l) => void withActor(owner(l), (a) => l.act(at, a, { type: 'note', message }, { optional: true })) })
  }
  if (random.chance(MIX.material)) {
    const askAt = later(accepted, 0, 2, random, calendar)
    const supplyAt = later(askAt, 1, 3, random, calendar)
    const ask = random.pick(text.MATERIALS)
    const supply = random.pick(text.SUPPLIES)
    steps.push({ at: askAt, run: (l) => void withActor(owner(l), (a) => l.act(askAt, a, { type: 'request-material', message: ask }, { optional: true })) })
    steps.push({ at: supplyAt, run: (l) => void l.act(supplyAt, staff, { type: 'supply-material', message: supply }, { optional: true }) })
  }
  if (random.chance(MIX.transfer)) {
    const at = later(accepted, 0, 2, random, calendar)
    const others = cast.specialistsFor(appeal.areaId).filter((s) => s.id !== appeal.ownerId)
    const admin = cast.adminOf(appeal.areaId)
    if (others.length > 0 && admin) {
      const to = random.pick(others)
      steps.push({
        at,
        run: (l) => void l.act(at, actorOf(admin), { type: 'transfer', toSpecialistId: to.id, reason: '企业业务调整，改由熟悉该领域的专员办理' }, { optional: true, context: { transferee: { id: to.id, name: to.name } } }),
      })
    }
  }
  if (random.chance(MIX.hardCase)) {
    const at = later(accepted, 1, 2, random, calendar)
    const reason = random.pick(text.HARD_CASE_REASONS)
    steps.push({ at, run: (l) => void withActor(owner(l), (a) => l.act(at, a, { type: 'escalate', reason }, { optional: true })) })
  }
  if (random.chance(MIX.extended)) {
    const at = later(accepted, 1, span, random, calendar)
    const extra = random.int(3, 8)
    const reason = random.pick(text.EXTENSION_REASONS)
    const admin = cast.adminOf(appeal.areaId)
    // The new date is counted from the deadline in force when the admin extends it, or from the
    // day of the extension when that deadline has passed: 延期 never picks a day already gone.
    const from = (a: Appeal) => new Date(Math.max(Date.parse(a.dueAt), at.getTime()))
    if (admin) steps.push({ at, run: (l) => void l.act(at, actorOf(admin), (a) => ({ type: 'extend', dueDate: workdayAfter(from(a), extra, calendar), reason }), { optional: true }) })
  }
  return steps.sort((a, b) => a.at.getTime() - b.at.getTime())
}

function withActor(actor: Actor | undefined, run: (actor: Actor) => boolean): boolean {
  return actor ? run(actor) : false
}

/** The owner answers: on time before the deadline in force, or a few working days after it. */
function respond(plan: Plan, random: Random, life: AppealLife): boolean {
  const late = random.chance(MIX.lateResponse)
  const outcome = random.weighted(MIX.outcomes)
  const message = random.pick(text.RESPONSES[outcome])
  const reason = random.pick(text.OPEN_TASK_REASONS)
  const due = new Date(life.appeal.dueAt)
  const at = late ? later(new Date(Math.max(due.getTime(), life.at.getTime())), 1, 4, random, plan.calendar) : before(life.at, due, random, plan.calendar)
  const owner = ownerOf(plan, life.appeal)
  if (!owner) return false
  return life.act(at, owner, (a) => ({ type: 'respond', outcome, message, ...(hasOpenTask(a) ? { openTaskReason: reason } : {}) }))
}

/** The enterprise evaluates within a few working days (before the 7-day auto-close), or never. */
function evaluate(plan: Plan, random: Random, life: AppealLife, staff: Actor, share: number, ratings: Record<Rating, number>): boolean {
  const evaluates = random.chance(share)
  const rating = random.weighted(ratings)
  const at = later(life.at, 0, 4, random, plan.calendar)
  const comment = random.pick(text.COMMENTS[rating])
  return evaluates && life.act(at, staff, { type: 'evaluate', rating, comment })
}

/**
 * Numbers as the server draws them — the day's counter picked by the appeal's id — each counter
 * counting in generation order. The loader raises the stored counters past them
 * (load-generated.ts), so that appeals filed later that day get numbers of their own.
 */
function numberer(prefix: string, after: ReadonlyMap<string, number> = new Map()): (id: string, filedAt: Date) => string {
  const counters = new Map(after)
  return (id, filedAt) => {
    const day = appealNumberDay(filedAt)
    const shard = appealNumberShard(id)
    const sequence = (counters.get(`${day}#${shard}`) ?? 0) + 1
    counters.set(`${day}#${shard}`, sequence)
    return formatAppealNumber({ prefix, day, sequence, shard })
  }
}

function generateOne(plan: Plan, index: number, makeId: (time: number, random: Random) => string, numberOf: (id: string, filedAt: Date) => string): GeneratedAppeal {
  const { world, calendar, cast, options } = plan
  const random = Random.forItem(options.seed, index)
  const enterprise = world.enterprises[plan.enterprises.draw(random)]!
  const category = plan.categories.list[plan.categories.index.draw(random)]!
  const filedAt = filingTime(plan, random)
  const id = makeId(filedAt.getTime(), random)
  const topic = text.topicOf(random, category.id)
  const staff = staffOf(enterprise)
  const specialist = cast.user(enterprise.specialistId)

  const life = new AppealLife(
    newAppeal(
      { enterpriseId: enterprise.id, categoryId: category.id, title: topic.title, description: topic.description },
      {
        id,
        number: numberOf(id, filedAt),
        now: filedAt,
        actor: staff,
        enterprise,
        owner: specialist ? { id: specialist.id, name: specialist.name } : null,
        category,
        departments: world.catalog.departments,
        taskForces: world.catalog.taskForces,
        calendar,
      },
    ),
    calendar,
    options.now,
  )

  // In the area's duty queue (no specialist): the area's admin assigns it within a working day.
  if (life.appeal.status === 'submitted') {
    const admin = cast.adminOf(enterprise.areaId)
    const candidates = cast.specialistsFor(enterprise.areaId)
    if (!admin || candidates.length === 0) return life.finish()
    const to = random.pick(candidates)
    const at = later(life.at, 0, 1, random, calendar)
    if (!life.act(at, actorOf(admin), { type: 'transfer', toSpecialistId: to.id, reason: '分派给属地企业服务专员办理' }, { context: { transferee: { id: to.id, name: to.name } } })) return life.finish()
  }

  if (random.chance(MIX.withdrawn)) {
    life.act(later(life.at, 0, 0, random, calendar), staff, { type: 'withdraw', reason: random.pick(text.WITHDRAW_REASONS) })
    return life.finish()
  }

  // Most the same day or the next (the first-response deadline is the end of the next working day).
  const acceptDays = random.chance(MIX.lateAccept) ? random.int(2, 3) : random.chance(MIX.acceptSameDay) ? 0 : 1
  const acceptAt = later(life.at, acceptDays, acceptDays, random, calendar)
  const owner = ownerOf(plan, life.appeal)
  if (!owner || !life.act(acceptAt, owner, { type: 'accept' })) return life.finish()

  for (const step of middleSteps(plan, random, life, enterprise)) step.run(life)
  if (!respond(plan, random, life)) return life.finish()

  if (!evaluate(plan, random, life, staff, MIX.evaluated, MIX.ratings)) return life.finish()
  // Unsatisfied: reopened once, one level up, with the category's working days again.
  if (life.appeal.status === 'in_progress') {
    if (!respond(plan, random, life)) return life.finish()
    evaluate(plan, random, life, staff, MIX.evaluatedAgain, MIX.ratingsAgain)
  }
  return life.finish()
}

/**
 * Appeal after appeal, each carried from filing to where it stands at `options.now`, with its
 * timeline (event seq = the version it produced) and the report tally recorded on the way.
 * A generator, so that a hundred thousand need not sit in memory at once.
 */
export function* generateAppeals(world: GenWorld, calendar: WorkingCalendar, options: GenerateOptions): Generator<GeneratedAppeal> {
  const plan = planOf(world, calendar, options)
  // ULIDs as the server makes them (time of filing + 80 random bits), the bits drawn from the appeal's own stream.
  let current: Random | undefined
  const ulid = factory(() => current!.next())
  const makeId = (time: number, random: Random) => {
    current = random
    return `ap-${ulid(time).toLowerCase()}`
  }
  const numberOf = numberer(options.prefix ?? DEMO_CITY_PREFIX, options.numbersAfter)
  for (let index = 0; index < options.appeals; index++) yield generateOne(plan, index, makeId, numberOf)
}
