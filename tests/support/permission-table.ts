import {
  ACTION_TAKERS,
  mayAttachToAppeal,
  maySeeAttachment,
  administeredAreas,
  enterpriseListing,
  invitationAnswer,
  ledgerReach,
  listingScopes,
  mayBindByCard,
  exchangeEventReach,
  mayRecordAtExchangeEvent,
  mayScheduleExchangeEvent,
  maySeeExchangeEvent,
  mayDecideBindingOf,
  mayDecideStaff,
  mayDeleteOwnAccount,
  mayEditRouting,
  mayFileFor,
  mayFileOnBehalf,
  mayWorkForEnterprises,
  mayHandOverPortfolio,
  mayImportRoster,
  mayInviteOfficial,
  mayListAreaRoster,
  mayListSpecialists,
  mayLoadCalendarYear,
  mayOpenBreakdownRow,
  mayPrintAreaCards,
  mayReadDigest,
  mayReadInbox,
  mayReadPersonalData,
  mayReassignEnterprise,
  mayReceiveEnterprise,
  mayReceiveTransfer,
  maySeeAppeal,
  maySeeCoHandlerReplies,
  maySeeEnterprise,
  maySeeExportJob,
  maySeeFilerPhone,
  maySeeInternalNotes,
  maySeeMemberPhone,
  maySeePortfolio,
  maySubscribeTo,
  mayTakeAppealAction,
  mayViewCalendar,
  mayViewReportScope,
  mayWriteInternalNote,
  keepsVisits,
  mayCheckInAt,
  mayListVisitsOf,
  mayRecordVisit,
  maySeeVisit,
  maySeeVisitDates,
  pendingQueueOf,
  specialistRoster,
  supervisionQueueReach,
  returnVisitReach,
  mayCallReturnVisit,
  mayEditUpgradeThresholds,
  mayEnterUpgradeFigures,
  mayMoveUpgradeStage,
  maySeeUpgradeFile,
  mayImportUpgradeFigures,
  upgradeBoardReach,
  upgradeListing,
  deflectionReach,
  mayEditKitEntry,
  mayRecordDeflection,
  maySeeKitEntry,
  maySendPolicyTo,
  policyCoverageReach,
  mayWriteKitEntry,
  mayDraftFaqFromAppeal,
  mayLinkToCommonProblem,
  mayWorkCommonProblem,
  mayWorkCommonProblems,
  type ListingScope,
  type Relation,
  type Subject,
} from '@shared/domain/policy'
import type { Appeal, AppealActionType, CoHandler } from '@shared/schemas/appeal.schema'
import type { CategoryRouting } from '@shared/schemas/catalog.schema'
import type { Role } from '@shared/schemas/common.schema'
import { areaAdmin, cityAdmin, makeAppeal, otherAreaAdmin, otherSpecialist, otherStaff, owner, powerHandler, powerTask, staff, waterHandler } from './fixtures'
import { mayListPendingVisits, mayListVisitRounds, mayOpenVisitRound, mayReadCoverageRow, maySeeVisitRound, visitRoundCoverageReach } from '@shared/domain/policy/visit-rounds'

/*
 * Every permission of Qinshang Direct as a table: object × action × the people of the demo city
 * who stand in each relation to it, with the answer each gets. tests/unit/policy.test.ts asks
 * the policy's predicates (shared/domain/policy) every cell; tests/api/authorisation-matrix.test.ts
 * calls each row's HTTP route as each person on the running stack and checks the same answers
 * there. A row whose question has no route of its own says why instead.
 *
 * The people (xiangtan-demo.json): en-0001 (湖南锦程汽车零部件, industry, 湘潭高新区 xt-hitech) is
 * served by sp-007; appeal A is its staff's power appeal (用电: co-handled by the power company,
 * the development and reform commission, and the industry task force).
 */

export const ACTOR_KEYS = [
  'staff',
  'otherStaff',
  'pendingFiler',
  'owner',
  'otherSpecialist',
  'coHandler',
  'otherHandler',
  'taskForceHandler',
  'areaAdmin',
  'otherAreaAdmin',
  'cityAdmin',
] as const
export type ActorKey = (typeof ACTOR_KEYS)[number]

export interface TableActor {
  who: string
  /** How the API suite signs in: a demo identity, or (the pending member) a new WeChat user who asks to join en-0001 by its card. */
  login: { as: string } | { wechatDevice: string }
  /** What they give when asking to join an enterprise by card (enterprise staff only). */
  contact?: { name: string; phone: string }
  /** The person as the predicates see them in the unit test (the API suite's are the same people, live). */
  subject: Subject
}

/** The pending member's id in the unit test; in the API suite a new WeChat user's. */
const PENDING_ID = 'u-pending-filer'
const taskForceHandler: Subject = { id: 'th-001', role: 'taskforce_handler', taskForceId: 'tf-industry', enterpriseIds: [], pendingEnterpriseIds: [] }

export const ACTORS: Record<ActorKey, TableActor> = {
  staff: { who: 'en-0001 的企业联系人 (approved)', login: { as: 'staff:en-0001' }, contact: { name: '范波艳', phone: '18955066490' }, subject: staff },
  otherStaff: { who: 'another enterprise’s staff (en-0002)', login: { as: 'staff:en-0002' }, contact: { name: '韦琳', phone: '18861046516' }, subject: otherStaff },
  pendingFiler: {
    who: 'a new member of en-0001, not yet approved, who filed appeal P',
    login: { wechatDevice: 'authorisation-matrix-pending' },
    contact: { name: '权限测试员', phone: '' },
    subject: { id: PENDING_ID, role: 'staff', enterpriseIds: [], pendingEnterpriseIds: ['en-0001'] },
  },
  owner: { who: 'sp-007, en-0001’s specialist (owner of A)', login: { as: 'sp-007' }, subject: owner },
  otherSpecialist: { who: 'sp-001, another specialist of xt-hitech', login: { as: 'sp-001' }, subject: otherSpecialist },
  coHandler: { who: 'dh-001, the power company’s handler (co-handles A)', login: { as: 'dh-001' }, subject: powerHandler },
  otherHandler: { who: 'dh-002, the water company’s handler', login: { as: 'dh-002' }, subject: waterHandler },
  taskForceHandler: { who: 'th-001, the industry task force’s handler (co-handles A)', login: { as: 'th-001' }, subject: taskForceHandler },
  areaAdmin: { who: 'ad-xt-hitech, the area’s admin', login: { as: 'ad-xt-hitech' }, subject: areaAdmin },
  otherAreaAdmin: { who: 'ad-yuhu, another area’s admin', login: { as: 'ad-yuhu' }, subject: otherAreaAdmin },
  cityAdmin: { who: 'ad-city, the city admin', login: { as: 'ad-city' }, subject: cityAdmin },
}

/**
 * yes: allowed. hidden: refused, and the object does not exist for them (HTTP 404). forbidden:
 * refused, the object in sight or no object at all (HTTP 403, or the field error a route names).
 * absent: refused by leaving the object out — the route answers them (200) with their own part.
 */
export type Answer = 'yes' | 'hidden' | 'forbidden' | 'absent'

/** The objects of the table as the unit test builds them (the API suite makes the same ones live). */
export interface Objects {
  /** A: filed by en-0001's staff, power, assigned to sp-007, with an internal note and the power company's reply. */
  appeal: Appeal
  /** P: the same, filed by the pending member. */
  pendingAppeal: Appeal
  enterprise: { id: string; areaId: string; specialistId: string | null }
  /** sp-007 as the roster keeps them. */
  specialist: { id: string; role: Role; areaId?: string }
  /** sp-001, who may be given an enterprise. */
  receiver: { id: string; role: Role; areaId?: string }
  /** The pending member's request to join en-0001. */
  joinRequest: { userId: string; enterpriseId: string; areaId: string; specialistId: string }
  cityAdminUser: { id: string; role: Role; areaId?: string }
  /** sp-007's report export. */
  exportJob: { requestedBy: string }
}

const task = (kind: CoHandler['kind'], id: string, name: string): CoHandler => powerTask({ kind, id, name, status: 'open' })
const coHandlers: CoHandler[] = [
  powerTask({ status: 'replied', repliedAt: '2026-11-23T06:00:00.000Z', reply: '已安排勘察' }),
  task('department', 'drc', '市发展改革委'),
  task('taskForce', 'tf-industry', '工业专班'),
]

export const OBJECTS: Objects = {
  appeal: makeAppeal({ coHandlers }),
  pendingAppeal: makeAppeal({ id: 'ap-pending', coHandlers, filedBy: { id: PENDING_ID, name: '权限测试员', role: 'staff' } }),
  enterprise: { id: 'en-0001', areaId: 'xt-hitech', specialistId: 'sp-007' },
  specialist: { id: 'sp-007', role: 'specialist', areaId: 'xt-hitech' },
  receiver: { id: 'sp-001', role: 'specialist', areaId: 'xt-hitech' },
  joinRequest: { userId: PENDING_ID, enterpriseId: 'en-0001', areaId: 'xt-hitech', specialistId: 'sp-007' },
  cityAdminUser: { id: 'ad-city', role: 'city_admin' },
  exportJob: { requestedBy: 'sp-007' },
}

