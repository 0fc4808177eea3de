import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getAppealDetail } from '../../functions/appeals/get-appeal.use-case'
import { importRoster } from '../../functions/roster/import-roster.use-case'
import { getEnterprise, listAllEnterprisesOfArea } from '../../functions/store/enterprise.store'
import { cityAdmin, otherAreaAdmin, staff } from '../support/fixtures'
import { fileFor, staffOf } from '../support/filing'

const FIXTURES = join(__dirname, '..', 'fixtures', 'roster')
const upload = (name: string, dryRun: boolean) => ({ fileName: name, contentBase64: readFileSync(join(FIXTURES, name)).toString('base64'), dryRun })

describe('importing a roster', () => {
  it('reports a dry run row by row and writes nothing', async () => {
    const result = await importRoster(cityAdmin, upload('good.xlsx', true))
    expect(result).toMatchObject({ dryRun: true, applied: false, summary: { create: 2, update: 1, unchanged: 2, invalid: 0 } })
    expect((await listAllEnterprisesOfArea('xt-hitech')).some((e) => e.name === '湘潭弘远新材料有限公司')).toBe(false)
  })

  it('applies a good file once; the same file again changes nothing', async () => {
    const en0003 = (await getEnterprise('en-0003'))!
    const open = await fileFor(staffOf('en-0003'), 'en-0003')
    const before = (await listAllEnterprisesOfArea('xt-hitech')).length

    const first = await importRoster(cityAdmin, upload('good.xlsx', false))
    expect(first).toMatchObject({ applied: true, summary: { create: 2, update: 1 }, newSpecialists: 1, reassignments: 2 })
    const created = (await listAllEnterprisesOfArea('xt-hitech')).filter((e) => e.name.startsWith('湘潭弘远') || e.name.startsWith('湘潭禾丰'))
    expect(created).toHaveLength(2)
    expect(created.every((e) => e.cardId)).toBe(true)
    // en-0003 moved to another specialist, and its open appeal followed.
    const movedTo = (await getEnterprise('en-0003'))!.specialistId
    expect(movedTo).not.toBe(en0003.specialistId)
    expect((await getAppealDetail(cityAdmin, open.id)).appeal.ownerId).toBe(movedTo)

    const again = await importRoster(cityAdmin, upload('good.csv', false))
    expect(again).toMatchObject({ applied: false, summary: { create: 0, update: 0, unchanged: 5, invalid: 0 } })
    expect((await listAllEnterprisesOfArea('xt-hitech')).length).toBe(before + 2)
  })

  it('writes nothing from a file with invalid rows and names every problem', async () => {
    const result = await importRoster(cityAdmin, upload('bad.csv', false))
    expect(result.applied).toBe(false)
    expect(result.summary.invalid).toBe(6)
    const messages = result.rows.flatMap((r) => r.errors.map((e) => e.message)).join('\n')
    expect(messages).toMatch(/校验位/)
    expect(messages).toMatch(/未知属地/)
    expect(messages).toMatch(/重复/)
    expect((await listAllEnterprisesOfArea('xt-hitech')).some((e) => e.name === '湘潭恒信精密机械有限公司')).toBe(false)
  })

  it('keeps an area admin to their own area', async () => {
    const result = await importRoster(otherAreaAdmin, upload('good.xlsx', true))
    expect(result.summary.invalid).toBe(5)
    await expect(importRoster(staff, upload('good.xlsx', true))).rejects.toThrow()
  })
})
