import type { FieldErrors } from '@shared/errors'
import { mayRecordAtExchangeEvent, type Subject } from '@shared/domain/policy'
import { submitAppealRequestSchema, TITLE_MAX, type SubmitAppealRequest } from '@shared/schemas/appeal.schema'
import type { Scale } from '@shared/schemas/catalog.schema'
import {
  createExchangeEventRequestSchema,
  type CreateExchangeEventRequest,
  type EventTallies,
  type ExchangeEvent,
  type InvitedEnterprise,
} from '@shared/schemas/exchange-event.schema'

/*
 * The exchange-day pages' logic, kept apart from the components: the 新建交流日 form, the
 * quick-entry panel that records problems one after another, and what the pages show.
 */

export const EVENT_ROUTES = { detail: '/packages/events/detail/index', create: '/packages/events/new/index' } as const

/** The three figures as the pages label them, with what "solved" counts. */
export const TALLY_LABELS: readonly { key: keyof EventTallies; label: string }[] = [
  { key: 'raised', label: '现场提出' },
  { key: 'withMeasure', label: '已定措施' },
  { key: 'solved', label: '已解决' },
]

export const eventWhen = (event: Pick<ExchangeEvent, 'date' | 'time'>): string => `${event.date} ${event.time}`

// ——— 新建交流日 ———

export interface EventForm {
  title: string
  series: string
  date: string
  time: string
  place: string
  /** One leader a line, or separated by 、 ， , ； */
  hosts: string
  departmentIds: string[]
  /** null: a city-level event (the city admin only). */
  areaId: string | null
  inviteBy: 'filter' | 'list'
  scales: Scale[]
  enterpriseIds: string[]
}

export const emptyEventForm = (areaId: string | null): EventForm => ({
  title: '',
  series: '',
  date: '',
  time: '19:30',
  place: '',
  hosts: '',
  departmentIds: [],
  areaId,
  inviteBy: 'filter',
  scales: ['above', 'near'],
  enterpriseIds: [],
})

export const splitHosts = (text: string): string[] =>
  text
    .split(/[\n、，,；;]+/)
    .map((h) => h.trim())
    .filter((h) => h.length > 0)

/** Toggles one value in a multiple choice. */
export const toggled = <T>(values: readonly T[], value: T): T[] => (values.includes(value) ? values.filter((v) => v !== value) : [...values, value])

/** The form as the API takes it, or the message per form field (the first for each). */
export function eventRequestOf(form: EventForm): { ok: true; request: CreateExchangeEventRequest } | { ok: false; fields: FieldErrors } {
  const parsed = createExchangeEventRequestSchema.safeParse({
    title: form.title,
    series: form.series,
    // An empty picker is a missing date (请选择…), not a malformed one.
    date: form.date || undefined,
    time: form.time,
    place: form.place,
    hosts: splitHosts(form.hosts),
    departmentIds: form.departmentIds,
    areaId: form.areaId,
    invited: form.inviteBy === 'list' ? { kind: 'list', enterpriseIds: form.enterpriseIds } : { kind: 'filter', scales: form.scales },
  })
  if (parsed.success) return { ok: true, request: parsed.data }
  return { ok: false, fields: eventFormFields(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]).reverse())) }
}

/** The API's (or the schema's) field paths, as the form's fields: hosts.0 → hosts, invited.* → invited. */
export function eventFormFields(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(fields)) {
    const top = path.split('.')[0] ?? '_'
    const key = top === 'invited' ? 'invited' : top
    out[key] ??= message
  }
  return out
}

// ——— Recording problems at the event ———

export interface QuickEntry {
  enterpriseId: string | null
  categoryId: string | null
  text: string
  withMeasure: boolean
  measureText: string
  measureUnit: string
  measureDueDate: string
}

export const emptyQuickEntry = (): QuickEntry => ({
  enterpriseId: null,
  categoryId: null,
  text: '',
  withMeasure: false,
  measureText: '',
  measureUnit: '',
  measureDueDate: '',
})

/**
 * After a problem is recorded the panel clears for the next one; the responsible unit of the last
 * measure stays, as the next problem is often for the same department present.
 */
export const nextQuickEntry = (last: QuickEntry): QuickEntry => ({ ...emptyQuickEntry(), measureUnit: last.measureUnit })

/** A title from the problem's own words: its first line, cut to the title's limit. */
export function titleOf(text: string): string {
  const firstLine = text.trim().split('\n')[0]?.trim() ?? ''
  return firstLine.length > TITLE_MAX ? `${firstLine.slice(0, TITLE_MAX - 1)}…` : firstLine
}

const QUICK_FIELD: Record<string, keyof QuickEntry> = {
  enterpriseId: 'enterpriseId',
  categoryId: 'categoryId',
  title: 'text',
  description: 'text',
  'onBehalf.measure.text': 'measureText',
  'onBehalf.measure.unit': 'measureUnit',
  'onBehalf.measure.dueDate': 'measureDueDate',
  'onBehalf.eventId': 'enterpriseId',
}

/** Messages of the filing (schema or API) placed on the panel's fields. */
export function quickEntryFields(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(fields)) {
    const key = QUICK_FIELD[path] ?? (path.startsWith('onBehalf.measure') ? 'measureText' : '_')
    out[key] ??= message
  }
  return out
}

/** The on-behalf filing (channel event) a quick entry makes, or the message per panel field. */
export function quickEntryRequest(entry: QuickEntry, eventId: string): { ok: true; request: SubmitAppealRequest } | { ok: false; fields: FieldErrors } {
  const parsed = submitAppealRequestSchema.safeParse({
    enterpriseId: entry.enterpriseId ?? undefined,
    categoryId: entry.categoryId ?? undefined,
    title: titleOf(entry.text),
    description: entry.text,
    onBehalf: {
      channel: 'event',
      eventId,
      ...(entry.withMeasure ? { measure: { text: entry.measureText, unit: entry.measureUnit, dueDate: entry.measureDueDate || undefined } } : {}),
    },
  })
  if (parsed.success) return { ok: true, request: parsed.data }
  const fields: FieldErrors = {}
  for (const issue of parsed.error.issues) fields[issue.path.join('.')] ??= issue.message
  const placed = quickEntryFields(fields)
  // The description says it better than the title when the text is too short.
  if (fields.description) placed.text = fields.description
  return { ok: false, fields: placed }
}

/**
 * The enterprises the picker offers: those the caller may record for at this event, from the
 * invitation list or (an invitation by filter) the roster page the caller may read.
 */
export function pickableEnterprises(
  subject: Subject | null,
  event: Pick<ExchangeEvent, 'areaId'>,
  candidates: readonly Pick<InvitedEnterprise, 'id' | 'name' | 'areaId' | 'specialistId'>[],
): { id: string; name: string }[] {
  if (!subject) return []
  return candidates.filter((e) => mayRecordAtExchangeEvent(subject, event, e)).map((e) => ({ id: e.id, name: e.name }))
}
