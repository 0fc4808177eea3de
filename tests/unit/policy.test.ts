import { describe, expect, it } from 'vitest'
import { ACTION_TAKERS, relationsTo, type Subject } from '@shared/domain/policy'
import type { AppealActionType } from '@shared/schemas/appeal.schema'
import type { User } from '@shared/schemas/user.schema'
import { subjectOf } from '../../miniapp/src/utils/subject'
import { ACTOR_KEYS, ACTORS, APPEAL_A_RELATIONS, OBJECTS, PERMISSION_TABLE, hasRoute } from '../support/permission-table'

/*
 * The policy module (shared/domain/policy) against the permission table: every row, every person
 * of the demo city who stands in a relation to its object. tests/api/authorisation-matrix.test.ts
 * checks the same answers over HTTP.
 */

describe('the permission table', () => {
  it('names each row once and gives every row a route or the reason it has none', () => {
    const ids = PERMISSION_TABLE.map((row) => row.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const row of PERMISSION_TABLE) {
      if (!hasRoute(row)) expect((row.route as { none: string }).none.length, row.id).toBeGreaterThan(20)
    }
  })

  it('has a row for every action on an appeal', () => {
    const rows = new Set(PERMISSION_TABLE.map((row) => row.id))
    for (const type of Object.keys(ACTION_TAKERS) as AppealActionType[]) expect(rows.has(`appeal.action.${type}`), type).toBe(true)
  })
})

describe.each(PERMISSION_TABLE.map((row) => [`${row.id}: ${row.action} — ${row.object}`, row] as const))('%s', (_name, row) => {
  it.each(ACTOR_KEYS.map((key) => [key, row.answers[key]] as const))('%s → %s', (key, answer) => {
    const subject = ACTORS[key].subject
    expect(row.holds(subject, OBJECTS)).toBe(answer === 'yes')
    if (row.decides) expect(row.decides(subject, OBJECTS)).toBe(answer)
  })
})

describe('relations to appeal A', () => {
  it.each(ACTOR_KEYS.map((key) => [key, APPEAL_A_RELATIONS[key]] as const))('%s → %j', (key, relations) => {
    expect([...relationsTo(ACTORS[key].subject, OBJECTS.appeal)].sort()).toEqual([...relations].sort())
  })
})

/** The session user the mini-program would hold for a person: bindings for their enterprises. */
function sessionUserOf(subject: Subject): User {
  const bindings = [
    ...subject.enterpriseIds.map((enterpriseId) => ({ enterpriseId, enterpriseName: enterpriseId, status: 'approved' as const })),
    ...subject.pendingEnterpriseIds.map((enterpriseId) => ({ enterpriseId, enterpriseName: enterpriseId, status: 'pending' as const })),
    { enterpriseId: 'en-0100', enterpriseName: '已驳回的企业', status: 'rejected' as const },
  ]
  return {
    id: subject.id,
    name: '某人',
    role: subject.role,
    ...(subject.areaId ? { areaId: subject.areaId } : {}),
    ...(subject.departmentId ? { departmentId: subject.departmentId } : {}),
    ...(subject.taskForceId ? { taskForceId: subject.taskForceId } : {}),
    ...(subject.role === 'staff' ? { bindings } : {}),
  }
}

describe('the mini-program’s subject (miniapp/src/utils/subject.ts)', () => {
  it.each(ACTOR_KEYS)('is the server’s for %s, so the pages get the table’s answers', (key) => {
    const { subject } = ACTORS[key]
    const fromSession = subjectOf(sessionUserOf(subject))
    expect(fromSession).toEqual({
      id: subject.id,
      role: subject.role,
      ...(subject.areaId ? { areaId: subject.areaId } : {}),
      ...(subject.departmentId ? { departmentId: subject.departmentId } : {}),
      ...(subject.taskForceId ? { taskForceId: subject.taskForceId } : {}),
      enterpriseIds: subject.enterpriseIds,
      pendingEnterpriseIds: subject.pendingEnterpriseIds,
    })
    for (const row of PERMISSION_TABLE) expect(row.holds(fromSession, OBJECTS), `${row.id} for ${key}`).toBe(row.answers[key] === 'yes')
  })

  it('is nobody before anyone signs in', () => {
    expect(subjectOf(null)).toBeNull()
  })
})
