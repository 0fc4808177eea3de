import * as z from 'zod'
import { SHANGHAI_OFFSET_MINUTES } from '@shared/domain/calendar'
import { visitKindSchema, visitTopicSchema, type CheckIn, type VisitKind, type VisitTopic } from '@shared/schemas/visit.schema'

/*
 * The 记录走访 draft: kept on the phone on every change, so that nothing typed on a factory floor
 * is lost with the network or a closed app, and restored when the page opens again for the same
 * enterprise. It keeps the Idempotency-Key of what was last sent: a retry of the same content
 * after a lost answer is stored once; changed content gets a new key. Pure but for the store given.
 */

export interface DraftStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  remove(key: string): void
}

const draftSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  date: z.string(),
  time: z.string(),
  kind: visitKindSchema,
  met: z.string(),
  topics: z.array(visitTopicSchema),
  record: z.string(),
  checkIn: z.object({ token: z.string(), scannedAt: z.string() }).optional(),
  attempt: z.object({ body: z.string(), key: z.string() }).optional(),
})
export type VisitDraft = z.infer<typeof draftSchema>

export const draftStorageKey = (enterpriseId: string) => `qs.visitDraft.${enterpriseId}`

/** The Shanghai date (YYYY-MM-DD) and time (HH:mm) of an instant. */
export function shanghaiDateTime(instant: Date): { date: string; time: string } {
  const iso = new Date(instant.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString()
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) }
}

export function newDraft(enterprise: { id: string; name: string }, now: Date): VisitDraft {
  return { enterpriseId: enterprise.id, enterpriseName: enterprise.name, ...shanghaiDateTime(now), kind: 'onsite', met: '', topics: [], record: '' }
}

export function loadDraft(store: DraftStore, enterpriseId: string): VisitDraft | undefined {
  const parsed = draftSchema.safeParse(store.get(draftStorageKey(enterpriseId)))
  return parsed.success && parsed.data.enterpriseId === enterpriseId ? parsed.data : undefined
}

export function saveDraft(store: DraftStore, draft: VisitDraft): void {
  store.set(draftStorageKey(draft.enterpriseId), draft)
}

export function clearDraft(store: DraftStore, enterpriseId: string): void {
  store.remove(draftStorageKey(enterpriseId))
}

/** A scan of the enterprise's card on site: the draft (kept or new) is stamped, its time set to the scan's. */
export function stampCheckIn(store: DraftStore, checkIn: CheckIn): VisitDraft {
  const scanned = new Date(checkIn.scannedAt)
  const draft = loadDraft(store, checkIn.enterpriseId) ?? newDraft({ id: checkIn.enterpriseId, name: checkIn.enterpriseName }, scanned)
  const stamped: VisitDraft = { ...draft, ...shanghaiDateTime(scanned), kind: 'onsite', checkIn: { token: checkIn.token, scannedAt: checkIn.scannedAt } }
  saveDraft(store, stamped)
  return stamped
}

/** The request the draft makes (validated by the caller with the shared schema). */
export function draftRequest(draft: VisitDraft, attachments: readonly string[]) {
  return {
    enterpriseId: draft.enterpriseId,
    visitedAt: `${draft.date}T${draft.time}:00+08:00`,
    kind: draft.kind as VisitKind,
    met: draft.met,
    topics: draft.topics as VisitTopic[],
    record: draft.record,
    ...(draft.checkIn ? { checkIn: draft.checkIn.token } : {}),
    ...(attachments.length ? { attachments: [...attachments] } : {}),
  }
}

/** The key to send `body` with: the one kept for the same content, or a new one (kept in the draft). */
export function attemptKey(draft: VisitDraft, body: string, newKey: () => string): { draft: VisitDraft; key: string } {
  if (draft.attempt && draft.attempt.body === body) return { draft, key: draft.attempt.key }
  const key = newKey()
  return { draft: { ...draft, attempt: { body, key } }, key }
}

export function toggleTopic(topics: readonly VisitTopic[], topic: VisitTopic): VisitTopic[] {
  return topics.includes(topic) ? topics.filter((t) => t !== topic) : [...topics, topic]
}
