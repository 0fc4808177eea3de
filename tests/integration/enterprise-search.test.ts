import { describe, expect, it } from 'vitest'
import { NotFoundError, ValidationError } from '@shared/errors'
import { listEnterprisesQuerySchema } from '@shared/schemas/roster.schema'
import type { Actor } from '@shared/domain/actor'
import { listEnterprises } from '../../functions/enterprises/roster-lists.use-case'
import { areaAdmin, cityAdmin, otherAreaAdmin, owner } from '../support/fixtures'

/** The ids a search answers, all pages read. */
async function found(actor: Actor, query: Record<string, string>): Promise<string[]> {
  const ids: string[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 20; pages++) {
    const page = await listEnterprises(actor, listEnterprisesQuerySchema.parse({ ...query, limit: '10', ...(cursor ? { cursor } : {}) }))
    ids.push(...page.items.map((e) => e.id))
    cursor = page.cursor ?? undefined
    if (!cursor) break
  }
  return ids.sort()
}

describe('searching the enterprise roster', () => {
  it('finds by part of the name, within the caller’s own area only', async () => {
    // 生物医药 companies sit in every area; 湘潭高新区 has two of them.
    expect(await found(areaAdmin, { q: '生物医药' })).toEqual(['en-0003', 'en-0021'])
    expect(await found(otherAreaAdmin, { q: '生物医药' })).toEqual(['en-0242', 'en-0243', 'en-0255'])
  })

  it('finds by the credit code, typed in lower case or in part', async () => {
    expect(await found(areaAdmin, { q: '91430304379045501y' })).toEqual(['en-0001'])
    expect(await found(areaAdmin, { q: '379045501Y' })).toEqual(['en-0001'])
  })

  it('finds by the contact’s name or phone, spaces and +86 allowed', async () => {
    expect(await found(areaAdmin, { q: '范波艳' })).toEqual(['en-0001'])
    expect(await found(areaAdmin, { q: '189 5506 6490' })).toEqual(['en-0001'])
    expect(await found(areaAdmin, { q: '+8618955066490' })).toEqual(['en-0001'])
  })

  it('gives a specialist only their own portfolio, and nothing of another area', async () => {
    // sp-007 holds en-0001 and en-0021, not en-0003 (sp-004).
    expect(await found(owner, { q: '生物医药' })).toEqual(['en-0021'])
    expect(await found(owner, { q: '苏静' })).toEqual([])
    expect(await found(otherAreaAdmin, { q: '范波艳' })).toEqual([])
  })

  it('combines with the other filters, and finds nothing for nothing', async () => {
    expect(await found(areaAdmin, { q: '生物医药', specialistId: 'sp-004' })).toEqual(['en-0003'])
    expect(await found(areaAdmin, { q: '无此企业' })).toEqual([])
  })

  it('reads on past pages that held no match, however sparse the matches', async () => {
    // The last of the park's 48 enterprises, ten read at a time: the first answer already has it.
    const page = await listEnterprises(areaAdmin, listEnterprisesQuerySchema.parse({ q: '姚颖彬', limit: '10' }))
    expect(page.items.map((e) => e.id)).toEqual(['en-0048'])
  })

  it('asks the city admin for an area, and keeps other areas from an area admin', async () => {
    await expect(listEnterprises(cityAdmin, listEnterprisesQuerySchema.parse({ q: '生物医药' }))).rejects.toBeInstanceOf(ValidationError)
    expect(await found(cityAdmin, { q: '生物医药', areaId: 'yuetang' })).toEqual(['en-0262', 'en-0276'])
    await expect(listEnterprises(otherAreaAdmin, listEnterprisesQuerySchema.parse({ q: '生物医药', areaId: 'xt-hitech' }))).rejects.toBeInstanceOf(NotFoundError)
  })
})