/** Each person's relations to appeal A (DESIGN §3). */
export const APPEAL_A_RELATIONS: Record<ActorKey, Relation[]> = {
  staff: ['staff'],
  otherStaff: [],
  pendingFiler: [],
  owner: ['owner'],
  otherSpecialist: [],
  coHandler: ['coHandler'],
  otherHandler: [],
  taskForceHandler: ['coHandler'],
  areaAdmin: ['areaAdmin'],
  otherAreaAdmin: [],
  cityAdmin: ['cityAdmin'],
}

/** What the API suite made on the running stack, for the routes. */
export interface Live {
  /** A, filed by staff:en-0001 (power), with sp-007's internal note and dh-001's reply. */
  appealId: string
  /** P, filed by the pending member. */
  pendingAppealId: string
  /** A photo the enterprise added to A with a note. */
  attachmentId: string
  /** A document of sp-007's internal note on A. */
  internalAttachmentId: string
  /** A new appeal like A, filed just before the row's calls (rows with `freshAppeal`). */
  freshAppealId: string
  pendingUserId: string
  /** The card of en-0276 (岳塘区), an enterprise no other test uses. */
  remoteCardId: string
  exportJobId: string
  month: string
  powerRouting: CategoryRouting
  rosterCsvBase64: string
}

export interface Route {
  method: 'GET' | 'POST'
  path: (live: Live) => string
  body?: (live: Live, actor: ActorKey) => unknown
  /** POST /api/appeals: a new Idempotency-Key for each call. */
  idempotent?: true
  /** For yes and absent: whether the reply holds the object. */
  shows?: (body: any, live: Live) => boolean
  /** The route refuses a 'forbidden' caller with this field error (400) rather than 403. */
  forbiddenStatus?: 400
  /** Acts on an appeal of its own, filed like A just before, so that what allowed callers change stays in the row. */
  freshAppeal?: true
  /** Undoes what the allowed calls changed, so that the rest of the suite finds the city as it was. */
  undo?: 'rejectRemoteBindings'
}

export interface PermissionRow {
  id: string
  object: string
  action: string
  /** The policy's answer: true for 'yes', false for every refusal. */
  holds: (subject: Subject, o: Objects) => boolean
  /** Where the policy itself tells the refusals apart (404 / 403 / narrowed), its full answer. */
  decides?: (subject: Subject, o: Objects) => Answer
  answers: Record<ActorKey, Answer>
  route: Route | { none: string }
}

type Groups = Partial<Record<Answer, readonly ActorKey[]>>

/** A row's answers, each person named exactly once. */
function answers(groups: Groups): Record<ActorKey, Answer> {
  const out: Partial<Record<ActorKey, Answer>> = {}
  for (const [answer, keys] of Object.entries(groups) as [Answer, readonly ActorKey[]][]) {
    for (const key of keys) {
      if (out[key]) throw new Error(`${key} is named twice`)
      out[key] = answer
    }
  }
  const missing = ACTOR_KEYS.filter((k) => !out[k])
  if (missing.length > 0) throw new Error(`no answer for ${missing.join(', ')}`)
  return out as Record<ActorKey, Answer>
}

const STAFF_SIDE = ['staff', 'otherStaff', 'pendingFiler'] as const
const SPECIALISTS = ['owner', 'otherSpecialist'] as const
const HANDLERS = ['coHandler', 'otherHandler', 'taskForceHandler'] as const
const ADMINS = ['areaAdmin', 'otherAreaAdmin', 'cityAdmin'] as const
const OFFICIALS = [...SPECIALISTS, ...HANDLERS, ...ADMINS] as const
const EVERYONE = ACTOR_KEYS

/** Those who see appeal A, and those who do not. */
const SEE_A = ['staff', 'owner', 'coHandler', 'taskForceHandler', 'areaAdmin', 'cityAdmin'] as const
const NOT_A = EVERYONE.filter((k) => !(SEE_A as readonly string[]).includes(k))
const except = (all: readonly ActorKey[], ...left: ActorKey[]) => all.filter((k) => !left.includes(k))

/** Whether one of a person's lists (ListingScope) holds the appeal: what the store's Query for it returns. */
function listHolds(scope: ListingScope, appeal: Appeal): boolean {
  switch (scope.kind) {
    case 'enterprise':
      return appeal.enterpriseId === scope.enterpriseId
    case 'enterpriseFiler':
      return appeal.enterpriseId === scope.enterpriseId && appeal.filedBy.id === scope.filerId
    case 'owner':
      return appeal.ownerId === scope.ownerId
    case 'coHandler':
      return appeal.coHandlers.some((c) => c.kind === scope.coHandler.kind && c.id === scope.coHandler.id)
    case 'area':
      return appeal.areaId === scope.areaId
    case 'city':
      return true
  }
}

const appealAt = (pick: (live: Live) => string) => (live: Live) => `/api/appeals/${pick(live)}`
const actionsOn = (live: Live) => `/api/appeals/${live.freshAppealId}/actions`

/** The body of each action on a fresh appeal: valid, so that only the permission decides; an allowed caller may still meet a 409 or a field error. */
const ACTION_BODIES: Record<AppealActionType, object> = {
  accept: { type: 'accept' },
  note: { type: 'note', message: '权限矩阵：记录进展' },
  respond: { type: 'respond', outcome: 'resolved', message: '已协调解决。', openTaskReason: '协办单位已口头答复' },
  evaluate: { type: 'evaluate', rating: 'satisfied' },
  withdraw: { type: 'withdraw', reason: '问题已自行解决' },
  'co-handle': { type: 'co-handle', handlers: [{ kind: 'department', id: 'water' }], days: 3, message: '请协助核实供水情况' },
  'accept-task': { type: 'accept-task' },
  'reply-task': { type: 'reply-task', message: '已核实，可以办理' },
  // To its own owner: allowed callers get a field error (该诉求已由这位专员办理) and nothing moves.
  transfer: { type: 'transfer', toSpecialistId: 'sp-007', reason: '权限矩阵转办' },
  escalate: { type: 'escalate', reason: '疑难问题，需要协调' },
  // A date long past: allowed callers get a field error on dueDate and nothing moves.
  extend: { type: 'extend', dueDate: '2000-01-03', reason: '权限矩阵延期' },
  'request-material': { type: 'request-material', message: '请补充用电负荷清单' },
  'supply-material': { type: 'supply-material', message: '已补充负荷清单' },
  // Sets a measure on the fresh appeal: nothing any later row reads.
  'set-measure': { type: 'set-measure', measure: { text: '协调供电公司加快线路施工', unit: '国网湘潭供电公司', dueDate: '2099-12-31' } },
  // The fresh appeal is neither responded nor closed: allowed callers get 409 and nothing moves.
  'call-evaluate': { type: 'call-evaluate', rating: 'satisfied' },
  reopen: { type: 'reopen', reason: '回访中企业表示问题未解决' },
}

/** Who takes each action on A (ACTION_TAKERS by relation, as people); everyone else who sees A is refused with 403. */
const TAKERS: Record<AppealActionType, readonly ActorKey[]> = {
  accept: ['owner'],
  note: SEE_A,
  respond: ['owner'],
  evaluate: ['staff'],
  withdraw: ['staff'],
  'co-handle': ['owner', 'areaAdmin', 'cityAdmin'],
  'accept-task': ['coHandler', 'taskForceHandler'],
  'reply-task': ['coHandler', 'taskForceHandler'],
  transfer: ['owner', 'areaAdmin', 'cityAdmin'],
  escalate: ['owner', 'areaAdmin', 'cityAdmin'],
  extend: ['areaAdmin', 'cityAdmin'],
  'request-material': ['owner'],
  'supply-material': ['staff'],
  'set-measure': ['owner', 'areaAdmin', 'cityAdmin'],
  'call-evaluate': ['owner', 'areaAdmin', 'cityAdmin'],
  reopen: ['areaAdmin', 'cityAdmin'],
}

const actionRow = (type: AppealActionType): PermissionRow => ({
  id: `appeal.action.${type}`,
  object: 'an appeal like A',
  action: `${type} (POST /api/appeals/{id}/actions)`,
  holds: (s, o) => mayTakeAppealAction(s, o.appeal, type),
  answers: answers({ yes: TAKERS[type], forbidden: SEE_A.filter((k) => !TAKERS[type].includes(k)), hidden: NOT_A }),
  route: { method: 'POST', path: actionsOn, body: () => ACTION_BODIES[type], freshAppeal: true },
})

const reportRoute = (scope: string): Route => ({ method: 'GET', path: (live) => `/api/reports/monthly?scope=${scope}&month=${live.month}` })
const subscribeRoute = (templateId: string): Route => ({
  method: 'POST',
  path: () => '/api/subscriptions',
  // A refusal counts no message: the answer changes nobody's budget.
  body: () => ({ results: { [templateId]: 'reject' } }),
  forbiddenStatus: 400,
})

