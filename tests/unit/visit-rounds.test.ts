import { describe, expect, it } from 'vitest'
import {
  behindSpecialists,
  digestCoverage,
  monthFieldWork,
  pendingByRoundEnd,
  percentVisited,
  roundCoverage,
  roundEnterprises,
  roundPhase,
  roundWindow,
  sortRounds,
  sumCoverage,
  type RoundEnterprise,
} from '@shared/domain/visit-rounds'
import { openVisitRoundRequestSchema, visitRoundIdSchema, type VisitRound } from '@shared/schemas/visit-round.schema'
import { demoVisitRound } from '../../scripts/lib/seed-visit-rounds'
import { shanghai } from '../support/clock'

const round = (over: Partial<VisitRound> = {}): VisitRound => ({
  id: 'vr-01jf0000000000000000000000',
  name: '2026 年首轮走访',
  areaId: null,
  areaName: '全市',
  from: '2026-11-02',
  to: '2026-11-30',
  selection: { kind: 'all' },
  target: 1,
  createdBy: { id: 'ad-city', name: '市营商办', role: 'city_admin' },
  createdAt: '2026-11-01T01:00:00.000Z',
  ...over,
})

const ent = (id: string, areaId: string, specialistId: string | null, scale: RoundEnterprise['scale'] = 'above'): RoundEnterprise => ({
  id,
  name: `企业${id}`,
  areaId,
  scale,
  specialistId,
})

const names = { area: (id: string) => ({ hitech: '湘潭高新区', yuhu: '雨湖区' })[id], specialist: (id: string) => ({ 'sp-1': '李专员', 'sp-2': '王专员' })[id] }

describe('a round’s dates', () => {
  it('spans Shanghai days, the last one whole', () => {
    const { from, to } = roundWindow(round())
    expect(from.toISOString()).toBe('2026-11-01T16:00:00.000Z')
    expect(to.toISOString()).toBe('2026-11-30T16:00:00.000Z')
  })

  it('is upcoming, open or ended on the Shanghai date of now', () => {
    expect(roundPhase(round(), shanghai('2026-11-01T23:59:59'))).toBe('upcoming')
    expect(roundPhase(round(), shanghai('2026-11-02T00:00:00'))).toBe('open')
    expect(roundPhase(round(), shanghai('2026-11-30T23:59:59'))).toBe('open')
    expect(roundPhase(round(), shanghai('2026-12-01T00:00:00'))).toBe('ended')
  })

  it('lists running rounds first, then upcoming, then ended', () => {
    const sorted = sortRounds([round({ id: 'a', to: '2026-10-31', from: '2026-10-01' }), round({ id: 'b', from: '2026-12-01', to: '2026-12-31' }), round({ id: 'c' })], shanghai('2026-11-10T10:00:00'))
    expect(sorted.map((r) => [r.id, r.phase])).toEqual([
      ['c', 'open'],
      ['b', 'upcoming'],
      ['a', 'ended'],
    ])
  })
})

describe('the enterprises of a round', () => {
  const all = [ent('en-1', 'hitech', 'sp-1', 'above'), ent('en-2', 'hitech', 'sp-1', 'near'), ent('en-3', 'yuhu', 'sp-2', 'other'), ent('en-4', 'yuhu', null, 'near')]

  it('takes all, the above-scale, the near-scale, or a list, within its area', () => {
    expect(roundEnterprises(round(), all).map((e) => e.id)).toEqual(['en-1', 'en-2', 'en-3', 'en-4'])
    expect(roundEnterprises(round({ selection: { kind: 'above' } }), all).map((e) => e.id)).toEqual(['en-1'])
    expect(roundEnterprises(round({ selection: { kind: 'near' } }), all).map((e) => e.id)).toEqual(['en-2', 'en-4'])
    expect(roundEnterprises(round({ areaId: 'yuhu', selection: { kind: 'near' } }), all).map((e) => e.id)).toEqual(['en-4'])
    expect(roundEnterprises(round({ selection: { kind: 'list', enterpriseIds: ['en-3', 'en-1'] } }), all).map((e) => e.id)).toEqual(['en-1', 'en-3'])
    expect(roundEnterprises(round({ areaId: 'hitech', selection: { kind: 'list', enterpriseIds: ['en-3'] } }), all)).toEqual([])
  })
})

