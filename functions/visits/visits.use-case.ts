import { createHash } from 'node:crypto'
import * as z from 'zod'
import { ulid } from 'ulid'
import type { Actor } from '@shared/domain/actor'
import { keepsVisits, mayCheckInAt, mayListVisitsOf, mayRecordVisit, maySeeFlaggedAttachment, maySeeVisit, maySeeVisitDates } from '@shared/domain/policy'
import { checkInProblem, isLaterVisit, newVisit, visitedAtProblem, visitSeen } from '@shared/domain/visits'
import { ForbiddenError, IdempotencyKeyReusedError, NotFoundError, ValidationError } from '@shared/errors'
import type { CheckIn, ListVisitsQuery, RecordVisitRequest, Visit, VisitDetail, VisitSeen } from '@shared/schemas/visit.schema'
import { pageCursor } from '../lib/cursor'
import { readCheckIn, signCheckIn } from '../lib/check-in-token'
import { attachmentView, prepareAttachments } from '../services/attachments'
import { listAppealsOfSource } from '../services/appeal-sources'
import { listAttachments } from '../store/attachment.store'
import { getCard } from '../store/card.store'
import { enterpriseExists, getEnterprise, lastVisitUpdate } from '../store/enterprise.store'
import { transactWrite, WriteConflict } from '../store/transact'
import { getVisit, getVisitIdempotencyRecord, listVisitsOfEnterprise, queryVisitPage, visitWrites } from '../store/visit.store'

const ENTERPRISE_NOT_FOUND = '未找到该企业，或您不负责该企业'
const VISIT_NOT_FOUND = '未找到该走访记录'
const CARD_NOT_FOUND = '联系卡不存在或已失效'
const MAX_ATTEMPTS = 6

export interface RecordResult {
  visit: Visit
  /** False when this key was seen before and the earlier visit is returned. */
  created: boolean
}

export const visitRequestHash = (request: RecordVisitRequest): string =>
  createHash('sha256')
    .update(JSON.stringify([request.enterpriseId, Date.parse(request.visitedAt), request.kind, request.met, request.topics, request.record, request.checkIn ?? null, request.attachments ?? []]))
    .digest('hex')

/**
 * Records a visit exactly once per (caller, Idempotency-Key).
 * Steps: an earlier recording with this key answers at once (422 if the body differs) → the
 * enterprise and the caller's right to work on site for it → the time and the check-in → the
 * photos → one transaction: the visit, the key, the photos and the enterprise's 最近走访 (forward
 * only). Two retries racing: the loser's transaction is cancelled and it returns the winner's visit.
 */
export async function recordVisit(actor: Actor, key: string, request: RecordVisitRequest, now: Date): Promise<RecordResult> {
  const hash = visitRequestHash(request)
  for (let attempt = 1; ; attempt++) {
    const earlier = await getVisitIdempotencyRecord(actor.id, key)
    if (earlier) {
      if (earlier.requestHash !== hash) throw new IdempotencyKeyReusedError()
      const visit = await getVisit(earlier.visitId)
      if (!visit) throw new Error(`idempotency record points at missing visit ${earlier.visitId}`)
      return { visit, created: false }
    }

    const enterprise = await getEnterprise(request.enterpriseId)
    if (!enterprise || !mayRecordVisit(actor, enterprise)) throw new NotFoundError(ENTERPRISE_NOT_FOUND)
    const timeProblem = visitedAtProblem(new Date(request.visitedAt), now)
    if (timeProblem) throw new ValidationError(timeProblem, { visitedAt: timeProblem })
    let checkedInAt: string | undefined
    if (request.checkIn !== undefined) {
      const claims = readCheckIn(request.checkIn)
      const problem = checkInProblem(claims, { enterpriseId: enterprise.id, userId: actor.id }, now)
      if (problem) throw new ValidationError(problem, { checkIn: problem })
      checkedInAt = claims!.scannedAt
    }

    const id = `vi-${ulid(now.getTime()).toLowerCase()}`
    const files = await prepareAttachments(actor, { kind: 'new-visit', enterpriseId: enterprise.id }, request.attachments ?? [], { kind: 'visit', id }, { seq: 1 }, now)
    const visit = newVisit(request, { id, now, actor, enterprise, checkedInAt, attachmentCount: files.attachments.length })
    try {
      await transactWrite([
        ...visitWrites(visit, { userId: actor.id, key, requestHash: hash }),
        ...files.writes,
        isLaterVisit(visit.visitedAt, enterprise.lastVisitAt) ? lastVisitUpdate(enterprise.id, visit.visitedAt) : enterpriseExists(enterprise.id),
      ])
    } catch (error) {
      await files.discard()
      if (!(error instanceof WriteConflict) || attempt >= MAX_ATTEMPTS) throw error
      // A retry with this key is being written, or a later visit moved 最近走访 meanwhile: read again.
      await new Promise((resolve) => setTimeout(resolve, 15 * attempt + Math.random() * 20))
      continue
    }
    await files.settle()
    return { visit, created: true }
  }
}