const APPEAL_ROWS: PermissionRow[] = [
  {
    id: 'appeal.see',
    object: 'appeal A',
    action: 'see it (its detail and timeline)',
    holds: (s, o) => maySeeAppeal(s, o.appeal),
    answers: answers({ yes: SEE_A, hidden: NOT_A }),
    route: { method: 'GET', path: appealAt((l) => l.appealId) },
  },
  {
    id: 'appeal.list',
    object: 'appeal A',
    action: 'find it in their list of appeals',
    holds: (s, o) => listingScopes(s).some((scope) => listHolds(scope, o.appeal)),
    answers: answers({ yes: SEE_A, absent: NOT_A }),
    route: { method: 'GET', path: () => '/api/appeals?limit=50', shows: (body, live) => body.items.some((a: { id: string }) => a.id === live.appealId) },
  },
  {
    id: 'appeal.see-pending-filing',
    object: 'appeal P, filed by the pending member',
    action: 'see it',
    holds: (s, o) => maySeeAppeal(s, o.pendingAppeal),
    answers: answers({ yes: [...SEE_A, 'pendingFiler'], hidden: ['otherStaff', 'otherSpecialist', 'otherHandler', 'otherAreaAdmin'] }),
    route: { method: 'GET', path: appealAt((l) => l.pendingAppealId) },
  },
  {
    id: 'appeal.file',
    object: 'enterprise en-0001',
    action: 'file an appeal for it',
    holds: (s) => mayFileFor(s, 'en-0001'),
    answers: answers({ yes: ['staff', 'pendingFiler'], hidden: except(EVERYONE, 'staff', 'pendingFiler') }),
    route: {
      method: 'POST',
      path: () => '/api/appeals',
      idempotent: true,
      body: () => ({ enterpriseId: 'en-0001', categoryId: 'water', title: '厂区供水压力不足', description: '高峰时段供水压力不足，影响生产' }),
    },
  },
  {
    id: 'appeal.file-on-behalf',
    object: 'enterprise en-0001',
    action: 'file an appeal for it by phone (专员代提, onBehalf)',
    holds: (s, o) => mayWorkForEnterprises(s) && mayFileOnBehalf(s, o.enterprise),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], forbidden: [...STAFF_SIDE, ...HANDLERS], hidden: ['otherSpecialist', 'otherAreaAdmin'] }),
    route: {
      method: 'POST',
      path: () => '/api/appeals',
      idempotent: true,
      body: () => ({ enterpriseId: 'en-0001', categoryId: 'water', title: '电话反映供水压力不足', description: '企业来电：高峰时段供水压力不足，影响生产', onBehalf: { channel: 'phone' } }),
    },
  },
  {
    id: 'appeal.internal-notes',
    object: 'the internal notes on A',
    action: 'read them',
    holds: (s, o) => maySeeAppeal(s, o.appeal) && maySeeInternalNotes(s),
    answers: answers({ yes: except([...SEE_A], 'staff'), absent: ['staff'], hidden: NOT_A }),
    route: { method: 'GET', path: appealAt((l) => l.appealId), shows: (body) => body.events.some((e: { internal?: boolean }) => e.internal === true) },
  },
  {
    id: 'appeal.co-handler-replies',
    object: 'the co-handlers’ replies on A',
    action: 'read them',
    holds: (s, o) => maySeeAppeal(s, o.appeal) && maySeeCoHandlerReplies(s),
    answers: answers({ yes: except([...SEE_A], 'staff'), absent: ['staff'], hidden: NOT_A }),
    route: { method: 'GET', path: appealAt((l) => l.appealId), shows: (body) => body.appeal.coHandlers.some((c: { reply?: string }) => c.reply !== undefined) },
  },
  {
    id: 'appeal.write-internal-note',
    object: 'an appeal like A',
    action: 'note internally (only officials read it)',
    holds: (s, o) => mayTakeAppealAction(s, o.appeal, 'note') && mayWriteInternalNote(s),
    answers: answers({ yes: except([...SEE_A], 'staff'), forbidden: ['staff'], hidden: NOT_A }),
    route: { method: 'POST', path: actionsOn, body: () => ({ type: 'note', message: '内部：已电话沟通', internal: true }), freshAppeal: true, forbiddenStatus: 400 },
  },
  ...(Object.keys(ACTION_TAKERS) as AppealActionType[]).map(actionRow),
  {
    id: 'appeal.transfer-candidates',
    object: 'appeal A',
    action: 'list whom it may be transferred to',
    holds: (s, o) => maySeeAppeal(s, o.appeal) && mayTakeAppealAction(s, o.appeal, 'transfer'),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'owner', 'areaAdmin', 'cityAdmin') }),
    route: { method: 'GET', path: (live) => `/api/appeals/${live.appealId}/transfer-candidates` },
  },
  {
    id: 'appeal.receive-transfer',
    object: 'appeal A (xt-hitech)',
    action: 'receive it by transfer (be a candidate)',
    holds: (s, o) => mayReceiveTransfer(o.appeal, s),
    answers: answers({ yes: SPECIALISTS, forbidden: except(EVERYONE, ...SPECIALISTS) }),
    route: { none: 'the person is the transfer’s target, not its caller: GET …/transfer-candidates lists them, a transfer to anyone else is a 400 on toSpecialistId (tests/integration/co-handling.test.ts)' },
  },
  {
    id: 'attachment.upload',
    object: 'appeal A',
    action: 'get a form to upload a file for it (a note, an answer, a reply, material)',
    holds: (s, o) => maySeeAppeal(s, o.appeal) && mayAttachToAppeal(s, o.appeal),
    answers: answers({ yes: SEE_A, hidden: NOT_A }),
    route: {
      method: 'POST',
      path: () => '/api/attachments/uploads',
      body: (live) => ({ target: { kind: 'appeal', id: live.appealId }, fileName: '现场.png', size: 1024, contentType: 'image/png' }),
    },
  },
  {
    id: 'attachment.see',
    object: 'a photo filed with appeal A',
    action: 'see it and get its link',
    holds: (s, o) => maySeeAttachment(s, o.appeal, { check: 'pass' }),
    answers: answers({ yes: SEE_A, hidden: NOT_A }),
    route: { method: 'GET', path: (live) => `/api/appeals/${live.appealId}/attachments/${live.attachmentId}` },
  },
  {
    id: 'attachment.see-internal',
    object: 'a file of an internal note on appeal A',
    action: 'see it and get its link',
    holds: (s, o) => maySeeAttachment(s, o.appeal, { check: 'none', internal: true }),
    answers: answers({ yes: except(SEE_A, 'staff'), hidden: [...NOT_A, 'staff'] }),
    route: { method: 'GET', path: (live) => `/api/appeals/${live.appealId}/attachments/${live.internalAttachmentId}` },
  },
  {
    id: 'attachment.see-flagged',
    object: 'a photo of appeal A that WeChat judged risky',
    action: 'see it (marked) and get its link',
    holds: (s, o) => maySeeAttachment(s, o.appeal, { check: 'risky' }),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { none: 'the verdict comes from WeChat’s media check: tests/api/attachments.test.ts has the stand-in flag one, tests/integration/attachments.test.ts asks each person' },
  },
]

