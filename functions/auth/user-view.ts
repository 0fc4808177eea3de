import type { User } from '@shared/schemas/user.schema'
import { listBindings, type UserRecord } from '../store/user.store'

/** A user as the API shows them to themselves: no phone number, bindings for staff. */
export async function toUser(record: UserRecord): Promise<User> {
  const { phone: _phone, ...profile } = record
  if (record.role !== 'staff') return profile
  return { ...profile, bindings: await listBindings(record.id) }
}
