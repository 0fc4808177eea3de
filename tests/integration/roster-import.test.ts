import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Actor } from '@shared/domain/actor'
import { INDUSTRY_LABEL, ROSTER_COLUMNS, SCALE_LABEL } from '@shared/domain/roster'
import { NotFoundError } from '@shared/errors'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { importRoster } from '../../functions/roster/import-roster.use-case'
import { getAppeal } from '../../functions/store/appeal.store'
import { claimMove, getEnterprise, listAllEnterprisesOfArea } from '../../functions/store/enterprise.store'
import { demo, newCreditCode, type RosterCells } from '../fixtures/roster/roster-fixtures'
import { shanghai } from '../support/clock'
import { areaAdmin, cityAdmin, otherAreaAdmin, staff } from '../support/fixtures'
import { fileFor, staffOf } from '../support/filing'
import { testClock } from '../support/clock'

// This file's own clock: every filing and action names its moment (tests/support/clock.ts).
const clock = testClock('2026-11-02T09:00:00')

const POWER_APPEAL = (enterpriseId: string) => ({ enterpriseId, categoryId: 'power', title: '用电诉求', description: '新厂房需要接入 10kV 线路' })

const FIXTURES = join(__dirname, '..', 'fixtures', 'roster')
const upload = (name: string, dryRun: boolean) => ({ fileName: name, contentBase64: readFileSync(join(FIXTURES, name)).toString('base64'), dryRun })

describe('importing a roster', () => {
  it('reports a dry run row by row and writes nothing', async () => {
    const result = await importRoster(cityAdmin, upload('good.xlsx', true), clock.tick())
    expect(result).toMatchObject({ dryRun: true, applied: false, summary: { create: 2, update: 1, unchanged: 2, invalid: 0 } })
    expect((await listAllEnterprisesOfArea('xt-hitech')).some((e) => e.name === '湘潭弘远新材料有限公司')).toBe(false)
  })

  it('applies a good file once; the same file again changes nothing', async () => {
    const en0003 = (await getEnterprise('en-0003'))!
    const open = await fileFor(staffOf('en-0003'), 'en-0003', clock.tick())
    const before = (await listAllEnterprisesOfArea('xt-hitech')).length

    const first = await importRoster(cityAdmin, upload('good.xlsx', false), clock.tick())
    expect(first).toMatchObject({ applied: true, summary: { create: 2, update: 1 }, newSpecialists: 1, reassignments: 2 })
    const created = (await listAllEnterprisesOfArea('xt-hitech')).filter((e) => e.name.startsWith('湘潭弘远') || e.name.startsWith('湘潭禾丰'))
    expect(created).toHaveLength(2)
    expect(created.every((e) => e.cardId)).toBe(true)
    // en-0003 moved to another specialist, and its open appeal followed.
    const movedTo = (await getEnterprise('en-0003'))!.specialistId
    expect(movedTo).not.toBe(en0003.specialistId)
    expect((await getAppealDetail(cityAdmin, open.id)).appeal.ownerId).toBe(movedTo)

    const again = await importRoster(cityAdmin, upload('good.csv', false), clock.tick())
    expect(again).toMatchObject({ applied: false, summary: { create: 0, update: 0, unchanged: 5, invalid: 0 } })
    expect((await listAllEnterprisesOfArea('xt-hitech')).length).toBe(before + 2)
  })

  it('writes nothing from a file with invalid rows and names every problem', async () => {
    const result = await importRoster(cityAdmin, upload('bad.csv', false), clock.tick())
    expect(result.applied).toBe(false)
    expect(result.summary.invalid).toBe(6)
    const messages = result.rows.flatMap((r) => r.errors.map((e) => e.message)).join('\n')
    expect(messages).toMatch(/校验位/)
    expect(messages).toMatch(/未知属地/)
    expect(messages).toMatch(/重复/)
    expect((await listAllEnterprisesOfArea('xt-hitech')).some((e) => e.name === '湘潭恒信精密机械有限公司')).toBe(false)
  })

  it('keeps an area admin to their own area', async () => {
    const result = await importRoster(otherAreaAdmin, upload('good.xlsx', true), clock.tick())
    expect(result.summary.invalid).toBe(5)
    await expect(importRoster(staff, upload('good.xlsx', true), clock.tick())).rejects.toThrow()
  })
})

/** A CSV roster made in the test, in template column order. */
function csvUpload(rows: RosterCells[], dryRun: boolean) {
  const lines = [ROSTER_COLUMNS.map((c) => c.header), ...rows.map((r) => ROSTER_COLUMNS.map((c) => r[c.key]))]
  return { fileName: 'roster.csv', contentBase64: Buffer.from(lines.map((cells) => cells.join(',')).join('\n')).toString('base64'), dryRun }
}

/** A demo enterprise as stored, its specialist columns naming `specialist` (or left blank). */
function rowOf(enterpriseId: string, specialist?: { name: string; phone: string }): RosterCells {
  const enterprise = demo.enterprises.find((e) => e.id === enterpriseId)!
  return {
    creditCode: enterprise.creditCode,
    enterpriseName: enterprise.name,
    areaName: demo.areas.find((a) => a.id === enterprise.areaId)!.name,
    industry: INDUSTRY_LABEL[enterprise.industry],
    scale: SCALE_LABEL[enterprise.scale],
    contactName: enterprise.contact.name,
    contactPhone: enterprise.contact.phone,
    specialistName: specialist?.name ?? '',
    specialistPhone: specialist?.phone ?? '',
    specialistTitle: '',
  }
}