const ENTERPRISE_ROWS: PermissionRow[] = [
  {
    id: 'enterprise.see',
    object: 'enterprise en-0001',
    action: 'see its people (企业成员)',
    holds: (s, o) => maySeeEnterprise(s, o.enterprise),
    answers: answers({ yes: ['staff', 'owner', 'areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'staff', 'owner', 'areaAdmin', 'cityAdmin') }),
    route: { method: 'GET', path: () => '/api/enterprises/en-0001/staff' },
  },
  {
    id: 'binding.decide',
    object: 'the pending member’s request to join en-0001',
    action: 'decide it (approve, reject, revoke)',
    holds: (s, o) => mayDecideStaff(s, o.enterprise),
    answers: answers({ yes: ['staff', 'owner', 'areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'staff', 'owner', 'areaAdmin', 'cityAdmin') }),
    // Revoking a request not yet approved: allowed callers get 409 and the request stays pending.
    route: { method: 'POST', path: (live) => `/api/enterprises/en-0001/staff/${live.pendingUserId}`, body: () => ({ decision: 'revoke' }) },
  },
  {
    id: 'binding.decide-own',
    object: 'en-0001’s staff member’s own membership',
    action: 'decide it',
    holds: (s, o) => mayDecideStaff(s, o.enterprise) && mayDecideBindingOf(s, ACTORS.staff.subject.id),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], forbidden: ['staff'], hidden: except(EVERYONE, 'staff', 'owner', 'areaAdmin', 'cityAdmin') }),
    // Approving a membership already approved: allowed callers get 409 and it stays as it is.
    route: { method: 'POST', path: () => '/api/enterprises/en-0001/staff/staff-en-0001', body: () => ({ decision: 'approve' }) },
  },
  {
    id: 'binding.pending-queue',
    object: 'the pending member’s request to join en-0001',
    action: 'find it among the join requests waiting for them',
    holds: (s, o) => {
      const queue = pendingQueueOf(s)
      if (queue?.kind === 'portfolio') return queue.specialistId === o.joinRequest.specialistId
      return queue?.kind === 'area' && queue.areaId === o.joinRequest.areaId
    },
    answers: answers({ yes: ['owner', 'areaAdmin'], absent: except(EVERYONE, 'owner', 'areaAdmin') }),
    route: {
      method: 'GET',
      path: () => '/api/staff-requests',
      shows: (body, live) => body.items.some((m: { userId: string; enterpriseId: string }) => m.userId === live.pendingUserId && m.enterpriseId === 'en-0001'),
    },
  },
  {
    id: 'binding.bind-by-card',
    object: 'the contact card of en-0276',
    action: 'ask to join its enterprise',
    holds: (s) => mayBindByCard(s),
    answers: answers({ yes: STAFF_SIDE, forbidden: OFFICIALS }),
    route: {
      method: 'POST',
      path: (live) => `/api/cards/${live.remoteCardId}/bind`,
      body: (_live, actor) => ACTORS[actor].contact ?? { name: '工作人员', phone: '' },
      undo: 'rejectRemoteBindings',
    },
  },
  {
    id: 'enterprise.list-roster',
    object: 'xt-hitech’s roster of enterprises (en-0003, served by sp-004)',
    action: 'list it (企业名册)',
    holds: (s) => mayListAreaRoster(s, 'xt-hitech'),
    decides: (s) => {
      const listing = enterpriseListing(s, { areaId: 'xt-hitech' })
      if (listing.kind === 'area') return listing.areaId === 'xt-hitech' ? 'yes' : 'absent'
      return listing.kind === 'asked' ? 'yes' : listing.kind === 'portfolio' ? 'absent' : listing.kind === 'hidden' ? 'hidden' : 'forbidden'
    },
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], hidden: ['otherAreaAdmin'], absent: SPECIALISTS, forbidden: [...STAFF_SIDE, ...HANDLERS] }),
    route: { method: 'GET', path: () => '/api/enterprises?areaId=xt-hitech&limit=100', shows: (body) => body.items.some((e: { id: string }) => e.id === 'en-0003') },
  },
  {
    id: 'enterprise.list-portfolio',
    object: 'sp-007’s portfolio (en-0001)',
    action: 'list it (我服务的企业)',
    holds: (s, o) => maySeePortfolio(s, o.specialist),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], hidden: ['otherSpecialist'], absent: ['otherAreaAdmin'], forbidden: [...STAFF_SIDE, ...HANDLERS] }),
    route: { method: 'GET', path: () => '/api/enterprises?specialistId=sp-007&limit=100', shows: (body) => body.items.some((e: { id: string }) => e.id === 'en-0001') },
  },
  {
    id: 'enterprise.reassign',
    object: 'enterprise en-0001',
    action: 'move it to another specialist (调整专员)',
    holds: (s, o) => mayReassignEnterprise(s, o.enterprise),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    // To the specialist it has: allowed callers get a field error (该企业已由这位专员负责) and nothing moves.
    route: { method: 'POST', path: () => '/api/enterprises/en-0001/reassign', body: () => ({ specialistId: 'sp-007', reason: '权限矩阵调整' }) },
  },
  {
    id: 'enterprise.receive',
    object: 'sp-001 (xt-hitech)',
    action: 'give them an enterprise (as the one who moves it)',
    holds: (s, o) => mayReceiveEnterprise(s, o.receiver),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { none: 'refused as a 400 on specialistId of a move the caller may make (another area’s admin moving their own enterprise); tests/integration/reassignment.test.ts' },
  },
  {
    id: 'roster.import',
    object: 'a roster file (dry run)',
    action: 'import it (名册导入)',
    holds: (s) => mayImportRoster(s),
    answers: answers({ yes: ADMINS, forbidden: [...STAFF_SIDE, ...SPECIALISTS, ...HANDLERS] }),
    route: { method: 'POST', path: () => '/api/roster/import', body: (live) => ({ fileName: '企业服务专员名册.csv', contentBase64: live.rosterCsvBase64, dryRun: true }) },
  },
  {
    id: 'roster.import-area',
    object: 'xt-hitech’s rows of a roster file',
    action: 'change them by an import',
    holds: (s) => {
      const areas = administeredAreas(s)
      return areas === 'all' || areas.includes('xt-hitech')
    },
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { none: 'rows of an area the caller does not administer are planned as invalid rows of a 200 answer (tests/integration/roster-import.test.ts)' },
  },
]

const INVITATION_ANSWERS = { allowed: 'yes', hidden: 'hidden', forbidden: 'forbidden' } as const satisfies Record<string, Answer>

const PEOPLE_AND_OFFICE_ROWS: PermissionRow[] = [
  {
    id: 'specialists.list',
    object: 'xt-hitech’s specialists (专员名册)',
    action: 'list them',
    holds: (s) => mayListSpecialists(s, 'xt-hitech'),
    decides: (s) => {
      const roster = specialistRoster(s, 'xt-hitech')
      return roster.kind === 'area' ? 'yes' : roster.kind
    },
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], hidden: ['otherAreaAdmin'], forbidden: [...STAFF_SIDE, ...SPECIALISTS, ...HANDLERS] }),
    route: { method: 'GET', path: () => '/api/specialists?areaId=xt-hitech' },
  },
  {
    id: 'specialists.handover',
    object: 'sp-007’s whole portfolio',
    action: 'hand it over to another specialist',
    holds: (s, o) => mayHandOverPortfolio(s, o.specialist),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    // To themself: allowed callers get a field error (不能移交给本人) and nothing moves.
    route: { method: 'POST', path: () => '/api/specialists/sp-007/handover', body: () => ({ toSpecialistId: 'sp-007', reason: '权限矩阵移交' }) },
  },
  {
    id: 'invitation.specialist',
    object: 'sp-007’s account',
    action: 'issue a login invitation for it',
    holds: (s, o) => mayInviteOfficial(s, o.specialist),
    decides: (s, o) => INVITATION_ANSWERS[invitationAnswer(s, o.specialist)],
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { method: 'POST', path: () => '/api/users/sp-007/invitation' },
  },
  {
    id: 'invitation.city-admin',
    object: 'ad-city’s account',
    action: 'issue a login invitation for it',
    holds: (s, o) => mayInviteOfficial(s, o.cityAdminUser),
    answers: answers({ yes: ['cityAdmin'], hidden: except(EVERYONE, 'cityAdmin') }),
    route: { method: 'POST', path: () => '/api/users/ad-city/invitation' },
  },
  {
    id: 'invitation.staff',
    object: 'en-0001’s staff member',
    action: 'issue a login invitation for them',
    holds: (s) => mayInviteOfficial(s, { role: 'staff' }),
    answers: answers({ hidden: EVERYONE }),
    route: { none: 'the route takes officials’ ids only (sp-, dh-, th-, ad-): a staff id is a 400 on the path before anyone is asked' },
  },
  {
    id: 'cards.print',
    object: 'xt-hitech’s contact cards',
    action: 'print them (打印联系卡)',
    holds: (s) => mayPrintAreaCards(s, 'xt-hitech'),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { method: 'GET', path: () => '/api/areas/xt-hitech/cards' },
  },
  {
    id: 'calendar.view',
    object: 'the working calendar',
    action: 'see where each year’s working days come from',
    holds: (s) => mayViewCalendar(s),
    answers: answers({ yes: OFFICIALS, forbidden: STAFF_SIDE }),
    route: { method: 'GET', path: () => '/api/calendar/years' },
  },
  {
    id: 'calendar.load-year',
    object: 'the working calendar of 2099',
    action: 'load the year’s official schedule',
    holds: (s) => mayLoadCalendarYear(s),
    answers: answers({ yes: ['cityAdmin'], forbidden: except(EVERYONE, 'cityAdmin') }),
    // A year no appeal of the suite reaches, whatever day it runs: nothing is recounted.
    route: { method: 'POST', path: () => '/api/calendar/years', body: () => ({ year: 2099, holidays: ['2099-01-01'], workdays: [] }) },
  },
  {
    id: 'routing.edit',
    object: 'the routing table’s row of 用电 (power)',
    action: 'edit it',
    holds: (s) => mayEditRouting(s),
    answers: answers({ yes: ['cityAdmin'], forbidden: except(EVERYONE, 'cityAdmin') }),
    // The row as it is: the city admin's edit changes nothing but the audit trail.
    route: { method: 'POST', path: () => '/api/catalog/categories/power/routing', body: (live) => live.powerRouting },
  },
  {
    id: 'routing.history',
    object: 'the routing table’s audit trail',
    action: 'read it',
    holds: (s) => mayEditRouting(s),
    answers: answers({ yes: ['cityAdmin'], forbidden: except(EVERYONE, 'cityAdmin') }),
    route: { method: 'GET', path: () => '/api/catalog/routing-changes' },
  },
]

