import { kitDemoData } from './kit-demo-data'

/**
 * Writes the demo city's kit — 47 policies (one draft, one withdrawn, one expired) and 62 FAQ
 * entries — through the stores (the environment must already name the table and endpoint).
 * Safe to run twice: every write is a keyed put.
 */
export async function seedKit(now: Date): Promise<{ policies: number; faq: number }> {
  const [{ bulkPutPolicyDocs }, { bulkPutFaqEntries }] = await Promise.all([import('../../functions/store/policy-doc.store'), import('../../functions/store/faq.store')])
  const { policies, faq } = kitDemoData(now)
  await bulkPutPolicyDocs(policies)
  await bulkPutFaqEntries(faq)
  return { policies: policies.length, faq: faq.length }
}
