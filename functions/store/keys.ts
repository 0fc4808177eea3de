/**
 * Generic attribute names of the single table (see infra/table.cjs). Entity modules build their
 * own key values over these names; nothing outside functions/store/ knows them.
 */
export interface ItemKeys {
  pk: string
  sk: string
  gsi1pk?: string
  gsi1sk?: string
  gsi2pk?: string
  gsi2sk?: string
  gsi3pk?: string
  gsi3sk?: string
  gsi4pk?: string
  gsi4sk?: string
  gsi5pk?: string
  gsi5sk?: string
  expiresAt?: number
}

/**
 * A person's partition: their profile (user.store) and their bindings to enterprises
 * (binding.store) live side by side in it, so a staff member's session reads both in one Query.
 */
export const userPartition = (userId: string) => `USER#${userId}`

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi4pk', 'gsi4sk', 'gsi5pk', 'gsi5sk', 'expiresAt', 'entity']

/** The stored item without its key attributes: the entity as the domain knows it. */
export function stripKeys<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item }
  for (const key of KEY_ATTRIBUTES) delete copy[key]
  return copy as T
}

export type IndexName = 'gsi1' | 'gsi2' | 'gsi3' | 'gsi4' | 'gsi5'
