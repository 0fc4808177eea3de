import { KIND_TEMPLATE, type NotificationFacts } from '@shared/domain/notifications'
import { templatesOfRole } from '@shared/domain/policy'
import { fitField, type FieldKind } from '@shared/domain/subscribe-fields'
import type { Role } from '@shared/schemas/common.schema'
import type { NotificationKind, TemplateKey } from '@shared/schemas/notification.schema'
import type { Config } from '../lib/config'

/**
 * The subscribe-message templates as configuration: which template carries each kind of
 * notification, which of the template's fields shows which fact, and where its id comes from.
 * The ids are picked in the mini-program's admin console (公共模板库) and given as environment
 * variables; the field keys must match the template picked. No I/O here.
 */
export interface TemplateField {
  /** WeChat's key of the field in the template, e.g. thing2; its prefix is its kind. */
  key: string
  kind: FieldKind
  /** The field's name as the template shows it. */
  label: string
  value: (facts: NotificationFacts) => string | undefined
  /** Shown when the fact is missing, or withheld after a content check. Must itself fit the field. */
  fallback: string
  /** Written by the enterprise: goes through WeChat's content check before it is pushed. */
  userText?: boolean
}

export interface TemplateDefinition {
  key: TemplateKey
  /** The template's title, as WeChat shows it on the phone. */
  name: string
  /** The environment variable that holds its id. */
  configKey: 'WECHAT_TEMPLATE_TASK' | 'WECHAT_TEMPLATE_DEADLINE' | 'WECHAT_TEMPLATE_EVALUATION' | 'WECHAT_TEMPLATE_PROGRESS' | 'WECHAT_TEMPLATE_DIGEST'
  fields: readonly TemplateField[]
}

const appealTitle: Omit<TemplateField, 'key'> = { kind: 'thing', label: '诉求标题', value: (f) => f.appealTitle, fallback: '企业诉求（详见小程序）', userText: true }
/** The appeal's number (诉求编号), what the person reads on the phone and searches for in the app. */
const appealNumber: Omit<TemplateField, 'key'> = { kind: 'character_string', label: '诉求编号', value: (f) => f.appealNumber, fallback: '-' }
const weekInstant = (week: string | undefined) => (week ? new Date(`${week}T00:00:00.000+08:00`).toISOString() : undefined)

export const TEMPLATES: Record<TemplateKey, TemplateDefinition> = {
  task: {
    key: 'task',
    name: '待办事项提醒',
    configKey: 'WECHAT_TEMPLATE_TASK',
    fields: [
      { key: 'phrase1', kind: 'phrase', label: '事项类型', value: (f) => f.phrase, fallback: '待办' },
      { key: 'thing2', ...appealTitle },
      // WeChat lets a template keep five keywords: the number takes the enterprise's place (the title names the matter, the page the enterprise).
      { key: 'character_string3', ...appealNumber },
      { key: 'time4', kind: 'time', label: '办理时限', value: (f) => f.deadline ?? f.at, fallback: '' },
      { key: 'thing5', kind: 'thing', label: '备注', value: (f) => f.note, fallback: '请及时办理' },
    ],
  },
  deadline: {
    key: 'deadline',
    name: '办理时限提醒',
    configKey: 'WECHAT_TEMPLATE_DEADLINE',
    fields: [
      { key: 'thing1', ...appealTitle },
      { key: 'phrase2', kind: 'phrase', label: '提醒类型', value: (f) => f.phrase, fallback: '时限提醒' },
      { key: 'time3', kind: 'time', label: '办理时限', value: (f) => f.deadline ?? f.at, fallback: '' },
      { key: 'character_string4', ...appealNumber },
      { key: 'thing5', kind: 'thing', label: '备注', value: (f) => f.note, fallback: '请抓紧办理' },
    ],
  },
  evaluation: {
    key: 'evaluation',
    name: '服务评价结果通知',
    configKey: 'WECHAT_TEMPLATE_EVALUATION',
    fields: [
      { key: 'thing1', ...appealTitle },
      { key: 'phrase2', kind: 'phrase', label: '评价结果', value: (f) => f.phrase, fallback: '已评价' },
      { key: 'thing3', kind: 'thing', label: '评价内容', value: (f) => f.comment, fallback: '未填写评价内容', userText: true },
      { key: 'time4', kind: 'time', label: '评价时间', value: (f) => f.at, fallback: '' },
      { key: 'character_string5', ...appealNumber },
    ],
  },
  progress: {
    key: 'progress',
    name: '诉求办理进度通知',
    configKey: 'WECHAT_TEMPLATE_PROGRESS',
    fields: [
      { key: 'thing1', ...appealTitle },
      { key: 'phrase2', kind: 'phrase', label: '办理进度', value: (f) => f.phrase, fallback: '有更新' },
      { key: 'thing3', kind: 'thing', label: '说明', value: (f) => f.note, fallback: '详见小程序' },
      { key: 'time4', kind: 'time', label: '更新时间', value: (f) => f.at, fallback: '' },
      { key: 'character_string5', ...appealNumber },
    ],
  },
  // Also carries export_ready: the report's name (「雨湖区2026年11月月报」), the day it was made,
  // and the month's overdue and escalation counts.
  digest: {
    key: 'digest',
    name: '督办周报生成通知',
    configKey: 'WECHAT_TEMPLATE_DIGEST',
    fields: [
      { key: 'thing1', kind: 'thing', label: '周报名称', value: (f) => f.scopeName, fallback: '督办周报' },
      { key: 'date2', kind: 'date', label: '周次', value: (f) => weekInstant(f.week) ?? f.at, fallback: '' },
      { key: 'number3', kind: 'number', label: '超期件数', value: (f) => (f.overdue === undefined ? undefined : String(f.overdue)), fallback: '0' },
      { key: 'number4', kind: 'number', label: '提级件数', value: (f) => (f.escalated === undefined ? undefined : String(f.escalated)), fallback: '0' },
      { key: 'thing5', kind: 'thing', label: '备注', value: (f) => f.note, fallback: '请查看周报' },
    ],
  },
}

