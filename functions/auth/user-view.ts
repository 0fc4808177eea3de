import { isEnterpriseStaff } from '@shared/domain/policy'
import type { User } from '@shared/schemas/user.schema'
import { listBindings } from '../store/binding.store'
import type { UserRecord } from '../store/user.store'

/** A user as the API shows them to themselves: no phone number, bindings for staff. */
export async function toUser(record: UserRecord): Promise<User> {
  const { phone: _phone, ...profile } = record
  if (!isEnterpriseStaff(record)) return profile
  // Rejected and revoked bindings are history: the user is no longer of that enterprise.
  const bindings = (await listBindings(record.id))
    .filter((b) => b.status === 'approved' || b.status === 'pending')
    .map(({ enterpriseId, enterpriseName, status }) => ({ enterpriseId, enterpriseName, status }))
  return { ...profile, bindings }
}
