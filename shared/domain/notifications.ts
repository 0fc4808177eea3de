import type { Appeal, AppealEvent, CoHandler, CoHandlerKind } from '../schemas/appeal.schema'
import type { NotificationKind, TemplateKey } from '../schemas/notification.schema'
import type { DigestSummary } from '../schemas/supervision.schema'
import { LEVEL_LABEL, OUTCOME_LABEL, RATING_LABEL } from '../labels'
import { monthDayLabel } from './calendar'
import { monthLabel } from './report-month'
import { joinSentences } from './text'
import { filedByEnterprise } from './policy'

/*
 * Who hears about what (DESIGN §9), decided here and nowhere else. Pure: the caller resolves the
 * groups named by `audienceOf` to user ids, and writes the drafts in the same transaction as the
 * change that caused them.
 */

/** A department or task force whose handlers hear about its co-handling tasks. */
export interface UnitRef {
  kind: CoHandlerKind
  id: string
}
export const unitKey = (unit: UnitRef): string => `${unit.kind}:${unit.id}`

/** Whom a notice is for, before the directory turns groups into people. */
export type Target =
  | { to: 'user'; userId: string }
  | { to: 'areaAdmins'; areaId: string }
  | { to: 'cityAdmins' }
  | { to: 'unit'; unit: UnitRef }
  /** The enterprise's approved staff: they hear of what an official filed for them. */
  | { to: 'enterpriseStaff'; enterpriseId: string }

/**
 * What a subscribe-message template may show. `appealTitle` and `comment` are written by the
 * enterprise and go through WeChat's content check before they are pushed; the rest is ours or
 * an official's.
 */
export interface NotificationFacts {
  /** When it happened (ISO). */
  at: string
  appealTitle?: string
  /** The appeal's number (诉求编号). */
  appealNumber?: string
  /** Who wrote the enterprise's words (the filer): WeChat's content check asks for their openid. */
  authorId?: string
  enterpriseName?: string
  /** A status word of at most five Chinese characters: 新诉求, 即将到期, 已受理… */
  phrase?: string
  /** The deadline that matters to the recipient (ISO). */
  deadline?: string
  note?: string
  comment?: string
  scopeName?: string
  week?: string
  overdue?: number
  escalated?: number
}

/** One notification for one person, ready to be written to their inbox. */
export interface NotificationDraft {
  recipientId: string
  kind: NotificationKind
  title: string
  body: string
  /** The mini-program page that acts on it. */
  page: string
  appealId?: string
  facts: NotificationFacts
}

/** A notice before its target is resolved to people. */
export interface Notice {
  target: Target
  kind: NotificationKind
  title: string
  body: string
  facts: NotificationFacts
}

/** The directory lookups a set of notices needs. */
export interface Audience {
  areaAdmins: string[]
  cityAdmins: boolean
  units: UnitRef[]
  enterprises: string[]
}

/** The people behind each group: admins by area, the city's admins, handlers by unit key. */
export interface Recipients {
  areaAdmins: Readonly<Record<string, readonly string[]>>
  cityAdmins: readonly string[]
  units: Readonly<Record<string, readonly string[]>>
  /** Approved staff by enterprise id; absent when no notice named the enterprise. */
  enterpriseStaff?: Readonly<Record<string, readonly string[]>>
}

export const NO_RECIPIENTS: Recipients = { areaAdmins: {}, cityAdmins: [], units: {} }

/** The change an action or the sweep made to an appeal; `before` is null for a submission. */
export interface AppealChange {
  before: Appeal | null
  after: Appeal
  event: AppealEvent
}

/** Which template carries each kind; several kinds share one so that users tick fewer boxes. */
export const KIND_TEMPLATE: Record<NotificationKind, TemplateKey> = {
  new_appeal: 'task',
  co_handle_task: 'task',
  transferred: 'task',
  escalated: 'task',
  due_soon: 'deadline',
  overdue: 'deadline',
  evaluated: 'evaluation',
  accepted: 'progress',
  filed_on_behalf: 'progress',
  // 送政策: the policy's title where an appeal's would be, 新政策 as the progress word.
  policy_sent: 'progress',
  responded: 'progress',
  material_requested: 'progress',
  deadline_extended: 'progress',
  digest_ready: 'digest',
  // The report template of admins (who make most exports): a finished export is a report ready.
  export_ready: 'digest',
}

export const appealPage = (appealId: string) => `packages/appeal/detail/index?id=${appealId}`
export const digestPage = (week: string, areaId: string | null) =>
  `packages/supervision/digest/index?week=${week}${areaId ? `&areaId=${encodeURIComponent(areaId)}` : ''}`
