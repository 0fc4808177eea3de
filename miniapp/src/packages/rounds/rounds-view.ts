import type { FieldErrors } from '@shared/errors'
import { ROUTES } from '../../settings'
import { percentVisited, shareVisited } from '@shared/domain/visit-rounds'
import { openVisitRoundRequestSchema, type CoverageCounts, type OpenVisitRoundRequest, type RoundPhase, type RoundSelection, type VisitRound } from '@shared/schemas/visit-round.schema'

/*
 * What the rounds pages show, kept out of the components: the wording of a round, the progress
 * bars, and the form of a new round checked with the shared schema.
 */

export const ROUND_ROUTES = {
  list: '/packages/rounds/list/index',
  create: '/packages/rounds/new/index',
  coverage: '/packages/rounds/coverage/index',
  pending: '/packages/rounds/pending/index',
  /** The visits' page that records a visit for an enterprise. */
  recordVisit: ROUTES.recordVisit,
} as const

export const PHASE_LABEL: Record<RoundPhase, string> = { open: '进行中', upcoming: '未开始', ended: '已结束' }

export const SELECTION_LABEL: Record<RoundSelection['kind'], string> = { all: '全部企业', above: '规上企业', near: '临规企业', list: '指定企业' }

/** 规上企业 · 每家至少 2 次 · 11月2日—11月30日 */
export function roundLine(round: Pick<VisitRound, 'selection' | 'target' | 'from' | 'to'>): string {
  const which = round.selection.kind === 'list' ? `指定 ${round.selection.enterpriseIds.length} 家企业` : SELECTION_LABEL[round.selection.kind]
  return `${which} · 每家至少 ${round.target} 次 · ${dayLabel(round.from)}—${dayLabel(round.to)}`
}

/** 2026-11-02 → 11月2日 (with the year when it is not `year`). */
export function dayLabel(date: string, year?: string): string {
  const [y, m, d] = date.split('-')
  const md = `${Number(m)}月${Number(d)}日`
  return year && y !== year ? `${y}年${md}` : md
}

/** A progress bar's fill, in percent of its width (0–100). */
export const progressWidth = (c: Pick<CoverageCounts, 'due' | 'visited'>): number => Math.round(shareVisited(c) * 1000) / 10

/** 已走访 12 / 20 家（60.0%） */
export const coverageLine = (c: Pick<CoverageCounts, 'due' | 'visited'>): string => `已走访 ${c.visited} / ${c.due} 家（${percentVisited(c)}）`

/** 发现问题 5 件，已办结 3 件 */
export const problemsLine = (c: Pick<CoverageCounts, 'problemsFound' | 'problemsClosed'>): string =>
  c.problemsFound === 0 ? '未发现问题' : `发现问题 ${c.problemsFound} 件，已办结 ${c.problemsClosed} 件`

/** A bar below half-way by the time half the round has passed is behind: drawn in the warning colour. */
export function isBehind(c: Pick<CoverageCounts, 'due' | 'visited'>, round: Pick<VisitRound, 'from' | 'to'>, now: Date): boolean {
  const start = Date.parse(`${round.from}T00:00:00+08:00`)
  const end = Date.parse(`${round.to}T00:00:00+08:00`) + 86_400_000
  const elapsed = Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)))
  return shareVisited(c) < elapsed
}

export interface RoundForm {
  name: string
  /** null: the whole city. */
  areaId: string | null
  from: string
  to: string
  selection: RoundSelection['kind']
  enterpriseIds: string[]
  target: string
}

export const emptyRoundForm = (areaId: string | null): RoundForm => ({ name: '', areaId, from: '', to: '', selection: 'all', enterpriseIds: [], target: '1' })

/** The form as the API takes it, checked with the shared schema; or the field messages to show. */
export function roundRequestOf(form: RoundForm): { ok: true; request: OpenVisitRoundRequest } | { ok: false; fields: FieldErrors } {
  const target = form.target.trim() === '' ? undefined : Number(form.target)
  const parsed = openVisitRoundRequestSchema.safeParse({
    name: form.name,
    areaId: form.areaId,
    from: form.from || undefined,
    to: form.to || undefined,
    selection: form.selection === 'list' ? { kind: 'list', enterpriseIds: form.enterpriseIds } : { kind: form.selection },
    target,
  })
  if (parsed.success) return { ok: true, request: parsed.data }
  return { ok: false, fields: roundFormFields(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]).reverse())) }
}

/** The API's (or the schema's) field paths as the form's fields: selection.enterpriseIds.0 → selection. */
export function roundFormFields(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {}
  for (const [path, message] of Object.entries(fields)) out[path.split('.')[0] || '_'] ??= message
  return out
}

export const toggled = (list: readonly string[], value: string): string[] => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value])