/** Where the next page of a visit list starts: after this position (`<visitedAt>#<id>`). */
const visitsCursor = pageCursor('visits', z.object({ after: z.string().regex(/^[0-9T:.Z-]{20,30}#vi-[0-9a-z]{26}$/) }))

/**
 * One enterprise's visits (officials who work on site for it), or without an enterprise the
 * caller's own (我的走访), newest first.
 */
export async function listVisits(actor: Actor, query: ListVisitsQuery): Promise<{ items: Visit[]; cursor: string | null }> {
  const limit = query.limit ?? 20
  let of: { enterpriseId: string } | { recordedBy: string }
  if (query.enterpriseId) {
    const enterprise = await getEnterprise(query.enterpriseId)
    if (!enterprise || !mayListVisitsOf(actor, enterprise)) throw new NotFoundError(ENTERPRISE_NOT_FOUND)
    of = { enterpriseId: enterprise.id }
  } else {
    if (!keepsVisits(actor)) throw new ForbiddenError('只有企业服务专员和管理员记录走访')
    of = { recordedBy: actor.id }
  }
  const context = { caller: actor.id, filters: { enterpriseId: query.enterpriseId, limit } }
  const after = visitsCursor.decode(context, query.cursor)?.after
  const page = await queryVisitPage({ of, limit, after })
  return { items: page.items, cursor: page.next ? visitsCursor.encode(context, { after: page.next }) : null }
}

/** A visit record with its photos and the appeals filed from it, for the officials who may read it (404 for anyone else). */
export async function visitDetail(actor: Actor, id: string): Promise<VisitDetail> {
  const visit = await getVisit(id)
  const enterprise = visit ? await getEnterprise(visit.enterpriseId) : undefined
  if (!visit || !enterprise || !maySeeVisit(actor, visit, enterprise)) throw new NotFoundError(VISIT_NOT_FOUND)
  const [appeals, stored] = await Promise.all([listAppealsOfSource({ kind: 'visit', id }), listAttachments({ kind: 'visit', id })])
  const shown = stored.filter((a) => a.check !== 'risky' || maySeeFlaggedAttachment(actor)).sort((a, b) => a.position - b.position)
  const photos = await Promise.all(shown.map(attachmentView))
  return {
    visit,
    appeals: appeals.map((a) => ({ id: a.id, ...(a.number ? { number: a.number } : {}), title: a.title, status: a.status, channel: a.channel })),
    photos: photos.map((p) => ({ id: p.id, fileName: p.fileName, ...(p.url ? { url: p.url } : {}), ...(p.flagged ? { flagged: true } : {}) })),
  }
}

/**
 * An official scanned an enterprise's card on site: the enterprise, and a signed token that
 * stamps the visit recorded with it as checked in at the time of the scan. Anyone who does not
 * work on site for it is refused (403): the card page is theirs as before.
 */
export async function checkIn(actor: Actor, cardId: string, now: Date): Promise<CheckIn> {
  const card = await getCard(cardId)
  const enterprise = card ? await getEnterprise(card.enterpriseId) : undefined
  if (!card || !enterprise) throw new NotFoundError(CARD_NOT_FOUND)
  if (!mayCheckInAt(actor, enterprise)) throw new ForbiddenError('只有负责该企业的专员或管理员可以扫码签到')
  const scannedAt = now.toISOString()
  return {
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    cardId: card.id,
    scannedAt,
    token: signCheckIn({ cardId: card.id, enterpriseId: enterprise.id, userId: actor.id, scannedAt }),
  }
}

export const VISITS_SEEN_LIMIT = 10

/** What an enterprise's staff see of its visits: "专员于 X 月 X 日走访", the latest ten. */
export async function visitsSeen(actor: Actor, enterpriseId: string, now: Date): Promise<{ items: VisitSeen[] }> {
  const enterprise = await getEnterprise(enterpriseId)
  if (!enterprise || !maySeeVisitDates(actor, enterprise)) throw new NotFoundError('未找到该企业，或您尚未绑定该企业')
  const visits = await listVisitsOfEnterprise(enterprise.id, VISITS_SEEN_LIMIT)
  return { items: visits.map((v) => visitSeen(v, now)) }
}