export const policyPage = (policyId: string) => `packages/kit/policy/index?id=${policyId}`
export const exportsPage = (jobId: string) => `packages/report/exports/index?id=${jobId}`

/** Inbox bodies stay short: the page they open has the whole story. */
const BODY_MAX = 120
const clip = (text: string) => {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length <= BODY_MAX ? chars.join('') : `${chars.slice(0, BODY_MAX - 1).join('')}…`
}

const user = (userId: string): Target => ({ to: 'user', userId })
/** The owner, or the area's admins while the appeal waits in the duty queue. */
const holder = (a: Appeal): Target => (a.ownerId ? user(a.ownerId) : { to: 'areaAdmins', areaId: a.areaId })
/** The supervisors of a level: 1 the area's admins, 2 the city's. */
const supervisorsOf = (a: Appeal): Target | null => (a.level === 1 ? { to: 'areaAdmins', areaId: a.areaId } : a.level === 2 ? { to: 'cityAdmins' } : null)
/**
 * Who hears of the appeal's progress on the enterprise's side: the member who filed it; for an
 * appeal an official filed on the enterprise's behalf (专员代提), its approved staff (the official
 * needs no news of their own work).
 */
const filer = (a: Appeal): Target | null => {
  if (!filedByEnterprise(a)) return { to: 'enterpriseStaff', enterpriseId: a.enterpriseId }
  return a.filerRejected ? null : user(a.filedBy.id)
}

