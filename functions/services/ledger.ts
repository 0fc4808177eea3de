import type { Actor } from '@shared/domain/actor'
import { ledgerReach } from '@shared/domain/policy'
import { ledgerRowOf, ledgerWindow, matchesLedgerFilter, type LedgerContext } from '@shared/domain/problem-ledger'
import { CITY_NAME } from '@shared/domain/report-scope'
import { ForbiddenError, NotFoundError } from '@shared/errors'
import type { Appeal } from '@shared/schemas/appeal.schema'
import type { LedgerFilter, LedgerRow, LedgerScope } from '@shared/schemas/ledger.schema'
import { listLedgerPage, type LedgerSource } from '../store/appeal-lists.store'
import { getCatalogCached } from '../store/catalog.store'

/*
 * The problem ledger (问题台账) as the routes and the export worker read it: whose ledger the
 * caller may have, and its rows page by page from the list indexes (city, area, or portfolio) —
 * one Query per page of the index the scope names, nothing read beyond it.
 */

/** A ledger the caller was allowed: where it is read, and how it is named. */
export interface AuthorisedLedger {
  source: LedgerSource
  scope: LedgerScope
}

const REFUSAL: Record<string, string> = {
  other_area: '只能查看本属地的问题台账',
  unassigned: '账号尚未关联属地，暂不能查看问题台账',
  not_for_specialist: '专员只能查看本人承办的问题台账',
  no_ledger: '只有管理员和专员可以查看问题台账',
}

/** Whose ledger: the city, one area (404 for an unknown one), or the caller's own portfolio. 403 otherwise. */
export async function authoriseLedger(actor: Actor, areaId: string | undefined): Promise<AuthorisedLedger> {
  const reach = ledgerReach(actor, areaId)
  switch (reach.kind) {
    case 'refused':
      throw new ForbiddenError(REFUSAL[reach.why]!)
    case 'city':
      return { source: { kind: 'city' }, scope: { kind: 'city', areaId: null, name: CITY_NAME } }
    case 'area': {
      const area = (await getCatalogCached()).areas.find((a) => a.id === reach.areaId)
      if (!area) throw new NotFoundError('未找到该属地')
      return { source: { kind: 'area', areaId: area.id }, scope: { kind: 'area', areaId: area.id, name: area.name } }
    }
    case 'portfolio':
      return { source: { kind: 'owner', ownerId: reach.specialistId }, scope: { kind: 'portfolio', areaId: actor.areaId ?? null, name: `${actor.name}承办` } }
  }
}

/** Area names for the rows, from the catalog. */
export async function ledgerContext(): Promise<LedgerContext & { categoryName(id: string): string }> {
  const catalog = await getCatalogCached()
  const areas = new Map(catalog.areas.map((a) => [a.id, a.name]))
  const categories = new Map(catalog.categories.map((c) => [c.id, c.name]))
  return { areaName: (id) => areas.get(id) ?? id, categoryName: (id) => categories.get(id) ?? id }
}

/** Reads per answer at most: a narrow filter over a long history answers with fewer rows and a cursor. */
const MAX_ROUNDS = 5

/**
 * One page of the ledger, newest first, starting below `below`: rounds of Queries until `limit`
 * rows pass the filters (overdue is decided here, as of `now`) or the rounds are spent.
 */
export async function readLedgerPage(source: LedgerSource, filter: LedgerFilter, now: Date, below: string | undefined, limit: number): Promise<{ appeals: Appeal[]; next: string | null }> {
  const window = ledgerWindow(filter)
  const appeals: Appeal[] = []
  let position = below
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await listLedgerPage(source, {
      ...window,
      ...(position !== undefined ? { below: position } : {}),
      // Reading a little more than asked leaves room for the rows the overdue filter drops.
      limit: limit - appeals.length + (filter.overdue !== undefined ? 20 : 1),
      ...(filter.channel ? { channels: filter.channel } : {}),
      ...(filter.status ? { statuses: filter.status } : {}),
      ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
    })
    for (const appeal of page.items) {
      if (appeals.length === limit) {
        // Full: resume right after the last row taken.
        return { appeals, next: `${appeals[appeals.length - 1]!.createdAt}#${appeals[appeals.length - 1]!.id}` }
      }
      if (matchesLedgerFilter(appeal, filter, now)) appeals.push(appeal)
    }
    position = page.next ?? undefined
    if (position === undefined) return { appeals, next: null }
    if (appeals.length === limit) return { appeals, next: `${appeals[appeals.length - 1]!.createdAt}#${appeals[appeals.length - 1]!.id}` }
  }
  return { appeals, next: position ?? null }
}

/** Every row of a ledger, a page at a time (for the export): the same Queries, to the end. */
export async function* ledgerRowPages(source: LedgerSource, filter: LedgerFilter, now: Date, pageSize = 500): AsyncGenerator<{ appeals: Appeal[]; rows: LedgerRow[] }> {
  const context = await ledgerContext()
  let below: string | undefined
  do {
    const page = await readLedgerPage(source, filter, now, below, pageSize)
    if (page.appeals.length > 0) yield { appeals: page.appeals, rows: page.appeals.map((a) => ledgerRowOf(a, context, now)) }
    below = page.next ?? undefined
  } while (below !== undefined)
}
