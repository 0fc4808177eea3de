import { describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import { ValidationError } from '@shared/errors'
import { INVALID_CURSOR_MESSAGE } from '@shared/schemas/common.schema'

// The codec is keyed from the configuration, which is read when the module loads.
vi.hoisted(() => {
  process.env.TABLE_NAME ??= 'unit-tests'
  process.env.TOKEN_SECRET ??= 'unit-test-secret-qinshang-direct-0123456789'
})

const { cursorKey, pageCursor } = await import('../../functions/lib/cursor')

const positions = pageCursor('appeals', z.object({ before: z.string().min(1).max(200) }))
const alice = { caller: 'sp-007', filters: { status: ['assigned', 'in_progress'] } }
const position = { before: '2026-11-23T02:00:00.000Z#ap-01kabcdefghjkmnpqrstvwxyz0' }

function refused(attempt: () => unknown) {
  let caught: unknown
  try {
    attempt()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(ValidationError)
  expect((caught as ValidationError).message).toBe(INVALID_CURSOR_MESSAGE)
  expect((caught as ValidationError).fields).toEqual({ cursor: INVALID_CURSOR_MESSAGE })
}

/** The cursor with one character of its payload part changed. */
function tamperPayload(cursor: string): string {
  const [payload, mac] = cursor.split('.') as [string, string]
  const json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { before: string }
  const altered = Buffer.from(JSON.stringify({ before: json.before.replace('2026-11-23', '2026-11-22') })).toString('base64url')
  return `${altered}.${mac}`
}

describe('page cursors', () => {
  it('give back the position they were made with, for the same list, caller and filters', () => {
    const cursor = positions.encode(alice, position)
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(positions.decode(alice, cursor)).toEqual(position)
  })

  it('read no cursor as the first page', () => {
    expect(positions.decode(alice, undefined)).toBeUndefined()
  })

  it('treat a filter left out like one given as undefined, and a set filter in any order alike', () => {
    const cursor = positions.encode({ caller: 'sp-007', filters: { status: ['in_progress', 'assigned'], scale: undefined } }, position)
    expect(positions.decode(alice, cursor)).toEqual(position)
  })

  it('refuse a cursor whose payload or signature was changed', () => {
    const cursor = positions.encode(alice, position)
    refused(() => positions.decode(alice, tamperPayload(cursor)))
    const [payload, mac] = cursor.split('.') as [string, string]
    const flipped = mac.slice(0, -2) + (mac.at(-2) === 'A' ? 'B' : 'A') + mac.at(-1)
    refused(() => positions.decode(alice, `${payload}.${flipped}`))
    refused(() => positions.decode(alice, payload))
    refused(() => positions.decode(alice, `${payload}.${mac}.${mac}`))
  })

  it('refuse a cursor of another list, another caller or other filters', () => {
    const cursor = positions.encode(alice, position)
    const inbox = pageCursor('notifications', z.object({ before: z.string() }))
    refused(() => inbox.decode(alice, cursor))
    refused(() => positions.decode({ ...alice, caller: 'sp-001' }, cursor))
    refused(() => positions.decode({ caller: 'sp-007', filters: { status: ['assigned'] } }, cursor))
    refused(() => positions.decode({ caller: 'sp-007' }, cursor))
    refused(() => positions.decode({ ...alice, filters: { ...alice.filters, scale: 'above' } }, cursor))
  })

  it('keep the parts of the context apart: no two contexts sign alike by moving a separator', () => {
    const a = pageCursor('a', z.object({ o: z.number() }))
    const ab = pageCursor('a|b', z.object({ o: z.number() }))
    const cursor = a.encode({ caller: 'b|c' }, { o: 1 })
    refused(() => ab.decode({ caller: 'c' }, cursor))
    const filtered = a.encode({ caller: 'x', filters: { f: 'a,b' } }, { o: 1 })
    refused(() => a.decode({ caller: 'x', filters: { f: ['a', 'b'] } }, filtered))
  })

  it('refuse a cursor signed with another secret', () => {
    const elsewhere = pageCursor('appeals', z.object({ before: z.string().min(1).max(200) }), cursorKey('another-deployment-secret-0123456789abcdef'))
    refused(() => positions.decode(alice, elsewhere.encode(alice, position)))
  })

  it('refuse a well-signed payload that its list does not accept', () => {
    const loose = pageCursor('report-appeals', z.object({ offset: z.number() }))
    const strict = pageCursor('report-appeals', z.object({ offset: z.number().int().min(0) }))
    refused(() => strict.decode(alice, loose.encode(alice, { offset: -20 })))
  })

  it('refuse garbage, raw DynamoDB keys and the old unsigned cursors', () => {
    const unsigned = Buffer.from(JSON.stringify({ v: 1, p: position.before })).toString('base64url')
    for (const garbage of ['', '.', 'garbage', 'eyJwayI6IngifQ', unsigned, `${unsigned}.`, '%00', '../', 'A'.repeat(2042), '😀'.repeat(600)]) {
      refused(() => positions.decode(alice, garbage))
    }
  })

  it('carry only the payload: no table key, no caller, no filter', () => {
    const cursor = positions.encode(alice, position)
    const decoded = Buffer.from(cursor.split('.')[0]!, 'base64url').toString('utf8')
    expect(JSON.parse(decoded)).toEqual(position)
    expect(decoded).not.toContain('sp-007')
    expect(decoded).not.toContain('assigned')
  })
})