const REPORT_ROWS: PermissionRow[] = [
  {
    id: 'report.city',
    object: 'the city’s monthly report',
    action: 'see it',
    holds: (s) => mayViewReportScope(s, { kind: 'city', id: '' }),
    answers: answers({ yes: ['cityAdmin'], forbidden: except(EVERYONE, 'cityAdmin') }),
    route: reportRoute('city'),
  },
  {
    id: 'report.area',
    object: 'xt-hitech’s monthly report',
    action: 'see it',
    holds: (s) => mayViewReportScope(s, { kind: 'area', id: 'xt-hitech' }),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: reportRoute('area:xt-hitech'),
  },
  {
    id: 'report.department',
    object: 'the power company’s monthly report',
    action: 'see it',
    holds: (s) => mayViewReportScope(s, { kind: 'department', id: 'power' }),
    answers: answers({ yes: ['cityAdmin'], forbidden: except(EVERYONE, 'cityAdmin') }),
    route: reportRoute('department:power'),
  },
  {
    id: 'report.specialist',
    object: 'sp-007’s monthly report (their portfolio)',
    action: 'see it',
    holds: (s, o) => mayViewReportScope(s, { kind: 'specialist', id: o.specialist.id, areaId: o.specialist.areaId }),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'owner', 'areaAdmin', 'cityAdmin') }),
    route: reportRoute('specialist:sp-007'),
  },
  {
    id: 'report.scopes',
    object: 'xt-hitech’s report',
    action: 'find it among the scopes the dashboard offers',
    holds: (s) => mayViewReportScope(s, { kind: 'area', id: 'xt-hitech' }),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], absent: [...SPECIALISTS, 'otherAreaAdmin'], forbidden: [...STAFF_SIDE, ...HANDLERS] }),
    route: { method: 'GET', path: () => '/api/reports/scopes', shows: (body) => body.scopes.some((scope: { key: string }) => scope.key === 'area:xt-hitech') },
  },
  {
    id: 'report.export',
    object: 'sp-007’s monthly report',
    action: 'export it (CSV)',
    holds: (s, o) => mayViewReportScope(s, { kind: 'specialist', id: o.specialist.id, areaId: o.specialist.areaId }),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'owner', 'areaAdmin', 'cityAdmin') }),
    route: { method: 'POST', path: () => '/api/reports/exports', body: (live) => ({ scope: 'specialist:sp-007', month: live.month, format: 'csv' }) },
  },
  {
    id: 'report.drill-specialists',
    object: 'the specialists’ rows of a report’s breakdown',
    action: 'open a row’s own report',
    holds: (s) => mayOpenBreakdownRow(s, 'specialist'),
    answers: answers({ yes: ADMINS, forbidden: [...STAFF_SIDE, ...SPECIALISTS, ...HANDLERS] }),
    route: { none: 'links the mini-program draws; opening one asks GET /api/reports/monthly for the row’s scope (rows report.* above)' },
  },
  {
    id: 'report.drill-areas',
    object: 'the areas’ and co-handling units’ rows of a report’s breakdown',
    action: 'open a row’s own report',
    holds: (s) => mayOpenBreakdownRow(s, 'area') && mayOpenBreakdownRow(s, 'unit'),
    answers: answers({ yes: ['cityAdmin'], forbidden: except(EVERYONE, 'cityAdmin') }),
    route: { none: 'links the mini-program draws; opening one asks GET /api/reports/monthly for the row’s scope (rows report.* above)' },
  },
  {
    id: 'export.see',
    object: 'sp-007’s export job',
    action: 'follow it and download the file',
    holds: (s, o) => maySeeExportJob(s, o.exportJob),
    answers: answers({ yes: ['owner'], hidden: except(EVERYONE, 'owner') }),
    route: { method: 'GET', path: (live) => `/api/reports/exports/${live.exportJobId}` },
  },
]

const SUPERVISION_ROWS: PermissionRow[] = [
  {
    id: 'supervision.queue-area',
    object: 'xt-hitech’s supervision queue',
    action: 'read it',
    holds: (s) => supervisionQueueReach(s, 'xt-hitech').kind === 'area',
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { method: 'GET', path: () => '/api/supervision/queue?areaId=xt-hitech' },
  },
  {
    id: 'supervision.queue-city',
    object: 'the city’s supervision queue',
    action: 'read it',
    holds: (s) => supervisionQueueReach(s, undefined).kind === 'city',
    answers: answers({ yes: ['cityAdmin'], absent: ['areaAdmin', 'otherAreaAdmin'], forbidden: [...STAFF_SIDE, ...SPECIALISTS, ...HANDLERS] }),
    route: { method: 'GET', path: () => '/api/supervision/queue', shows: (body) => body.scope.kind === 'city' },
  },
  {
    id: 'supervision.digests-area',
    object: 'xt-hitech’s weekly digests',
    action: 'read them',
    holds: (s) => mayReadDigest(s, 'xt-hitech'),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { method: 'GET', path: () => '/api/supervision/digests?areaId=xt-hitech' },
  },
  {
    id: 'supervision.digest-city',
    object: 'the city’s weekly digest',
    action: 'read it',
    holds: (s) => mayReadDigest(s, null),
    answers: answers({ yes: ['cityAdmin'], forbidden: except(EVERYONE, 'cityAdmin') }),
    route: { none: 'digests are made on Mondays by a scheduled Lambda with no route: in the API suite’s city none exists, so GET /api/supervision/digests/{week} is a 404 for the city admin too (tests/integration/supervision.test.ts reads them)' },
  },
  {
    id: 'inbox.read',
    object: 'sp-007’s inbox (消息中心)',
    action: 'read it',
    holds: (s) => mayReadInbox(s, 'sp-007'),
    answers: answers({ yes: ['owner'], absent: except(EVERYONE, 'owner') }),
    route: { none: 'every inbox route reads the caller’s own inbox, keyed by the caller’s id: another’s cannot be named' },
  },
  {
    id: 'subscribe.digest',
    object: 'the 督办周报生成通知 template (digest)',
    action: 'subscribe to it',
    holds: (s) => maySubscribeTo(s, 'digest'),
    answers: answers({ yes: ADMINS, forbidden: [...STAFF_SIDE, ...SPECIALISTS, ...HANDLERS] }),
    route: subscribeRoute('local-tpl-digest'),
  },
  {
    id: 'subscribe.progress',
    object: 'the 诉求办理进度通知 template (progress)',
    action: 'subscribe to it',
    holds: (s) => maySubscribeTo(s, 'progress'),
    answers: answers({ yes: STAFF_SIDE, forbidden: OFFICIALS }),
    route: subscribeRoute('local-tpl-progress'),
  },
  {
    id: 'subscribe.task',
    object: 'the 待办事项提醒 template (task)',
    action: 'subscribe to it',
    holds: (s) => maySubscribeTo(s, 'task'),
    answers: answers({ yes: OFFICIALS, forbidden: STAFF_SIDE }),
    route: subscribeRoute('local-tpl-task'),
  },
]

/** Personal data (用户隐私保护指引): full phone numbers, one's own data, deleting one's account. */
const PRIVACY_ROWS: PermissionRow[] = [
  {
    id: 'privacy.filer-phone',
    object: 'the phone of A’s filer (staff:en-0001)',
    action: 'read it in full and call them (masked 189****6490 otherwise)',
    holds: (s, o) => maySeeAppeal(s, o.appeal) && maySeeFilerPhone(s, o.appeal),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], absent: ['staff', 'coHandler', 'taskForceHandler'], hidden: NOT_A }),
    route: {
      method: 'GET',
      path: appealAt((l) => l.appealId),
      shows: (body) => body.filer?.phoneMasked === false && /^1\d{10}$/.test(body.filer.phone),
    },
  },
  {
    id: 'privacy.member-phone',
    object: 'the phone a member of en-0001 gave when asking to join',
    action: 'read it in full in the enterprise’s people (masked otherwise)',
    holds: (s, o) => maySeeEnterprise(s, o.enterprise) && maySeeMemberPhone(s, o.enterprise),
    answers: answers({
      yes: ['owner', 'areaAdmin', 'cityAdmin'],
      absent: ['staff'],
      hidden: ['otherStaff', 'pendingFiler', 'otherSpecialist', ...HANDLERS, 'otherAreaAdmin'],
    }),
    route: { none: 'the suite’s members of en-0001 gave no phone when joining; tests/api/privacy.test.ts joins with one and reads the list as each caller' },
  },
  {
    id: 'privacy.own-data',
    object: 'the caller’s own personal data',
    action: 'read it (我的个人信息: profile, bindings, consents, appeals filed)',
    holds: (s) => mayReadPersonalData(s, s.id),
    answers: answers({ yes: EVERYONE }),
    route: { method: 'GET', path: () => '/api/me/data' },
  },
  {
    id: 'privacy.delete-account',
    object: 'the caller’s own account',
    action: 'delete it (注销账号)',
    holds: (s) => mayDeleteOwnAccount(s),
    answers: answers({ yes: STAFF_SIDE, forbidden: OFFICIALS }),
    route: { none: 'DELETE /api/me cannot be undone: tests/api/privacy.test.ts deletes accounts of its own and checks that every official is refused with 403' },
  },
]

/** Visits (走访) and check-in by the card. */
/** A visit to en-0001 recorded by its specialist sp-007 (the API suite's is made live in tests/api/visits.test.ts). */
const VISIT_OF_EN1 = { specialistId: 'sp-007', by: { id: 'sp-007' } }
const ON_SITE_FOR_EN1 = ['owner', 'areaAdmin', 'cityAdmin'] as const
const NOT_ON_SITE_FOR_EN1 = EVERYONE.filter((k) => !(ON_SITE_FOR_EN1 as readonly string[]).includes(k))
const VISITS_TEST = 'tests/api/visits.test.ts'

