import { describe, expect, it } from 'vitest'
import { coverageLine, dayLabel, emptyRoundForm, isBehind, problemsLine, progressWidth, roundFormFields, roundLine, roundRequestOf } from '../../miniapp/src/packages/rounds/rounds-view'
import { shanghai } from '../support/clock'

/* The rounds pages' logic (miniapp/src/packages/rounds/rounds-view.ts): wording, bars and the new-round form. */

describe('a round in words', () => {
  it('says which enterprises, how often and when', () => {
    expect(roundLine({ selection: { kind: 'above' }, target: 2, from: '2026-11-02', to: '2026-11-30' })).toBe('规上企业 · 每家至少 2 次 · 11月2日—11月30日')
    expect(roundLine({ selection: { kind: 'list', enterpriseIds: ['en-1', 'en-2'] }, target: 1, from: '2026-12-01', to: '2027-01-15' })).toBe('指定 2 家企业 · 每家至少 1 次 · 12月1日—1月15日')
    expect(dayLabel('2027-01-15', '2026')).toBe('2027年1月15日')
  })

  it('draws the bar from the share visited and prints it', () => {
    expect(progressWidth({ due: 358, visited: 337 })).toBe(94.1)
    expect(progressWidth({ due: 0, visited: 0 })).toBe(100)
    expect(coverageLine({ due: 20, visited: 12 })).toBe('已走访 12 / 20 家（60.0%）')
    expect(problemsLine({ problemsFound: 0, problemsClosed: 0 })).toBe('未发现问题')
    expect(problemsLine({ problemsFound: 5, problemsClosed: 3 })).toBe('发现问题 5 件，已办结 3 件')
  })

  it('marks a bar behind when less is visited than the share of the round gone by', () => {
    const round = { from: '2026-11-01', to: '2026-11-30' }
    const halfway = shanghai('2026-11-16T00:00:00')
    expect(isBehind({ due: 10, visited: 4 }, round, halfway)).toBe(true)
    expect(isBehind({ due: 10, visited: 6 }, round, halfway)).toBe(false)
    expect(isBehind({ due: 10, visited: 0 }, round, shanghai('2026-10-20T10:00:00'))).toBe(false)
  })
})

describe('the new-round form', () => {
  const filled = { ...emptyRoundForm('xt-hitech'), name: '2026 年首轮走访', from: '2026-11-02', to: '2026-12-31' }

  it('becomes the request the API takes', () => {
    expect(roundRequestOf(filled)).toEqual({
      ok: true,
      request: { name: '2026 年首轮走访', areaId: 'xt-hitech', from: '2026-11-02', to: '2026-12-31', selection: { kind: 'all' }, target: 1 },
    })
    const listed = roundRequestOf({ ...filled, areaId: null, selection: 'list', enterpriseIds: ['en-0001'], target: '3' })
    expect(listed.ok && listed.request).toMatchObject({ areaId: null, selection: { kind: 'list', enterpriseIds: ['en-0001'] }, target: 3 })
  })

  it('names each field that is missing or wrong, as the form shows it', () => {
    const empty = roundRequestOf(emptyRoundForm('xt-hitech'))
    expect(empty.ok).toBe(false)
    if (empty.ok) return
    expect(empty.fields).toMatchObject({ name: '请填写轮次名称', from: '请选择开始日期', to: '请选择结束日期' })
    const wrong = roundRequestOf({ ...filled, selection: 'list', target: '0' })
    expect(!wrong.ok && wrong.fields).toEqual({ selection: '请至少选择一家企业', target: '每家企业至少走访 1 次' })
    expect(roundFormFields({ 'selection.enterpriseIds': '以下企业不属于湘潭高新区：en-0241' })).toEqual({ selection: '以下企业不属于湘潭高新区：en-0241' })
  })
})
