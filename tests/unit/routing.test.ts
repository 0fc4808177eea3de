import { describe, expect, it } from 'vitest'
import { routeAppeal } from '@shared/domain/routing'
import type { Department, TaskForce } from '@shared/schemas/catalog.schema'
import { powerCategory } from '../support/fixtures'

const departments: Department[] = [
  { id: 'power', name: '国网湘潭供电公司' },
  { id: 'drc', name: '市发展和改革委员会' },
  { id: 'water', name: '市水务集团' },
]
const taskForces: TaskForce[] = [
  { id: 'tf-industry', name: '工业专班', industry: 'industry' },
  { id: 'tf-retail', name: '批零住餐专班', industry: 'retail' },
]

describe('routing', () => {
  it('assigns the enterprise specialist and both lines of co-handlers', () => {
    const route = routeAppeal({ enterprise: { id: 'en-0001', industry: 'industry', specialistId: 'sp-007' }, category: powerCategory, departments, taskForces })
    expect(route).toEqual({
      ownerId: 'sp-007',
      status: 'assigned',
      coHandlers: [
        { kind: 'department', id: 'power', name: '国网湘潭供电公司' },
        { kind: 'department', id: 'drc', name: '市发展和改革委员会' },
        { kind: 'taskForce', id: 'tf-industry', name: '工业专班' },
      ],
    })
  })

  it('picks the task force of the enterprise industry only when the category asks for one', () => {
    const retail = routeAppeal({ enterprise: { id: 'en-2', industry: 'retail', specialistId: 'sp-1' }, category: powerCategory, departments, taskForces })
    expect(retail.coHandlers.at(-1)).toEqual({ kind: 'taskForce', id: 'tf-retail', name: '批零住餐专班' })
    const noTaskForce = routeAppeal({
      enterprise: { id: 'en-2', industry: 'retail', specialistId: 'sp-1' },
      category: { ...powerCategory, taskForce: false },
      departments,
      taskForces,
    })
    expect(noTaskForce.coHandlers.map((c) => c.kind)).toEqual(['department', 'department'])
  })

  it('sends an enterprise without a specialist to the area duty queue', () => {
    const route = routeAppeal({ enterprise: { id: 'en-3', industry: 'services', specialistId: null }, category: { ...powerCategory, departments: [], taskForce: false }, departments, taskForces })
    expect(route).toEqual({ ownerId: null, status: 'submitted', coHandlers: [] })
  })

  it('skips a department the routing table names but the city no longer has', () => {
    const route = routeAppeal({
      enterprise: { id: 'en-1', industry: 'agriculture', specialistId: 'sp-1' },
      category: { ...powerCategory, departments: ['gone', 'water'], taskForce: true },
      departments,
      taskForces,
    })
    expect(route.coHandlers).toEqual([{ kind: 'department', id: 'water', name: '市水务集团' }])
  })
})