/** The notices one change to an appeal causes, before the groups are resolved. */
export function appealNotices({ before, after, event }: AppealChange): Notice[] {
  const a = after
  const about = `${a.enterpriseName}：${a.title}`
  const base = { appealTitle: a.title, appealNumber: a.number, authorId: a.filedBy.id, enterpriseName: a.enterpriseName, at: event.at }
  const notices: Notice[] = []
  const add = (target: Target | null, kind: NotificationKind, title: string, body: string, facts: Partial<NotificationFacts>) => {
    if (target) notices.push({ target, kind, title, body: clip(body), facts: { ...base, ...facts } })
  }
  const task = (c: CoHandler) =>
    add({ to: 'unit', unit: { kind: c.kind, id: c.id } }, 'co_handle_task', '新的协办任务', joinSentences([about, `请于${monthDayLabel(c.dueAt)}前回复协办意见`, c.request && `协办事项：${c.request}`]), {
      phrase: '协办任务',
      deadline: c.dueAt,
      note: c.request ?? `请${c.name}协办`,
    })
  const escalation = (title: string) => {
    const why = a.escalation?.cause === 'reopen' ? '企业对答复不满意' : (a.escalation?.reason ?? '')
    add(supervisorsOf(a), 'escalated', title, joinSentences([about, why && `原因：${why}`]), { phrase: '提级督办', deadline: a.dueAt, note: why || LEVEL_LABEL[a.level] })
  }
  const raised = before !== null && a.level > before.level

  switch (event.type) {
    case 'submit':
      if (a.ownerId) add(user(a.ownerId), 'new_appeal', '新诉求待受理', joinSentences([about, `请于${monthDayLabel(a.firstResponseDueAt)}前受理`]), { phrase: '新诉求', deadline: a.firstResponseDueAt, note: '请及时受理' })
      else add(holder(a), 'new_appeal', '新诉求待分派', joinSentences([about, '该企业暂无专员，诉求在待分派队列']), { phrase: '待分派', deadline: a.firstResponseDueAt, note: '请指定专员办理' })
      a.coHandlers.forEach(task)
      if (!filedByEnterprise(a)) {
        add(filer(a), 'filed_on_behalf', '专员为您代提了诉求', joinSentences([`${a.filedBy.name}为贵企业登记了「${a.title}」`, '可在小程序中查看进展并评价']), {
          phrase: '专员代提',
          deadline: a.dueAt,
          note: `${a.filedBy.name}代为提交，办理后请评价`,
        })
      }
      break
    case 'co_handle':
      // The tasks this event asked for: new ones, and replied ones asked again.
      a.coHandlers.filter((c) => c.status === 'open' && c.requestedAt === event.at).forEach(task)
      break
    case 'transfer':
      if (a.ownerId) add(user(a.ownerId), 'transferred', '诉求转交给您办理', joinSentences([about, event.message]), { phrase: '转办', deadline: a.dueAt, note: '请及时办理' })
      break
    case 'escalate':
      escalation(`诉求提级至${LEVEL_LABEL[a.level]}`)
      if (a.ownerId) add(user(a.ownerId), 'escalated', '您办理的诉求已提级督办', joinSentences([about, event.message]), { phrase: '提级督办', deadline: a.dueAt, note: LEVEL_LABEL[a.level] })
      break
    case 'overdue': {
      const kind = event.data?.kind === 'first_response' ? '首次响应时限' : '办理时限'
      const dueAt = String(event.data?.dueAt ?? a.dueAt)
      const lifted = raised ? `，已提级至${LEVEL_LABEL[a.level]}` : ''
      add(holder(a), 'overdue', '诉求已超期', joinSentences([about, `已超过${kind}（${monthDayLabel(dueAt)}）${lifted}`]), { phrase: '已超期', deadline: dueAt, note: `超过${kind}${lifted}` })
      if (raised) {
        add(supervisorsOf(a), 'overdue', `超期诉求提级至${LEVEL_LABEL[a.level]}`, joinSentences([about, `已超过${kind}（${monthDayLabel(dueAt)}），请督办`]), {
          phrase: '已超期',
          deadline: dueAt,
          note: `超期自动提级至${LEVEL_LABEL[a.level]}`,
        })
      }
      break
    }
    case 'due_soon':
      add(holder(a), 'due_soon', '诉求即将到期', joinSentences([about, `办理时限为${monthDayLabel(a.dueAt)}，请抓紧办理`]), { phrase: '即将到期', deadline: a.dueAt, note: '距办理时限不足一个工作日' })
      break
    case 'evaluate':
    case 'call_evaluate':
    case 'reopen': {
      const evaluation = a.evaluation
      if (!evaluation) break
      const rating = RATING_LABEL[evaluation.rating]
      const reopened = event.type === 'reopen' && `诉求已重新办理并提级至${LEVEL_LABEL[a.level]}`
      const said = evaluation.comment ? `评价：${evaluation.comment}` : '未填写评价内容'
      add(a.ownerId ? user(a.ownerId) : null, 'evaluated', `企业评价：${rating}`, joinSentences([about, said, reopened]), {
        phrase: rating,
        // The comment is the evaluator's words, who may not be the filer.
        ...(evaluation.comment ? { comment: evaluation.comment, authorId: event.actor.id } : {}),
      })
      if (raised) escalation(`不满意诉求提级至${LEVEL_LABEL[a.level]}`)
      break
    }
    case 'office_reopen':
      escalation(`重新办理的诉求提级至${LEVEL_LABEL[a.level]}`)
      if (a.ownerId) add(user(a.ownerId), 'escalated', '诉求需重新办理', joinSentences([about, event.message]), { phrase: '重新办理', deadline: a.dueAt, note: LEVEL_LABEL[a.level] })
      break
    case 'accept':
      add(filer(a), 'accepted', '诉求已受理', `您提交的「${a.title}」已由${a.ownerName ?? '专员'}受理`, { phrase: '已受理', note: `${a.ownerName ?? '专员'}已受理，正在办理` })
      break
    case 'respond': {
      const outcome = a.response ? OUTCOME_LABEL[a.response.outcome] : '已答复'
      add(filer(a), 'responded', `诉求已答复（${outcome}）`, joinSentences([`「${a.title}」：${a.response?.message ?? ''}`, '请查看并评价']), { phrase: '已答复', note: `${outcome}，请查看并评价` })
      break
    }
    case 'request_material':
      add(filer(a), 'material_requested', '请补充材料', `「${a.title}」需补充：${a.awaitingMaterial?.message ?? ''}`, { phrase: '待补充材料', note: a.awaitingMaterial?.message ?? '请补充材料' })
      break
    case 'extend':
      add(filer(a), 'deadline_extended', '办理时限已延长', `「${a.title}」办理时限延长至${monthDayLabel(a.dueAt)}`, { phrase: '已延期', deadline: a.dueAt, note: `办理时限延长至${monthDayLabel(a.dueAt)}` })
      break
    default:
      break
  }
  return notices
}

/** The Monday digest of a scope is ready: its admins hear about it. */
export function digestNotices(digest: DigestSummary): Notice[] {
  const { scope, week, totals } = digest
  const target: Target = scope.areaId ? { to: 'areaAdmins', areaId: scope.areaId } : { to: 'cityAdmins' }
  const body = `${scope.name}本周：超期 ${totals.overdue} 件，提级 ${totals.escalated} 件，本周到期 ${totals.dueThisWeek} 件，不满意 ${totals.unsatisfied} 件`
  return [
    {
      target,
      kind: 'digest_ready',
      title: '督办周报已生成',
      body,
      facts: {
        at: digest.generatedAt,
        scopeName: `${scope.name}督办周报`,
        week,
        overdue: totals.overdue,
        escalated: totals.escalated,
        note: `本周到期 ${totals.dueThisWeek} 件，不满意 ${totals.unsatisfied} 件`,
      },
    },
  ]
}