const VISIT_ROWS: PermissionRow[] = [
  {
    id: 'visit.record',
    object: 'en-0001 (a visit to it)',
    action: 'record a visit (记录走访)',
    holds: (s, o) => mayRecordVisit(s, o.enterprise),
    answers: answers({ yes: ON_SITE_FOR_EN1, hidden: NOT_ON_SITE_FOR_EN1 }),
    route: {
      method: 'POST',
      path: () => '/api/visits',
      // A time long past: allowed callers get a field error on visitedAt and nothing is written.
      body: () => ({ enterpriseId: 'en-0001', visitedAt: '2000-01-03T02:00:00.000Z', kind: 'onsite', met: '总经理张总', topics: ['production'], record: '权限矩阵：走访记录' }),
      idempotent: true,
    },
  },
  {
    id: 'visit.check-in',
    object: 'en-0001’s contact card',
    action: 'check in on site by scanning it (扫码签到)',
    holds: (s, o) => mayCheckInAt(s, o.enterprise),
    answers: answers({ yes: ON_SITE_FOR_EN1, forbidden: NOT_ON_SITE_FOR_EN1 }),
    route: { none: `the shared Live objects hold no card of en-0001: ${VISITS_TEST} scans its card as each person and checks 200 / 403` },
  },
  {
    id: 'visit.list-of-enterprise',
    object: 'en-0001’s visit records',
    action: 'list them (GET /api/visits?enterpriseId)',
    holds: (s, o) => mayListVisitsOf(s, o.enterprise),
    answers: answers({ yes: ON_SITE_FOR_EN1, hidden: NOT_ON_SITE_FOR_EN1 }),
    route: { method: 'GET', path: () => '/api/visits?enterpriseId=en-0001' },
  },
  {
    id: 'visit.list-own',
    object: 'the caller’s own visit records (我的走访)',
    action: 'list them',
    holds: (s) => keepsVisits(s),
    answers: answers({ yes: [...SPECIALISTS, ...ADMINS], forbidden: [...STAFF_SIDE, ...HANDLERS] }),
    route: { method: 'GET', path: () => '/api/visits' },
  },
  {
    id: 'visit.read',
    object: 'a visit record of en-0001 made by sp-007',
    action: 'read it, its photos and the appeals filed from it',
    holds: (s, o) => maySeeVisit(s, VISIT_OF_EN1, o.enterprise),
    answers: answers({ yes: ON_SITE_FOR_EN1, hidden: NOT_ON_SITE_FOR_EN1 }),
    route: { none: `the shared Live objects hold no visit: ${VISITS_TEST} records one and reads it as each person (200 / 404)` },
  },
  {
    id: 'visit.dates',
    object: 'the dates en-0001 was visited',
    action: 'read the lines 专员于 X 月 X 日走访',
    holds: (s, o) => maySeeVisitDates(s, o.enterprise),
    answers: answers({ yes: ['staff', ...ON_SITE_FOR_EN1], hidden: except(NOT_ON_SITE_FOR_EN1, 'staff') }),
    route: { method: 'GET', path: () => '/api/enterprises/en-0001/visits-seen' },
  },
]

/** Visit rounds (走访轮次) and their coverage. */
const VISIT_ROUND_BODY = (areaId: string | null) => ({ name: '权限测试走访轮次', areaId, from: '2026-01-05', to: '2026-03-31', selection: { kind: 'above' }, target: 1 })
/** A round of xt-hitech (en-0001's area), as the coverage rows ask about it. */
const HITECH_ROUND = { areaId: 'xt-hitech' }
/** The answer to a coverage row: the round not there at all, the row shown, or the caller's own part without it. */
const coverageAnswer = (s: Subject, row: Parameters<typeof mayReadCoverageRow>[2]): Answer =>
  visitRoundCoverageReach(s, HITECH_ROUND).kind === 'none' ? 'hidden' : mayReadCoverageRow(s, HITECH_ROUND, row) ? 'yes' : 'absent'
const HITECH_AREA_ROW = { kind: 'area', id: 'xt-hitech', areaId: 'xt-hitech' } as const
const SP007_ROW = { kind: 'specialist', id: 'sp-007', areaId: 'xt-hitech' } as const
const COVERAGE_BY_API = 'a round has no object in the shared Live set: tests/api/visit-rounds.test.ts opens one of xt-hitech and calls GET /api/visit-rounds/{id}/coverage as each person of the table'

const VISIT_ROUND_ROWS: PermissionRow[] = [
  {
    id: 'visit-round.open-area',
    object: 'a visit round of xt-hitech',
    action: 'open it',
    holds: (s) => mayOpenVisitRound(s, 'xt-hitech'),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { method: 'POST', path: () => '/api/visit-rounds', body: () => VISIT_ROUND_BODY('xt-hitech') },
  },
  {
    id: 'visit-round.open-city',
    object: 'a city-wide visit round',
    action: 'open it',
    holds: (s) => mayOpenVisitRound(s, null),
    answers: answers({ yes: ['cityAdmin'], forbidden: except(EVERYONE, 'cityAdmin') }),
    route: { method: 'POST', path: () => '/api/visit-rounds', body: () => VISIT_ROUND_BODY(null) },
  },
  {
    id: 'visit-round.see-area-round',
    object: 'the visit round of xt-hitech (opened by the row above)',
    action: 'find it in the list of rounds',
    holds: (s) => mayListVisitRounds(s) && maySeeVisitRound(s, HITECH_ROUND),
    answers: answers({ yes: [...SPECIALISTS, 'areaAdmin', 'cityAdmin'], absent: ['otherAreaAdmin'], forbidden: [...STAFF_SIDE, ...HANDLERS] }),
    route: { method: 'GET', path: () => '/api/visit-rounds', shows: (body) => body.items.some((r: { areaId: string | null; name: string }) => r.areaId === 'xt-hitech' && r.name === '权限测试走访轮次') },
  },
  {
    id: 'visit-round.coverage-area',
    object: 'xt-hitech’s row of its round’s coverage',
    action: 'read it',
    holds: (s) => coverageAnswer(s, HITECH_AREA_ROW) === 'yes',
    decides: (s) => coverageAnswer(s, HITECH_AREA_ROW),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], absent: SPECIALISTS, hidden: [...STAFF_SIDE, ...HANDLERS, 'otherAreaAdmin'] }),
    route: { none: COVERAGE_BY_API },
  },
  {
    id: 'visit-round.coverage-specialist',
    object: 'sp-007’s row of an xt-hitech round’s coverage (and their enterprises not yet visited)',
    action: 'read it',
    holds: (s) => coverageAnswer(s, SP007_ROW) === 'yes',
    decides: (s) => coverageAnswer(s, SP007_ROW),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], absent: ['otherSpecialist'], hidden: [...STAFF_SIDE, ...HANDLERS, 'otherAreaAdmin'] }),
    route: { none: COVERAGE_BY_API },
  },
  {
    id: 'visit-round.pending',
    object: 'one’s own enterprises not yet visited in the running rounds (本轮待走访)',
    action: 'list them',
    holds: (s) => mayListPendingVisits(s),
    answers: answers({ yes: SPECIALISTS, forbidden: except(EVERYONE, ...SPECIALISTS) }),
    route: { method: 'GET', path: () => '/api/visit-rounds/pending' },
  },
]

/** Exchange days (政企交流主题日) and the problems raised there. */
const EVENT_ROUTE = { none: 'the matrix’s Live objects hold no exchange day: tests/api/exchange-events.test.ts calls it as each person' }
/** An exchange day of xt-hitech as its form is sent; areaId null for a city-level one. */
const eventForm = (areaId: string | null) => ({
  title: '权限矩阵交流日',
  series: '权限矩阵交流日',
  date: '2026-11-23',
  time: '19:30',
  place: '园区管委会三楼会议室',
  hosts: ['园区党工委书记'],
  departmentIds: ['power'],
  areaId,
  invited: { kind: 'filter', scales: ['above'] },
})
const XT_EVENT = { areaId: 'xt-hitech' }
const CITY_EVENT = { areaId: null }
const EXCHANGE_EVENT_ROWS: PermissionRow[] = [
  {
    id: 'event.schedule-area',
    object: 'an exchange day of xt-hitech (POST /api/events)',
    action: 'schedule it',
    holds: (s) => mayScheduleExchangeEvent(s, 'xt-hitech'),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { method: 'POST', path: () => '/api/events', body: () => eventForm('xt-hitech') },
  },
  {
    id: 'event.schedule-city',
    object: 'a city-level exchange day (areaId null)',
    action: 'schedule it',
    holds: (s) => mayScheduleExchangeEvent(s, null),
    answers: answers({ yes: ['cityAdmin'], forbidden: except(EVERYONE, 'cityAdmin') }),
    route: { method: 'POST', path: () => '/api/events', body: () => eventForm(null) },
  },
  {
    id: 'event.list-area',
    object: 'xt-hitech’s exchange days (GET /api/events?areaId=xt-hitech)',
    action: 'list them',
    holds: (s) => exchangeEventReach(s, 'xt-hitech').kind === 'area',
    answers: answers({ yes: [...SPECIALISTS, 'areaAdmin', 'cityAdmin'], forbidden: [...STAFF_SIDE, ...HANDLERS, 'otherAreaAdmin'] }),
    route: { method: 'GET', path: () => '/api/events?areaId=xt-hitech' },
  },
  {
    id: 'event.see-area',
    object: 'an exchange day of xt-hitech (GET /api/events/{id})',
    action: 'open its page: tallies and problems',
    holds: (s) => maySeeExchangeEvent(s, XT_EVENT),
    answers: answers({ yes: [...SPECIALISTS, 'areaAdmin', 'cityAdmin'], hidden: [...STAFF_SIDE, ...HANDLERS, 'otherAreaAdmin'] }),
    route: EVENT_ROUTE,
  },
  {
    id: 'event.see-city',
    object: 'a city-level exchange day',
    action: 'open its page',
    holds: (s) => maySeeExchangeEvent(s, CITY_EVENT),
    answers: answers({ yes: [...SPECIALISTS, ...ADMINS], hidden: [...STAFF_SIDE, ...HANDLERS] }),
    route: EVENT_ROUTE,
  },
  {
    id: 'event.record',
    object: 'a problem of en-0001 raised at an exchange day of xt-hitech (POST /api/appeals, onBehalf event)',
    action: 'record it',
    holds: (s, o) => mayRecordAtExchangeEvent(s, XT_EVENT, o.enterprise),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], forbidden: [...STAFF_SIDE, ...HANDLERS], hidden: ['otherSpecialist', 'otherAreaAdmin'] }),
    route: EVENT_ROUTE,
  },
]