describe('coverage', () => {
  const enterprises = [ent('en-1', 'hitech', 'sp-1'), ent('en-2', 'hitech', 'sp-1'), ent('en-3', 'yuhu', 'sp-2'), ent('en-4', 'yuhu', null)]
  const visit = (id: string, enterpriseId: string, local: string) => ({ id, enterpriseId, visitedAt: shanghai(local).toISOString() })

  it('counts enterprises visited, not yet visited, visits and problems per area and per specialist', () => {
    const visits = [
      visit('vi-a', 'en-1', '2026-11-03T10:00:00'),
      visit('vi-b', 'en-3', '2026-11-30T23:00:00'),
      // Outside the round: before its first day, after its last, and an enterprise not in it.
      visit('vi-c', 'en-2', '2026-11-01T23:59:00'),
      visit('vi-d', 'en-2', '2026-12-01T00:00:00'),
      visit('vi-e', 'en-9', '2026-11-05T10:00:00'),
    ]
    const problems = [
      { source: { kind: 'visit', id: 'vi-a' }, status: 'closed' },
      { source: { kind: 'visit', id: 'vi-a' }, status: 'in_progress' },
      { source: { kind: 'visit', id: 'vi-a' }, status: 'withdrawn' },
      { source: { kind: 'visit', id: 'vi-b' }, status: 'closed' },
      { source: { kind: 'visit', id: 'vi-c' }, status: 'closed' },
      { source: { kind: 'event', id: 'vi-a' }, status: 'closed' },
    ]
    const c = roundCoverage(round(), enterprises, visits, problems, names)
    expect(c.totals).toEqual({ due: 4, visited: 2, notVisited: 2, visits: 2, problemsFound: 3, problemsClosed: 2 })
    expect(c.byArea).toEqual([
      { id: 'hitech', name: '湘潭高新区', areaId: 'hitech', due: 2, visited: 1, notVisited: 1, visits: 1, problemsFound: 2, problemsClosed: 1 },
      { id: 'yuhu', name: '雨湖区', areaId: 'yuhu', due: 2, visited: 1, notVisited: 1, visits: 1, problemsFound: 1, problemsClosed: 1 },
    ])
    // Lowest share first: the duty queue (0 of 1), sp-1 (1 of 2), sp-2 (1 of 1).
    expect(c.bySpecialist.map((r) => [r.id, r.name, r.visited, r.due])).toEqual([
      ['none', '待分派专员', 0, 1],
      ['sp-1', '李专员', 1, 2],
      ['sp-2', '王专员', 1, 1],
    ])
    expect(c.pending.map((p) => p.enterpriseId).sort()).toEqual(['en-2', 'en-4'])
    expect(sumCoverage(c.byArea)).toEqual(c.totals)
  })

  it('counts an enterprise as visited only once it reached the target', () => {
    const visits = [visit('vi-1', 'en-1', '2026-11-03T10:00:00'), visit('vi-2', 'en-1', '2026-11-20T10:00:00'), visit('vi-3', 'en-2', '2026-11-04T10:00:00')]
    const c = roundCoverage(round({ target: 2 }), enterprises.slice(0, 2), visits, [], names)
    expect(c.totals).toMatchObject({ due: 2, visited: 1, notVisited: 1, visits: 3 })
    expect(c.pending).toEqual([expect.objectContaining({ enterpriseId: 'en-2', visits: 1, target: 2, roundEnds: '2026-11-30' })])
  })

  it('prints the share visited with one decimal, half up, and — when nothing is due', () => {
    expect(percentVisited({ due: 358, visited: 337 })).toBe('94.1%')
    expect(percentVisited({ due: 3, visited: 2 })).toBe('66.7%')
    expect(percentVisited({ due: 0, visited: 0 })).toBe('—')
  })

  it('names who is behind: the lowest shares with something still due', () => {
    const c = roundCoverage(round(), enterprises, [visit('vi-a', 'en-3', '2026-11-03T10:00:00')], [], names)
    expect(behindSpecialists(c, 2).map((r) => r.id)).toEqual(['sp-1', 'none'])
    expect(behindSpecialists(c).every((r) => r.notVisited > 0)).toBe(true)
  })
})

describe('a specialist’s list across rounds', () => {
  it('puts the nearest round end first', () => {
    const pending = (roundName: string, roundEnds: string, enterpriseName: string) => ({
      roundId: roundName,
      roundName,
      roundEnds,
      enterpriseId: enterpriseName,
      enterpriseName,
      areaId: 'hitech',
      specialistId: 'sp-1',
      visits: 0,
      target: 1,
    })
    const merged = pendingByRoundEnd([[pending('年度', '2026-12-31', '甲'), pending('年度', '2026-12-31', '乙')], [pending('专项', '2026-11-30', '丙')]])
    expect(merged.map((p) => `${p.roundEnds} ${p.enterpriseName}`)).toEqual(['2026-11-30 丙', '2026-12-31 甲', '2026-12-31 乙'])
  })
})

