import { describe, expect, it } from 'vitest'
import { recordVisitRequestSchema } from '@shared/schemas/visit.schema'
import { attemptKey, clearDraft, draftRequest, draftStorageKey, loadDraft, newDraft, saveDraft, shanghaiDateTime, stampCheckIn, toggleTopic, type DraftStore } from '../../miniapp/src/utils/visit-draft'
import { shanghai } from '../support/clock'

/*
 * The 记录走访 draft (miniapp/src/utils/visit-draft.ts): kept on every change, restored for the
 * same enterprise, stamped by a check-in, and sent with one Idempotency-Key per content.
 */

function memoryStore(): DraftStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>()
  return { data, get: (k) => (data.has(k) ? JSON.parse(JSON.stringify(data.get(k))) : undefined), set: (k, v) => void data.set(k, v), remove: (k) => void data.delete(k) }
}

const NOW = shanghai('2026-11-23T09:41:00')
const en = { id: 'en-0043', name: '湘潭百川电子科技有限公司' }

describe('the visit draft', () => {
  it('starts at the Shanghai date and minute of now, on site', () => {
    expect(shanghaiDateTime(shanghai('2026-11-30T23:59:00'))).toEqual({ date: '2026-11-30', time: '23:59' })
    expect(newDraft(en, NOW)).toMatchObject({ enterpriseId: 'en-0043', date: '2026-11-23', time: '09:41', kind: 'onsite', topics: [] })
  })

  it('is restored for its enterprise only, and gone once cleared', () => {
    const store = memoryStore()
    const draft = { ...newDraft(en, NOW), met: '总经理', record: '产线扩建' }
    saveDraft(store, draft)
    expect(loadDraft(store, 'en-0043')).toEqual(draft)
    expect(loadDraft(store, 'en-0001')).toBeUndefined()
    store.set(draftStorageKey('en-0001'), { enterpriseId: 'en-0001', kind: 'walk' })
    expect(loadDraft(store, 'en-0001')).toBeUndefined()
    clearDraft(store, 'en-0043')
    expect(loadDraft(store, 'en-0043')).toBeUndefined()
  })

  it('keeps what was typed when the card is scanned, stamped with the scan', () => {
    const store = memoryStore()
    saveDraft(store, { ...newDraft(en, NOW), kind: 'phone', record: '已电话沟通' })
    const stamped = stampCheckIn(store, { enterpriseId: 'en-0043', enterpriseName: en.name, cardId: 'c', scannedAt: '2026-11-23T02:05:00.000Z', token: 't.k' })
    expect(stamped).toMatchObject({ record: '已电话沟通', kind: 'onsite', time: '10:05', checkIn: { token: 't.k', scannedAt: '2026-11-23T02:05:00.000Z' } })
    expect(loadDraft(store, 'en-0043')).toEqual(stamped)
  })

  it('makes a request the shared schema accepts, with the check-in and the photos', () => {
    const draft = { ...newDraft(en, NOW), met: '总经理张总', topics: toggleTopic(toggleTopic(['land'], 'hiring'), 'land'), record: '新产线缺焊工二十名', checkIn: { token: 'a.b', scannedAt: '' } }
    const parsed = recordVisitRequestSchema.parse(draftRequest(draft, ['up-01jd2x3y4z5a6b7c8d9e0f1g2h']))
    expect(parsed).toMatchObject({ visitedAt: '2026-11-23T09:41:00+08:00', topics: ['hiring'], checkIn: 'a.b', attachments: ['up-01jd2x3y4z5a6b7c8d9e0f1g2h'] })
  })

  it('sends the same content again with the same key, and changed content with a new one', () => {
    let n = 0
    const next = () => `key-${++n}`
    const first = attemptKey(newDraft(en, NOW), '{"a":1}', next)
    const retry = attemptKey(first.draft, '{"a":1}', next)
    const changed = attemptKey(retry.draft, '{"a":2}', next)
    expect([first.key, retry.key, changed.key]).toEqual(['key-1', 'key-1', 'key-2'])
  })
})
