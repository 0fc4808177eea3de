import { ulid } from 'ulid'
import type { Actor } from '@shared/domain/actor'
import { ledgerFileName, ledgerFilterText } from '@shared/domain/problem-ledger'
import { monthOf } from '@shared/domain/report-month'
import { RateLimitedError } from '@shared/errors'
import type { LedgerExportRequest, LedgerScope } from '@shared/schemas/ledger.schema'
import type { ExportJob } from '@shared/schemas/report.schema'
import { authoriseLedger, ledgerContext } from '../services/ledger'
import { listExportJobsOf, putExportJob, type ExportJobRecord } from '../store/export-job.store'
import { ACTIVE_LIMIT, asShown, isActive, LIST_LIMIT } from './export.use-case'

/** The report scope key a ledger job is listed under: the city, the area, or the specialist's portfolio. */
const scopeKeyOf = (scope: LedgerScope, actor: Actor): string =>
  scope.kind === 'city' ? 'city' : scope.kind === 'area' ? `area:${scope.areaId}` : `specialist:${actor.id}`

/**
 * Asks for an export of the problem ledger (问题台账) as XLSX. Input: who asks, the filters.
 * Steps: whose ledger (the same rule as reading it: 403/404); the same export already under way
 * is returned instead of a second; at most ACTIVE_LIMIT exports under way per person. Output: the
 * queued job — its insert starts the export worker, which follows it like a monthly export.
 */
export async function requestLedgerExport(actor: Actor, request: LedgerExportRequest, now: Date): Promise<ExportJob> {
  const ledger = await authoriseLedger(actor, request.areaId)
  const { areaId, ...rest } = request
  const filter = { ...(areaId ? { areaId } : {}), ...rest }
  const filterText = ledgerFilterText(filter, (await ledgerContext()).categoryName)
  const scopeKey = scopeKeyOf(ledger.scope, actor)
  const active = (await listExportJobsOf(actor.id, LIST_LIMIT)).filter((r) => isActive(asShown(r, now)))
  const same = active.find((r) => r.kind === 'ledger' && r.scope === scopeKey && JSON.stringify(r.ledger?.filter) === JSON.stringify(filter))
  if (same) return asShown(same, now)
  if (active.length >= ACTIVE_LIMIT) throw new RateLimitedError(`已有 ${ACTIVE_LIMIT} 个导出正在进行，请完成后再试`)

  const at = now.toISOString()
  const record: ExportJobRecord = {
    id: `ex-${ulid(now.getTime()).toLowerCase()}`,
    kind: 'ledger',
    scope: scopeKey,
    scopeName: ledger.scope.name,
    month: monthOf(now),
    format: 'xlsx',
    fileName: ledgerFileName(ledger.scope.name, now),
    status: 'queued',
    progress: { done: 0, total: 0 },
    requestedBy: actor.id,
    createdAt: at,
    updatedAt: at,
    // The worker reads the scope it was allowed; the monthly fields are not used for a ledger.
    reportScope:
      ledger.scope.kind === 'city'
        ? { key: scopeKey, kind: 'city', id: '', name: ledger.scope.name, areaIds: 'all' }
        : ledger.scope.kind === 'area'
          ? { key: scopeKey, kind: 'area', id: ledger.scope.areaId!, name: ledger.scope.name, areaIds: [ledger.scope.areaId!] }
          : { key: scopeKey, kind: 'specialist', id: actor.id, name: ledger.scope.name, areaIds: 'all' },
    ledger: { scope: ledger.scope, filter, filterText },
  }
  await putExportJob(record)
  return asShown(record, now)
}
