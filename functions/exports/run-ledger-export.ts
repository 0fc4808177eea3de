import { filedByEnterprise } from '@shared/domain/policy'
import { maskPhone } from '@shared/domain/mask'
import type { LedgerJobSpec } from '@shared/schemas/ledger.schema'
import { uploadStream } from '../lib/s3'
import { ledgerRowPages } from '../services/ledger'
import type { LedgerSource } from '../store/appeal-lists.store'
import { recordExportProgress, type ExportJobRecord } from '../store/export-job.store'
import { getUsers } from '../store/user.store'
import { EXPORT_CONTENT_TYPE, exportObjectKey } from './export-file'
import { progressThrottle } from './export-progress'
import { writeLedgerWorkbook, type LedgerPrintRow } from './ledger-workbook'

/*
 * The background half of a ledger export (问题台账), run by the export worker for jobs of kind
 * 'ledger': the ledger's rows as of now, page by page with the contacts' phones masked, streamed
 * as a workbook into the bucket.
 */

/** Where a ledger job reads: the scope it was allowed when it was asked for. */
export function ledgerSourceOf(spec: LedgerJobSpec, requestedBy: string): LedgerSource {
  if (spec.scope.kind === 'city') return { kind: 'city' }
  if (spec.scope.kind === 'area') return { kind: 'area', areaId: spec.scope.areaId! }
  return { kind: 'owner', ownerId: requestedBy }
}

/** The ledger's print rows, a page at a time, each filer's phone looked up per page and masked. */
export async function* ledgerPrintPages(spec: LedgerJobSpec, requestedBy: string, now: Date): AsyncGenerator<LedgerPrintRow[]> {
  for await (const page of ledgerRowPages(ledgerSourceOf(spec, requestedBy), spec.filter, now)) {
    const filers = await getUsers(page.appeals.filter(filedByEnterprise).map((a) => a.filedBy.id))
    yield page.rows.map((row, i) => {
      const appeal = page.appeals[i]!
      // The enterprise's contact is whoever filed it for the enterprise; an official filing on its behalf is not.
      return { ...row, phone: filedByEnterprise(appeal) ? maskPhone(filers.get(appeal.filedBy.id)?.phone) : '' }
    })
  }
}

/** Streams the ledger of a claimed job into the bucket, recording progress; what finishExportJob records. */
export async function produceLedger(job: ExportJobRecord & { ledger: LedgerJobSpec }, now: () => Date): Promise<{ fileName: string; objectKey: string; bytes: number; rows: number }> {
  await recordExportProgress(job.id, { done: 0, total: 0 }, now().toISOString())
  const throttle = progressThrottle(Number.MAX_SAFE_INTEGER, () => now().getTime())
  const onRows = async (rows: number) => {
    const progress = throttle.next(rows)
    // The total is not known before the end: progress counts the rows written so far.
    if (progress) await recordExportProgress(job.id, { done: rows, total: 0 }, now().toISOString())
  }
  const objectKey = exportObjectKey(job)
  const asOf = now()
  let rows = 0
  const { bytes } = await uploadStream(objectKey, EXPORT_CONTENT_TYPE.xlsx, async (sink) => {
    rows = await writeLedgerWorkbook({ scopeName: job.scopeName, filterText: job.ledger.filterText, asOf: asOf.toISOString() }, ledgerPrintPages(job.ledger, job.requestedBy, asOf), sink, onRows)
  })
  return { fileName: job.fileName ?? 'ledger.xlsx', objectKey, bytes, rows }
}
