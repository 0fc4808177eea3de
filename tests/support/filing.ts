import { randomUUID } from 'node:crypto'
import type { Actor } from '@shared/domain/actor'
import { submitAppeal } from '../../functions/appeals/submit-appeal.use-case'
import { staff } from './fixtures'

/** Integration tests only (imports the store): a power appeal filed for an enterprise at `now`. */
export const fileFor = (actor: Actor, enterpriseId: string, now: Date) =>
  submitAppeal(actor, `test-${randomUUID()}`, { enterpriseId, categoryId: 'power', title: '用电诉求', description: '新厂房需要接入 10kV 线路' }, now).then((r) => r.appeal)

/** An approved staff member of one demo enterprise. */
export const staffOf = (enterpriseId: string): Actor => ({ ...staff, id: `staff-${enterpriseId}`, enterpriseIds: [enterpriseId] })