describe('field work of a month', () => {
  it('counts visits, distinct enterprises and problems per channel, officials’ channels first', () => {
    const row = (key: string, received: number) => ({ key, name: key.toUpperCase(), figures: { received } })
    const work = monthFieldWork([{ enterpriseId: 'en-1' }, { enterpriseId: 'en-1' }, { enterpriseId: 'en-2' }], [row('miniapp', 7), row('phone', 0), row('event', 1), row('visit', 2)])
    expect(work).toEqual({
      visits: 3,
      enterprisesVisited: 2,
      problemsByChannel: [
        { channel: 'visit', name: 'VISIT', count: 2 },
        { channel: 'event', name: 'EVENT', count: 1 },
        { channel: 'miniapp', name: 'MINIAPP', count: 7 },
      ],
    })
  })
})

describe('the request to open a round', () => {
  const valid = { name: '2026 年首轮走访', areaId: 'xt-hitech', from: '2026-11-02', to: '2026-12-31', selection: { kind: 'above' }, target: 1 }

  it('takes a well-formed round', () => {
    expect(openVisitRoundRequestSchema.parse(valid)).toEqual(valid)
    expect(openVisitRoundRequestSchema.parse({ ...valid, areaId: null, selection: { kind: 'list', enterpriseIds: ['en-0001'] } }).areaId).toBeNull()
  })

  it.each([
    ['to', { to: '2026-11-01' }, '结束日期不能早于开始日期'],
    ['to', { to: '2027-12-31' }, '一轮走访最长一年'],
    ['from', { from: '2026-02-30' }, '开始日期不是有效日期'],
    ['target', { target: 0 }, '每家企业至少走访 1 次'],
    ['name', { name: ' ' }, '请填写轮次名称'],
    ['selection.enterpriseIds', { selection: { kind: 'list', enterpriseIds: [] } }, '请至少选择一家企业'],
    ['selection.enterpriseIds', { selection: { kind: 'list', enterpriseIds: ['en-0001', 'en-0001'] } }, '企业有重复'],
  ])('refuses a bad %s', (field, change, message) => {
    const result = openVisitRoundRequestSchema.safeParse({ ...valid, ...change })
    expect(result.success).toBe(false)
    const issue = result.error!.issues.find((i) => i.path.join('.') === field)
    expect(issue?.message).toBe(message)
  })
})

describe('coverage in a weekly digest', () => {
  const enterprises = [ent('en-1', 'hitech', 'sp-1'), ent('en-2', 'hitech', 'sp-1'), ent('en-3', 'yuhu', 'sp-2')]
  const city = round({ id: 'vr-city', to: '2026-12-31' })
  const hitechOnly = round({ id: 'vr-hitech', areaId: 'hitech', to: '2026-11-30' })
  const entries = [
    { round: city, coverage: roundCoverage(city, enterprises, [], [], names) },
    { round: hitechOnly, coverage: roundCoverage(hitechOnly, enterprises.slice(0, 2), [{ id: 'vi-1', enterpriseId: 'en-1', visitedAt: shanghai('2026-11-03T10:00:00').toISOString() }], [], names) },
  ]

  it('gives the city every round, nearest end first, with every specialist behind', () => {
    const section = digestCoverage(entries, null)
    expect(section.map((s) => s.roundId)).toEqual(['vr-hitech', 'vr-city'])
    expect(section[1]!.behind.map((r) => r.id)).toEqual(['sp-1', 'sp-2'])
  })

  it('gives an area the city’s rounds and its own, counted over its enterprises', () => {
    const yuhu = digestCoverage(entries, 'yuhu')
    expect(yuhu.map((s) => s.roundId)).toEqual(['vr-city'])
    expect(yuhu[0]!.totals).toMatchObject({ due: 1, visited: 0 })
    expect(yuhu[0]!.behind.map((r) => r.id)).toEqual(['sp-2'])
    const hitech = digestCoverage(entries, 'hitech')
    expect(hitech.find((s) => s.roundId === 'vr-hitech')!.totals).toMatchObject({ due: 2, visited: 1 })
    expect(digestCoverage(entries, 'shaoshan')).toEqual([])
  })
})

describe('the demo round (scripts/lib/seed-visit-rounds.ts)', () => {
  it('runs from the first day of last month to the last of next month, with an id the API takes', () => {
    const demo = demoVisitRound(shanghai('2026-12-05T10:00:00'))
    expect(demo).toMatchObject({ from: '2026-11-01', to: '2027-01-31', areaId: null, selection: { kind: 'above' }, target: 1 })
    expect(visitRoundIdSchema.safeParse(demo.id).success).toBe(true)
    expect(roundPhase(demo, shanghai('2026-12-05T10:00:00'))).toBe('open')
    expect(demoVisitRound(shanghai('2026-12-31T23:00:00')).id).toBe(demo.id)
  })
})