/** The groups the notices name: what the directory must look up before they can be drafted. */
export function audienceOf(notices: readonly Notice[]): Audience {
  const audience: Audience = { areaAdmins: [], cityAdmins: false, units: [], enterprises: [] }
  for (const { target } of notices) {
    if (target.to === 'enterpriseStaff' && !audience.enterprises.includes(target.enterpriseId)) audience.enterprises.push(target.enterpriseId)
    if (target.to === 'areaAdmins' && !audience.areaAdmins.includes(target.areaId)) audience.areaAdmins.push(target.areaId)
    if (target.to === 'cityAdmins') audience.cityAdmins = true
    if (target.to === 'unit' && !audience.units.some((u) => unitKey(u) === unitKey(target.unit))) audience.units.push(target.unit)
  }
  return audience
}

function peopleOf(target: Target, recipients: Recipients): readonly string[] {
  switch (target.to) {
    case 'user':
      return [target.userId]
    case 'areaAdmins':
      return recipients.areaAdmins[target.areaId] ?? []
    case 'cityAdmins':
      return recipients.cityAdmins
    case 'unit':
      return recipients.units[unitKey(target.unit)] ?? []
    case 'enterpriseStaff':
      return recipients.enterpriseStaff?.[target.enterpriseId] ?? []
  }
}

/**
 * Notices → one draft per person. Whoever caused the change hears nothing of it, and a person
 * reached twice by one change (say as owner and as a unit's handler) gets the first notice only.
 */
export function draftsFor(notices: readonly Notice[], recipients: Recipients, options: { page: string; appealId?: string; exclude?: string }): NotificationDraft[] {
  const drafts: NotificationDraft[] = []
  const reached = new Set<string>(options.exclude ? [options.exclude] : [])
  for (const notice of notices) {
    for (const recipientId of peopleOf(notice.target, recipients)) {
      if (reached.has(recipientId)) continue
      reached.add(recipientId)
      const { target: _target, ...content } = notice
      drafts.push({ recipientId, ...content, page: options.page, ...(options.appealId ? { appealId: options.appealId } : {}) })
    }
  }
  return drafts
}

/** The drafts one change to an appeal causes, for the people already resolved. */
export function notificationsFor(change: AppealChange, recipients: Recipients): NotificationDraft[] {
  return draftsFor(appealNotices(change), recipients, { page: appealPage(change.after.id), appealId: change.after.id, exclude: change.event.actor.id })
}

/** The drafts for a digest that was just made. */
export function digestNotificationsFor(digest: DigestSummary, recipients: Recipients): NotificationDraft[] {
  return draftsFor(digestNotices(digest), recipients, { page: digestPage(digest.week, digest.scope.areaId) })
}

/** A report export that has finished, as its notice tells it. */
export interface ExportReady {
  jobId: string
  requestedBy: string
  scopeName: string
  month: string
  fileName: string
  finishedAt: string
  /** The month's figures the push shows beside the report's name. */
  overdueAtMonthEnd: number
  escalations: number
}

/** An export the person asked for is ready: only they hear about it (the file is theirs to fetch). */
export function exportNotices(ready: ExportReady): Notice[] {
  return [
    {
      target: user(ready.requestedBy),
      kind: 'export_ready',
      title: '月报已导出',
      body: `「${ready.fileName}」已生成，7 天内可在报表导出页下载`,
      facts: {
        at: ready.finishedAt,
        scopeName: `${ready.scopeName}${monthLabel(ready.month)}月报`,
        overdue: ready.overdueAtMonthEnd,
        escalated: ready.escalations,
        note: '月报已导出，请在小程序中下载',
      },
    },
  ]
}

/** The drafts for an export that just finished (the requester is named: nothing to look up). */
export function exportNotificationsFor(ready: ExportReady): NotificationDraft[] {
  return draftsFor(exportNotices(ready), NO_RECIPIENTS, { page: exportsPage(ready.jobId) })
}

/** A policy sent to an enterprise (送政策), as its notice tells it. */
export interface PolicySent {
  policyId: string
  policyTitle: string
  enterpriseId: string
  enterpriseName: string
  senderName: string
  sentAt: string
}

/** 送政策: the enterprise's approved staff hear of a policy an official sent them. */
export function policySentNotices(sent: PolicySent): Notice[] {
  return [
    {
      target: { to: 'enterpriseStaff', enterpriseId: sent.enterpriseId },
      kind: 'policy_sent',
      title: '为您推送一条政策',
      body: `${sent.senderName}向${sent.enterpriseName}推送了政策「${sent.policyTitle}」，点击查看`,
      facts: { at: sent.sentAt, appealTitle: sent.policyTitle, enterpriseName: sent.enterpriseName, phrase: '新政策', note: `${sent.senderName}推送，请查看政策详情` },
    },
  ]
}
