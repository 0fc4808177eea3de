import { describe, expect, it } from 'vitest'
import type { ReturnVisitFigures } from '@shared/schemas/return-visit.schema'
import {
  attemptRequestOf,
  callUrl,
  emptyCallForm,
  emptySampleForm,
  figuresText,
  listUrl,
  parseStatusFilter,
  ratingsText,
  sampleRequestOf,
} from '../../miniapp/src/packages/return-visit/return-visit-view'
import { returnVisitRows } from '../../miniapp/src/packages/report/report-view'

const figures: ReturnVisitFigures = { sampled: 110, reached: 100, notReached: 6, pending: 4, satisfied: 80, basically: 17, unsatisfied: 3, inconsistent: 2, rate: 0.97 }

describe('the sample form', () => {
  it('sends the month, the numbers typed and the area picked, checked by the shared schema', () => {
    expect(sampleRequestOf({ ...emptySampleForm('2026-11', null), percent: '10', minPerArea: '5' })).toEqual({ ok: true, request: { month: '2026-11', percent: 10, minPerArea: 5 } })
    expect(sampleRequestOf({ ...emptySampleForm('2026-11', 'yuhu') })).toEqual({ ok: true, request: { month: '2026-11', areaId: 'yuhu', percent: 10, minPerArea: 5 } })
    expect(sampleRequestOf({ month: '2026-11', areaId: null, percent: '', minPerArea: '2.5' })).toEqual({ ok: false, fields: { percent: '请填写抽样比例', minPerArea: '件数须为整数' } })
    expect(sampleRequestOf({ month: '2026-11', areaId: null, percent: '120', minPerArea: '1' })).toEqual({ ok: false, fields: { percent: '抽样比例不超过 100%' } })
  })
})

describe('the call form', () => {
  it('asks whether the call got through, a rating when it did, and the reason when unsatisfied', () => {
    expect(attemptRequestOf(emptyCallForm(), 0)).toEqual({ ok: false, fields: { reached: '请选择是否接通' } })
    expect(attemptRequestOf({ reached: true, rating: null, comment: '' }, 1)).toEqual({ ok: false, fields: { rating: '接通后请选择满意程度' } })
    expect(attemptRequestOf({ reached: true, rating: 'unsatisfied', comment: '坏' }, 1)).toEqual({ ok: false, fields: { comment: '不满意的原因至少 4 个字' } })
    expect(attemptRequestOf({ reached: false, rating: 'satisfied', comment: '无人接听' }, 2)).toEqual({ ok: true, request: { reached: false, comment: '无人接听', expectedAttempts: 2 } })
    expect(attemptRequestOf({ reached: true, rating: 'basically', comment: '' }, 0)).toEqual({ ok: true, request: { reached: true, rating: 'basically', comment: '', expectedAttempts: 0 } })
  })
})

describe('what the pages show', () => {
  it('prints 回访满意率 with one decimal and the sample sizes beside it', () => {
    expect(figuresText(figures)).toEqual({ rate: '97.0%', sizes: '抽查 110 件 · 接通 100 · 未接通 6 · 待回访 4' })
    expect(figuresText({ ...figures, reached: 0, rate: null }).rate).toBe('—')
  })

  it('says what the enterprise said in the app and on the phone', () => {
    expect(ratingsText({ channel: 'miniapp', inAppRating: 'satisfied', notEvaluated: false, outcome: { rating: 'unsatisfied', comment: 'x' } })).toBe('小程序 · 小程序：满意 · 回访：不满意')
    expect(ratingsText({ channel: 'visit', inAppRating: null, notEvaluated: true })).toBe('上门走访 · 小程序：未评价')
  })

  it('links the list and the call page, and reads a status filter from the address', () => {
    expect(callUrl('rv-1', true)).toBe('/packages/return-visit/call/index?id=rv-1&reopen=1')
    expect(listUrl('2026-11', 'inconsistent')).toBe('/packages/return-visit/list/index?month=2026-11&status=inconsistent')
    expect(parseStatusFilter('inconsistent')).toBe('inconsistent')
    expect(parseStatusFilter('bogus')).toBe('all')
  })

  it('adds 回访满意率 to the monthly report’s table when the report has a sample', () => {
    expect(returnVisitRows({})).toEqual([])
    const rows = returnVisitRows({ returnVisits: figures })
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['回访满意率', '97.0%'],
      ['回访评价不一致', '2 件'],
    ])
    expect(rows[0]!.definition).toContain('97 ÷ 100')
  })
})
