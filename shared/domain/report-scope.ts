import type { ReportScopeKey, ReportScopeKind } from '../schemas/report.schema'

/** A report's scope as the server resolved it for a caller: what it is, and which areas it reads. */
export interface ReportScope {
  key: ReportScopeKey
  kind: ReportScopeKind
  /** The area, unit or specialist id; empty for the city. */
  id: string
  name: string
  /** The areas whose appeals the scope can hold: all of them for the city, units and specialists. */
  areaIds: readonly string[] | 'all'
}

export const CITY_NAME = '全市'

export function parseScope(key: ReportScopeKey): { kind: ReportScopeKind; id: string } {
  if (key === 'city') return { kind: 'city', id: '' }
  const colon = key.indexOf(':')
  return { kind: key.slice(0, colon) as ReportScopeKind, id: key.slice(colon + 1) }
}

