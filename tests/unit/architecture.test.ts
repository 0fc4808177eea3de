import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyseArchitecture, roleComparisonsIn } from '../../scripts/lib/architecture'

/*
 * One place for every permission: no role is compared outside shared/domain/policy/, on the
 * server (functions/), in the shared code or in the mini-program (miniapp/src). A failure names
 * each offending line; the fix is a named predicate or helper in the policy module.
 */

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..')

describe('role comparisons', () => {
  it('happen nowhere outside the policy module', () => {
    const offenders = analyseArchitecture(ROOT).roleComparisons.map((c) => `${c.file}:${c.line}  ${c.text}`)
    expect(offenders, `compare roles only in shared/domain/policy/:\n${offenders.join('\n')}`).toEqual([])
  })
})

describe('the role-comparison detector', () => {
  const found = (source: string, path = 'functions/x/y.ts') => roleComparisonsIn(path, source).map((c) => c.line)

  it.each([
    ["if (actor.role === 'city_admin') return", 'a role compared with a name'],
    ["if (user?.role !== \"staff\") return", 'optional chaining, double quotes, !=='],
    ['const own = role == `specialist`', 'loose equality, backticks'],
    ["if ('area_admin' === actor.role) return", 'the name first'],
    ["const filer = appeal.filedBy.role === 'staff'", 'a role deeper in an object'],
    ["if (['area_admin', 'city_admin'].includes(user.role)) return", 'a list of roles, includes'],
    ['identities.filter((identity) => group.roles.indexOf(identity.role) >= 0)', 'a list of roles, indexOf'],
    ['if (ADMIN_ROLES.has(actor.role)) return', 'a set of roles'],
    ['const keys = ROLE_TEMPLATES[role]', 'a table indexed by role'],
  ])('catches %s (%s)', (line) => {
    expect(found(`const a = 1\n${line}\n`)).toEqual([2])
  })

  it('catches the cases of a switch over a role, and only those', () => {
    const source = [
      'switch (actor.role) {', //
      "  case 'specialist':",
      '    return 1',
      "  case 'city_admin': {",
      '    return 2',
      '  }',
      '}',
      'switch (dimension) {',
      "  case 'specialist':",
      '    return 3',
      '}',
      "  case 'staff':",
    ].join('\n')
    // The last case has a switch above it, over a dimension: as before, not a role.
    expect(found(source)).toEqual([2, 4])
    expect(found("case 'area_admin':\n")).toEqual([1])
  })

  it('leaves alone what decides nothing on a role', () => {
    const source = [
      "const user = { id, name, role: 'staff' as const }",
      "const specialists = await listUsersByRole('specialist', 2000, areaId)",
      "if (scope.kind === 'specialist') return",
      '{ROLE_LABEL[user.role]}',
      "const templates = configuredTemplates('specialist', config)",
      'const roleSchema = z.enum([])',
    ].join('\n')
    expect(found(source)).toEqual([])
  })

  it('allows the policy module, and only it, to compare roles', () => {
    const line = "export const isCityAdmin = (who) => who?.role === 'city_admin'\n"
    expect(found(line, 'shared/domain/policy/subject.ts')).toEqual([])
    expect(found(line, 'shared/domain/policy-notes.ts')).toEqual([1])
    expect(found(line, 'miniapp/src/pages/me/index.tsx')).toEqual([1])
  })
})