export const templateOf = (kind: NotificationKind): TemplateDefinition => TEMPLATES[KIND_TEMPLATE[kind]]

type TemplateIds = Pick<Config, TemplateDefinition['configKey']>

/** The configured id of a template; '' when the deployment has not set it up. */
export const templateIdOf = (key: TemplateKey, ids: TemplateIds): string => ids[TEMPLATES[key].configKey]

/** The template a configured id belongs to (the local message page names messages by it). */
export const templateById = (templateId: string, ids: TemplateIds): TemplateDefinition | undefined =>
  Object.values(TEMPLATES).find((t) => templateId !== '' && ids[t.configKey] === templateId)

/** The enterprise-written values a message of this kind would carry: what must be checked first. */
export function userTexts(kind: NotificationKind, facts: NotificationFacts): string[] {
  return templateOf(kind)
    .fields.filter((field) => field.userText)
    .map((field) => field.value(facts))
    .filter((text): text is string => text !== undefined && text.trim() !== '')
}

/**
 * The message's data, each value fitted to WeChat's limits for its kind. With `withhold`, the
 * enterprise's own words are replaced by the fallback (a content check asked for review, or
 * could not be made): the phone shows that something happened, the app shows what.
 */
export function renderData(kind: NotificationKind, facts: NotificationFacts, options: { withhold?: boolean } = {}): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {}
  for (const field of templateOf(kind).fields) {
    const raw = field.userText && options.withhold ? undefined : field.value(facts)
    const fitted = raw === undefined || raw.trim() === '' ? '' : fitField(field.kind, raw)
    // A fact that fits to nothing (a phrase without Chinese, say) would make WeChat refuse the message.
    data[field.key] = { value: fitted !== '' ? fitted : fitField(field.kind, field.fallback || facts.at) }
  }
  return data
}

/** The templates this role receives that this deployment has set up, most important first. */
export const configuredTemplates = (role: Role, config: Config): TemplateKey[] => templatesOfRole(role).filter((key) => templateIdOf(key, config) !== '')

/** Whether WeChat granted this template as a long-term subscription in this deployment (WECHAT_LONG_TERM_TEMPLATES). */
export const isLongTerm = (key: TemplateKey, config: Partial<Pick<Config, 'WECHAT_LONG_TERM_TEMPLATES'>>): boolean =>
  (config.WECHAT_LONG_TERM_TEMPLATES ?? []).includes(key)
