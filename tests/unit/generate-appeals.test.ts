import { describe, expect, it } from 'vitest'
import { shanghaiDate } from '@shared/domain/calendar'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { routeAppeal } from '@shared/domain/routing'
import { appealNumberShard, parseAppealNumber } from '@shared/domain/appeal-number'
import { appealEventSchema, appealSchema } from '@shared/schemas/appeal.schema'
import { readDemoCity } from '../../scripts/lib/demo-data'
import { generateAppeals, MIX, type GeneratedAppeal } from '../../scripts/lib/generate-appeals'
import { Random } from '../../scripts/lib/gen-random'
import { worldFromDemoCity } from '../../scripts/lib/gen-world'

/** A fixed present: a Tuesday morning in Shanghai. */
const NOW = new Date('2026-11-24T10:00:00+08:00')
const world = worldFromDemoCity(readDemoCity())
const generate = (appeals: number, seed: number, months = 6): GeneratedAppeal[] => [...generateAppeals(world, CHINESE_CALENDAR, { appeals, months, seed, now: NOW })]

const N = 500
const generated = generate(N, 1)
const appeals = generated.map((g) => g.appeal)
const count = (predicate: (g: GeneratedAppeal) => boolean) => generated.filter(predicate).length

describe('the seeded random stream', () => {
  it('replays the same numbers for the same seed and item, and others for another', () => {
    const draw = (seed: number, item: number) => Array.from({ length: 5 }, Random.forItem(seed, item).next)
    expect(draw(1, 7)).toEqual(draw(1, 7))
    expect(draw(1, 7)).not.toEqual(draw(1, 8))
    expect(draw(1, 7)).not.toEqual(draw(2, 7))
  })
})