describe('importing a roster: an area admin’s reach', () => {
  const now = shanghai('2026-11-23T10:00:00')

  it('refuses rows giving an enterprise a specialist of another area or of the city, and says nothing of them', async () => {
    // en-0010 and en-0011 are 湘潭高新区's; sp-041 works in 雨湖区, sp-049 for the city; en-0097 is 天易经开区's.
    const elsewhere = demo.specialists.find((s) => s.id === 'sp-041')!
    const cityLevel = demo.specialists.find((s) => s.id === 'sp-049')!
    const before = await Promise.all(['en-0010', 'en-0011'].map(async (id) => (await getEnterprise(id))!.specialistId))
    const appeal = (await submitAppeal(staffOf('en-0010'), `roster-${randomUUID()}`, POWER_APPEAL('en-0010'), now)).appeal
    // The third row claims 天易经开区's en-0097 for 湘潭高新区: where it really is must not come out.
    const rows = [rowOf('en-0010', elsewhere), rowOf('en-0011', cityLevel), { ...rowOf('en-0097'), areaName: '湘潭高新区' }]

    for (const dryRun of [true, false]) {
      const result = await importRoster(areaAdmin, csvUpload(rows, dryRun), now)
      expect(result).toMatchObject({ applied: false, summary: { invalid: 3 } })
      expect(result.rows.map((r) => r.errors)).toEqual([
        [{ field: 'specialistPhone', message: '本行不能由您导入，请联系市级管理员' }],
        [{ field: 'specialistPhone', message: '本行不能由您导入，请联系市级管理员' }],
        [{ field: 'creditCode', message: '本行不能由您导入，请联系市级管理员' }],
      ])
      const said = JSON.stringify(result)
      for (const secret of [elsewhere.name, cityLevel.name, '雨湖区', '天易经开区']) expect(said).not.toContain(secret)
    }

    expect(await Promise.all(['en-0010', 'en-0011'].map(async (id) => (await getEnterprise(id))!.specialistId))).toEqual(before)
    expect((await getAppealDetail(areaAdmin, appeal.id)).appeal.ownerId).toBe(before[0])
    const outsider: Actor = { id: elsewhere.id, name: elsewhere.name, role: 'specialist', areaId: 'yuhu', enterpriseIds: [], pendingEnterpriseIds: [] }
    await expect(getAppealDetail(outsider, appeal.id)).rejects.toBeInstanceOf(NotFoundError)
  })

  it('lets the city admin give an enterprise a specialist of another area, as before', async () => {
    const elsewhere = demo.specialists.find((s) => s.id === 'sp-042')!
    const result = await importRoster(cityAdmin, csvUpload([rowOf('en-0012', elsewhere)], false), now)
    expect(result).toMatchObject({ applied: true, summary: { update: 1, invalid: 0 }, reassignments: 1 })
    expect((await getEnterprise('en-0012'))!.specialistId).toBe('sp-042')
  })
})

describe('importing a roster: cell lengths', () => {
  const now = shanghai('2026-11-23T10:00:00')

  it('turns a 150,000-character enterprise name into a row error, in the dry run and the import alike', async () => {
    const huge: RosterCells = { ...rowOf('en-0013'), creditCode: newCreditCode('MA4W9Q3H2'), enterpriseName: '湘'.repeat(150_000) }
    for (const dryRun of [true, false]) {
      const result = await importRoster(cityAdmin, csvUpload([huge], dryRun), now)
      expect(result).toMatchObject({ applied: false, summary: { create: 0, invalid: 1 } })
      expect(result.rows[0]?.errors).toEqual([{ field: 'enterpriseName', message: '企业名称不能超过 100 个字' }])
    }
    expect((await listAllEnterprisesOfArea('xt-hitech')).some((e) => e.creditCode === huge.creditCode)).toBe(false)
  })
})

describe('importing a roster: a move cut short', () => {
  it('is finished by importing the file again, though the plan sees nothing left to change', async () => {
    // An import moving en-0033 from sp-008 to sp-006 claimed the enterprise and died.
    const appeals = []
    for (let i = 0; i < 3; i++) appeals.push((await submitAppeal(staffOf('en-0033'), `roster-${randomUUID()}`, POWER_APPEAL('en-0033'), shanghai('2026-11-23T10:00:00'))).appeal)
    const sp006 = demo.specialists.find((s) => s.id === 'sp-006')!
    const claimed = await claimMove((await getEnterprise('en-0033'))!, {
      id: 'cut-short-import',
      from: 'sp-008',
      to: { id: sp006.id, name: sp006.name },
      reason: '名册导入调整',
      by: { id: areaAdmin.id, name: areaAdmin.name, role: areaAdmin.role },
      startedAt: shanghai('2026-11-23T10:01:00').toISOString(),
    })
    expect(claimed).toBe(true)

    const again = await importRoster(areaAdmin, csvUpload([rowOf('en-0033', sp006)], false), shanghai('2026-11-23T10:05:00'))
    expect(again).toMatchObject({ applied: false, summary: { unchanged: 1, invalid: 0 } })
    expect(await getEnterprise('en-0033')).not.toHaveProperty('pendingMove')
    expect(await Promise.all(appeals.map(async (a) => (await getAppeal(a.id))!.ownerId))).toEqual(['sp-006', 'sp-006', 'sp-006'])
  })
})