/** Return visits (回访): the monthly sample and its calls. */
const RETURN_VISIT_ROWS: PermissionRow[] = [
  {
    id: 'returnVisits.list-area',
    object: 'xt-hitech’s return visits of the month (回访清单)',
    action: 'read them',
    holds: (s) => returnVisitReach(s, 'xt-hitech').kind === 'area',
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { method: 'GET', path: (live) => `/api/return-visits?month=${live.month}&areaId=xt-hitech`, shows: (body) => body.scope.areaId === 'xt-hitech' },
  },
  {
    id: 'returnVisits.summary-city',
    object: 'the city’s 回访满意率 and inconsistent visits',
    action: 'read them',
    holds: (s) => returnVisitReach(s, undefined).kind === 'city',
    answers: answers({ yes: ['cityAdmin'], absent: ['areaAdmin', 'otherAreaAdmin'], forbidden: [...STAFF_SIDE, ...SPECIALISTS, ...HANDLERS] }),
    route: { method: 'GET', path: (live) => `/api/return-visits/summary?month=${live.month}`, shows: (body) => body.scope.kind === 'city' },
  },
  {
    id: 'returnVisits.draw-area',
    object: 'xt-hitech’s sample of a month (回访抽样)',
    action: 'draw it',
    holds: (s) => returnVisitReach(s, 'xt-hitech').kind === 'area',
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    // Drawing xt-hitech's sample of the month keeps it; no other test reads that area's return visits.
    route: { method: 'POST', path: () => '/api/return-visits/samples', body: (live) => ({ month: live.month, areaId: 'xt-hitech', percent: 10, minPerArea: 1 }) },
  },
  {
    id: 'returnVisits.call',
    object: 'a return visit of an appeal of xt-hitech',
    action: 'read it and record a call',
    holds: (s) => mayCallReturnVisit(s, { areaId: 'xt-hitech' }),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { none: 'the shared objects hold no sample: tests/api/return-visits.test.ts calls GET and POST …/attempts as each person' },
  },
]

/** The problem ledger (问题台账). */
const LEDGER_ROWS: PermissionRow[] = [
  {
    id: 'ledger.area',
    object: 'xt-hitech’s problem ledger',
    action: 'read it',
    holds: (s) => ledgerReach(s, 'xt-hitech').kind === 'area',
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { method: 'GET', path: () => '/api/ledger?areaId=xt-hitech', shows: (body) => body.scope.kind === 'area' && body.scope.areaId === 'xt-hitech' },
  },
  {
    id: 'ledger.city',
    object: 'the city’s problem ledger',
    action: 'read it',
    holds: (s) => ledgerReach(s, undefined).kind === 'city',
    // Admins of an area and specialists are answered with their own ledger: the area's, the problems they hold.
    answers: answers({ yes: ['cityAdmin'], absent: ['areaAdmin', 'otherAreaAdmin', ...SPECIALISTS], forbidden: [...STAFF_SIDE, ...HANDLERS] }),
    route: { method: 'GET', path: () => '/api/ledger', shows: (body) => body.scope.kind === 'city' },
  },
  {
    id: 'ledger.export-area',
    object: 'xt-hitech’s problem ledger',
    action: 'export it',
    holds: (s) => ledgerReach(s, 'xt-hitech').kind === 'area',
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    // Withdrawn problems only: a small job, made in the background and kept by its requester alone.
    route: { method: 'POST', path: () => '/api/ledger/exports', body: () => ({ areaId: 'xt-hitech', status: ['withdrawn'] }) },
  },
]