describe('generated appeals', () => {
  it('are the same for the same seed and moment, ids included', () => {
    expect(generate(N, 1)).toEqual(generated)
  })

  it('carry numbers of their Shanghai filing day, unique, numbering on after what a day already counted', () => {
    expect(new Set(appeals.map((a) => a.number)).size).toBe(N)
    for (const appeal of appeals) {
      const parts = parseAppealNumber(appeal.number)
      expect(parts, appeal.number).toMatchObject({ prefix: 'XT', day: shanghaiDate(new Date(appeal.createdAt)).replace(/-/g, ''), shard: appealNumberShard(appeal.id) })
    }
    const first = parseAppealNumber(appeals[0]!.number)!
    const after = new Map([[`${first.day}#${first.shard}`, 40]])
    const continued = [...generateAppeals(world, CHINESE_CALENDAR, { appeals: 1, months: 6, seed: 1, now: NOW, prefix: 'SY', numbersAfter: after })][0]!.appeal
    expect(parseAppealNumber(continued.number)).toEqual({ ...first, prefix: 'SY', sequence: 41 })
  })

  it('differ for another seed', () => {
    const other = generate(N, 2)
    expect(other.map((g) => g.appeal.id)).not.toEqual(appeals.map((a) => a.id))
    expect(other.map((g) => g.appeal.createdAt)).not.toEqual(appeals.map((a) => a.createdAt))
  })

  it('keep appeal n whatever the number asked for', () => {
    expect(generate(40, 1)).toEqual(generated.slice(0, 40))
  })

  it('are valid appeals and events, with distinct server-style ids', () => {
    for (const { appeal, events } of generated) {
      expect(appealSchema.safeParse(appeal).error).toBeUndefined()
      for (const event of events) expect(appealEventSchema.safeParse(event).error).toBeUndefined()
      expect(appeal.id).toMatch(/^ap-[0-9a-hjkmnp-tv-z]{26}$/)
    }
    expect(new Set(appeals.map((a) => a.id)).size).toBe(N)
  })

  it('are filed on working days in office hours within the window, and nothing happens after now', () => {
    const windowStart = new Date('2026-05-24T00:00:00+08:00')
    for (const { appeal, events } of generated) {
      const filed = new Date(appeal.createdAt)
      expect(filed.getTime()).toBeGreaterThanOrEqual(windowStart.getTime())
      expect(filed.getTime()).toBeLessThanOrEqual(NOW.getTime())
      expect(CHINESE_CALENDAR.isWorkday(shanghaiDate(filed))).toBe(true)
      const hour = Number(new Date(filed.getTime() + 8 * 3600_000).toISOString().slice(11, 13))
      expect(hour).toBeGreaterThanOrEqual(8)
      expect(hour).toBeLessThan(18)
      expect(events.every((e) => Date.parse(e.at) <= NOW.getTime())).toBe(true)
    }
  })

  it('have a timeline that matches their state: seq 1..version, each step from where the last one left it', () => {
    for (const { appeal, events } of generated) {
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: appeal.version }, (_, i) => i + 1))
      expect(events.every((e) => e.appealId === appeal.id)).toBe(true)
      expect(events[0]).toMatchObject({ type: 'submit', from: null, at: appeal.createdAt })
      events.slice(1).forEach((e, i) => {
        expect(e.from).toBe(events[i]!.to)
        expect(Date.parse(e.at)).toBeGreaterThanOrEqual(Date.parse(events[i]!.at))
      })
      expect(events.at(-1)!.to).toBe(appeal.status)
      expect(appeal.updatedAt).toBe(events.at(-1)!.at)
    }
  })

  it('are closed with a closing time and either an evaluation or "not evaluated"; withdrawn ones with a reason', () => {
    for (const { appeal, events } of generated) {
      if (appeal.status === 'closed') {
        expect(appeal.closedAt).toBeDefined()
        expect(appeal.notEvaluated === true || appeal.evaluation !== undefined).toBe(true)
        if (appeal.notEvaluated) expect(events.at(-1)!.type).toBe('auto_close')
        else expect(events.at(-1)).toMatchObject({ type: 'evaluate', data: { rating: appeal.evaluation!.rating } })
      } else {
        expect(appeal.closedAt).toBeUndefined()
      }
      if (appeal.status === 'withdrawn') expect(appeal.withdrawal?.reason).toBeTruthy()
    }
  })

  it('are routed by the routing table and carry the report tally of what happened to them', () => {
    const enterprise = new Map(world.enterprises.map((e) => [e.id, e]))
    const category = new Map(world.catalog.categories.map((c) => [c.id, c]))
    for (const { appeal, events } of generated) {
      const route = routeAppeal({ enterprise: enterprise.get(appeal.enterpriseId)!, category: category.get(appeal.categoryId)!, ...world.catalog })
      expect(appeal.coHandlers.map((c) => `${c.kind}:${c.id}`)).toEqual(route.coHandlers.map((c) => `${c.kind}:${c.id}`))
      if (!events.some((e) => e.type === 'transfer')) expect(appeal.ownerId).toBe(route.ownerId)
      expect(appeal.tally).toBeDefined()
      expect(appeal.tally!.reopenedAt).toHaveLength(appeal.reopenCount)
      expect(appeal.tally!.extendedAt).toHaveLength(appeal.extensionCount ?? 0)
      expect(appeal.tally!.escalatedAt.length).toBeGreaterThanOrEqual(appeal.level)
      if (appeal.acceptedAt) expect(appeal.tally!.firstResponseDays).toBeGreaterThanOrEqual(0)
      if (appeal.status === 'closed') expect(appeal.tally!.handlingDays).toBeGreaterThanOrEqual(0)
    }
  })

  it('mix as configured: mostly closed and evaluated, with some withdrawn, unevaluated, reopened, late, extended and still open', () => {
    const closed = count((g) => g.appeal.status === 'closed')
    const notEvaluated = count((g) => g.appeal.notEvaluated === true)
    expect(closed / N).toBeGreaterThan(0.8)
    expect(count((g) => g.appeal.status === 'withdrawn')).toBeGreaterThan(0)
    expect(notEvaluated).toBeGreaterThan(0)
    // About MIX.evaluated of the answered are evaluated; the rest close themselves after 7 working days.
    expect(notEvaluated / closed).toBeGreaterThan((1 - MIX.evaluated) / 2)
    expect(notEvaluated / closed).toBeLessThan((1 - MIX.evaluated) * 2)
    expect(count((g) => g.appeal.reopenCount > 0)).toBeGreaterThan(0)
    expect(count((g) => g.appeal.evaluation?.rating === 'satisfied')).toBeGreaterThan(count((g) => g.appeal.evaluation?.rating === 'basically'))
    expect(count((g) => g.events.some((e) => e.type === 'overdue'))).toBeGreaterThan(0)
    expect(count((g) => (g.appeal.extensionCount ?? 0) > 0)).toBeGreaterThan(0)
    expect(count((g) => g.events.some((e) => e.type === 'escalate'))).toBeGreaterThan(0)
    expect(count((g) => g.events.some((e) => e.type === 'reply_task'))).toBeGreaterThan(0)
    expect(count((g) => g.events.some((e) => e.type === 'supply_material'))).toBeGreaterThan(0)
    expect(count((g) => ['assigned', 'in_progress', 'responded'].includes(g.appeal.status))).toBeGreaterThan(0)
  })

  it('leave the last weeks open and the months before them mostly closed', () => {
    const recent = appeals.filter((a) => NOW.getTime() - Date.parse(a.createdAt) < 5 * 86_400_000)
    const old = appeals.filter((a) => NOW.getTime() - Date.parse(a.createdAt) > 60 * 86_400_000)
    expect(recent.length).toBeGreaterThan(0)
    expect(recent.filter((a) => a.status !== 'closed').length / recent.length).toBeGreaterThan(0.5)
    expect(old.filter((a) => a.status === 'closed' || a.status === 'withdrawn').length / old.length).toBeGreaterThan(0.97)
  })
})
