import type { FaqEntry, PolicyDoc } from '@shared/schemas/policy.schema'
import { getFaqStamp, listFaqEntries } from '../store/faq.store'
import { getPolicyStamp, listPolicyDocs } from '../store/policy-doc.store'

export interface KitLists {
  policies: PolicyDoc[]
  faq: FaqEntry[]
  stamp: string
}

/*
 * The kit as of its version stamps, kept per container. Each read costs two GetItems (the
 * policies' and the FAQ's stamps, moved in the same transaction as every write); the lists are
 * read again (two Queries) only when a stamp moved. A stamp rather than a time-to-live: a policy
 * published or withdrawn reaches every container at its next request, and a container that sees
 * no change never reads the lists again. The search index is built from these lists by the search
 * route alone (functions/kit/kit-index.ts), so that no other route carries the segmenter's
 * dictionaries. The upgrade list reads the lists too (the 升规指南 of each enterprise).
 */
let cached: { stamp: string; value: Promise<KitLists> } | undefined

export async function kitLists(): Promise<KitLists> {
  const [policyStamp, faqStamp] = await Promise.all([getPolicyStamp(), getFaqStamp()])
  const stamp = `${policyStamp}:${faqStamp}`
  if (!cached || cached.stamp !== stamp) {
    const value = Promise.all([listPolicyDocs(), listFaqEntries()]).then(([policies, faq]) => ({ policies, faq, stamp }))
    cached = { stamp, value }
    value.catch(() => {
      if (cached?.value === value) cached = undefined
    })
  }
  return cached.value
}