/** The upgrade pipeline (升规入统): figures, stages, boards. */
const UPGRADE_ROWS: PermissionRow[] = [
  {
    id: 'upgrade.file-read',
    object: 'en-0001’s upgrade file (figures, projection, stage)',
    action: 'read it',
    holds: (s, o) => maySeeUpgradeFile(s, o.enterprise),
    answers: answers({ yes: ['staff', 'owner', 'areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'staff', 'owner', 'areaAdmin', 'cityAdmin') }),
    route: { method: 'GET', path: () => '/api/upgrade/enterprises/en-0001', shows: (body) => body.enterprise?.id === 'en-0001' },
  },
  {
    id: 'upgrade.figure-enter',
    object: 'en-0001’s monthly figures',
    action: 'enter or correct a month',
    holds: (s, o) => mayEnterUpgradeFigures(s, o.enterprise),
    answers: answers({ yes: ['staff', 'owner', 'areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'staff', 'owner', 'areaAdmin', 'cityAdmin') }),
    route: {
      method: 'POST',
      path: () => '/api/upgrade/enterprises/en-0001/figures',
      body: (live) => ({ month: live.month, revenueYtd: 2600, employees: 120 }),
    },
  },
  {
    id: 'upgrade.stage-move',
    object: 'en-0001’s upgrade stage and sector line',
    action: 'move or change it',
    holds: (s, o) => mayMoveUpgradeStage(s, o.enterprise),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], forbidden: ['staff'], hidden: except(EVERYONE, 'staff', 'owner', 'areaAdmin', 'cityAdmin') }),
    route: {
      method: 'POST',
      path: () => '/api/upgrade/enterprises/en-0001/actions',
      // Each allowed caller names a line of its own, so that every call is a change (the same line again is a 409).
      body: (_live, actor) => ({ type: 'set-sector', sector: ({ owner: 'wholesale', areaAdmin: 'retail', cityAdmin: 'catering' } as Record<string, string>)[actor] ?? 'services-a' }),
    },
  },
  {
    id: 'upgrade.thresholds-edit',
    object: 'the thresholds of the statistics (规上门槛)',
    action: 'change one',
    holds: (s) => mayEditUpgradeThresholds(s),
    answers: answers({ yes: ['cityAdmin'], forbidden: except(EVERYONE, 'cityAdmin') }),
    route: { method: 'POST', path: () => '/api/upgrade/thresholds', body: () => ({ sector: 'services-c', revenue: 500, source: '国家统计局规模以上服务业统计标准（复核）' }) },
  },
  {
    id: 'upgrade.board-area',
    object: 'xt-hitech’s upgrade board',
    action: 'read it',
    holds: (s) => upgradeBoardReach(s, 'xt-hitech').kind === 'area',
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { method: 'GET', path: () => '/api/upgrade/board?areaId=xt-hitech' },
  },
  {
    id: 'upgrade.board-city',
    object: 'the city’s upgrade board',
    action: 'read it',
    holds: (s) => upgradeBoardReach(s, undefined).kind === 'city',
    answers: answers({ yes: ['cityAdmin'], absent: ['areaAdmin', 'otherAreaAdmin'], forbidden: [...STAFF_SIDE, ...SPECIALISTS, ...HANDLERS] }),
    route: { method: 'GET', path: () => '/api/upgrade/board', shows: (body) => body.scope.kind === 'city' },
  },
  {
    id: 'upgrade.list-portfolio',
    object: 'sp-007’s upgrade list (升规培育清单)',
    action: 'read it',
    holds: (s) => {
      const listing = upgradeListing(s, { specialistId: 'sp-007' })
      return listing.kind === 'portfolio' && listing.specialistId === 'sp-007' && (listing.areaId === undefined || listing.areaId === 'xt-hitech')
    },
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], hidden: ['otherSpecialist'], absent: ['otherAreaAdmin'], forbidden: [...STAFF_SIDE, ...HANDLERS] }),
    // en-0026 is sp-007's near-scale enterprise: on every list of sp-007's part of the pipeline.
    route: { method: 'GET', path: () => '/api/upgrade/enterprises?specialistId=sp-007', shows: (body) => body.items.some((i: { enterpriseId: string }) => i.enterpriseId === 'en-0026') },
  },  {
    id: 'upgrade.figures-import',
    object: 'a park’s monthly figures file (XLSX import)',
    action: 'preview or import it (rows held to the admin’s areas)',
    holds: (s) => mayImportUpgradeFigures(s),
    answers: answers({ yes: ['areaAdmin', 'otherAreaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'areaAdmin', 'otherAreaAdmin', 'cityAdmin') }),
    route: { none: 'the file is built per call: tests/api/upgrade-import.test.ts calls POST /api/upgrade/figures/import as each person' },
  },
]

/** The specialist's kit: policy documents, the FAQ handbook, deflections. */
const KIT_DRAFT = { status: 'draft', ownerAreaId: null }
const KIT_AREA_DRAFT = { status: 'draft', ownerAreaId: 'xt-hitech' }
const KIT_POLICY_BODY = {
  title: '权限矩阵测试政策',
  issuer: '湘潭市工业和信息化局',
  categoryId: 'power',
  issuedOn: '2026-11-01',
  effectiveOn: '2026-11-01',
  keyPoints: ['仅用于权限测试'],
  howToApply: '无需申报',
  phone: '0731-58200000',
}
const KIT_ROWS: PermissionRow[] = [
  {
    id: 'kit.policy-write',
    object: 'a new policy document (政策)',
    action: 'write it as a draft (POST /api/policies)',
    holds: (s) => mayWriteKitEntry(s),
    answers: answers({ yes: ['areaAdmin', 'otherAreaAdmin', 'cityAdmin'], forbidden: [...STAFF_SIDE, ...SPECIALISTS, ...HANDLERS] }),
    route: { method: 'POST', path: () => '/api/policies', body: () => KIT_POLICY_BODY },
  },
  {
    id: 'kit.policy-draft-see',
    object: 'a draft policy of the city office',
    action: 'see it',
    holds: (s) => maySeeKitEntry(s, KIT_DRAFT),
    answers: answers({ yes: ['cityAdmin'], hidden: except(EVERYONE, 'cityAdmin') }),
    route: { none: 'a draft exists only once an admin wrote it: tests/api/kit.test.ts reads one as each person' },
  },
  {
    id: 'kit.policy-area-draft-edit',
    object: 'a draft policy of xt-hitech',
    action: 'edit, publish, withdraw or expire it',
    holds: (s) => mayEditKitEntry(s, KIT_AREA_DRAFT),
    decides: (s) => (mayEditKitEntry(s, KIT_AREA_DRAFT) ? 'yes' : maySeeKitEntry(s, KIT_AREA_DRAFT) ? 'forbidden' : 'hidden'),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'areaAdmin', 'cityAdmin') }),
    route: { none: 'tests/api/kit.test.ts has xt-hitech’s admin write one and acts on it as each person' },
  },
  {
    id: 'kit.policy-published-see',
    object: 'a published policy',
    action: 'see it (GET /api/policies/{id}, its code, the search)',
    holds: (s) => maySeeKitEntry(s, { status: 'published', ownerAreaId: 'xt-hitech' }),
    answers: answers({ yes: EVERYONE }),
    route: { none: 'tests/api/kit.test.ts publishes one and reads it as each person' },
  },
  {
    id: 'kit.deflection-record',
    object: 'a published FAQ entry read while filing',
    action: 'say 已解决，不再提交 (POST /api/kit/deflections)',
    holds: (s) => mayRecordDeflection(s),
    answers: answers({ yes: STAFF_SIDE, forbidden: OFFICIALS }),
    route: { none: 'needs a published entry: tests/api/kit.test.ts calls it as each person but the pending member (who would add a join request to en-0001)' },
  },
  {
    id: 'kit.deflections-city',
    object: 'the city’s deflection rate (知识库拦截率)',
    action: 'read it',
    holds: (s) => deflectionReach(s, undefined).kind === 'city',
    answers: answers({ yes: ['cityAdmin'], absent: ['areaAdmin', 'otherAreaAdmin'], forbidden: [...STAFF_SIDE, ...SPECIALISTS, ...HANDLERS] }),
    route: { method: 'GET', path: (live) => `/api/kit/deflections?month=${live.month}`, shows: (body) => body.scope === 'city' },
  },
  {
    id: 'kit.deflections-area',
    object: 'xt-hitech’s deflection rate',
    action: 'read it',
    holds: (s) => deflectionReach(s, 'xt-hitech').kind === 'area',
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], hidden: ['otherAreaAdmin'], forbidden: [...STAFF_SIDE, ...SPECIALISTS, ...HANDLERS] }),
    route: { method: 'GET', path: (live) => `/api/kit/deflections?month=${live.month}&areaId=xt-hitech`, shows: (body) => body.scope === 'area:xt-hitech' },
  },
  {
    id: 'kit.policy-send',
    object: 'en-0001, for a published policy (送政策)',
    action: 'send the policy to it (POST /api/policies/{id}/deliveries)',
    holds: (s, o) => maySendPolicyTo(s, o.enterprise),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], forbidden: except(EVERYONE, 'owner', 'areaAdmin', 'cityAdmin') }),
    route: { none: 'needs a published policy: tests/api/kit-delivery.test.ts publishes one and sends it to en-0001 as each person' },
  },
  {
    id: 'kit.policy-coverage-area',
    object: 'a published policy’s coverage in xt-hitech (送达情况)',
    action: 'read it (GET /api/policies/{id}/coverage?areaId=xt-hitech)',
    holds: (s) => policyCoverageReach(s, 'xt-hitech').kind === 'area',
    decides: (s) => {
      const reach = policyCoverageReach(s, 'xt-hitech')
      return reach.kind === 'area' ? 'yes' : reach.kind === 'refused' && reach.why === 'other_area' ? 'hidden' : 'forbidden'
    },
    answers: answers({ yes: ['owner', 'otherSpecialist', 'areaAdmin', 'cityAdmin'], hidden: ['otherAreaAdmin'], forbidden: [...STAFF_SIDE, ...HANDLERS] }),
    route: { none: 'needs a published policy: tests/api/kit-delivery.test.ts reads its coverage as each person' },
  },
  {
    id: 'kit.policy-import',
    object: 'a policies file (政策批量导入, XLSX)',
    action: 'preview or import it as drafts (POST /api/policies/import)',
    holds: (s) => mayWriteKitEntry(s),
    answers: answers({ yes: ['areaAdmin', 'otherAreaAdmin', 'cityAdmin'], forbidden: [...STAFF_SIDE, ...SPECIALISTS, ...HANDLERS] }),
    route: { none: 'the file is built per call: tests/api/kit-delivery.test.ts previews one as each person' },
  },
  {
    id: 'kit.faq-from-appeal',
    object: 'a closed appeal like A, answered and evaluated',
    action: '起草常见问答 from its answer (POST /api/faq/from-appeal)',
    holds: (s, o) => mayDraftFaqFromAppeal(s, o.appeal),
    decides: (s, o) => (!maySeeAppeal(s, o.appeal) ? 'hidden' : mayDraftFaqFromAppeal(s, o.appeal) ? 'yes' : 'forbidden'),
    answers: answers({ yes: ['areaAdmin', 'cityAdmin'], forbidden: ['staff', 'owner', 'coHandler', 'taskForceHandler'], hidden: NOT_A }),
    route: { none: 'A must be closed first: tests/api/kit-faq-draft.test.ts closes appeals like A and calls it as each person but the pending member (who would add a join request to en-0001)' },
  },
]


/** Common problems (共性问题). */
const COMMON_PROBLEM_ROWS: PermissionRow[] = [
  {
    id: 'commonProblems.similar',
    object: 'appeal A',
    action: 'find open appeals like it, and link it into a common problem',
    holds: (s, o) => mayLinkToCommonProblem(s, o.appeal),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], forbidden: ['staff', 'coHandler', 'taskForceHandler'], hidden: NOT_A }),
    route: { method: 'GET', path: (live) => `/api/appeals/${live.appealId}/similar`, shows: (body) => Array.isArray(body.items) },
  },
  {
    id: 'commonProblems.list',
    object: 'the common problems one works',
    action: 'list them',
    holds: (s) => mayWorkCommonProblems(s),
    answers: answers({ yes: [...SPECIALISTS, ...ADMINS], forbidden: [...STAFF_SIDE, ...HANDLERS] }),
    route: { method: 'GET', path: () => '/api/common-problems', shows: (body) => Array.isArray(body.items) },
  },
  {
    id: 'commonProblems.work',
    object: 'a common problem of xt-hitech held by sp-007',
    action: 'read it and work it (note, measure, answer, link, unlink)',
    holds: (s) => mayWorkCommonProblem(s, { areaId: 'xt-hitech', holder: { id: 'sp-007', name: '徐慧萍', role: 'specialist' } }),
    answers: answers({ yes: ['owner', 'areaAdmin', 'cityAdmin'], hidden: except(EVERYONE, 'owner', 'areaAdmin', 'cityAdmin') }),
    route: { none: 'the shared objects hold no common problem: tests/api/common-problems.test.ts makes one and reads it as each person' },
  },
]
export const PERMISSION_TABLE: readonly PermissionRow[] = [
  ...APPEAL_ROWS,
  ...ENTERPRISE_ROWS,
  ...PEOPLE_AND_OFFICE_ROWS,
  ...REPORT_ROWS,
  ...SUPERVISION_ROWS,
  ...PRIVACY_ROWS,
  ...VISIT_ROWS,
  ...VISIT_ROUND_ROWS,
  ...EXCHANGE_EVENT_ROWS,
  ...RETURN_VISIT_ROWS,
  ...LEDGER_ROWS,
  ...UPGRADE_ROWS,
  ...KIT_ROWS,
  ...COMMON_PROBLEM_ROWS,
]

export const hasRoute = (row: PermissionRow): row is PermissionRow & { route: Route } => !('none' in row.route)
