import { ulid } from 'ulid'
import { actorRef, type Actor } from '@shared/domain/actor'
import { kitOwnerAreaOf, mayWriteKitEntry } from '@shared/domain/policy'
import { draftPolicy } from '@shared/domain/policy-pack'
import { planPolicyImport } from '@shared/domain/policy-import'
import { ForbiddenError } from '@shared/errors'
import type { PolicyImportRequest, PolicyImportResult } from '@shared/schemas/policy-import.schema'
import { kitLists } from '../services/kit-lists'
import { getCatalogCached } from '../store/catalog.store'
import { savePolicyDoc } from '../store/policy-doc.store'
import { readPolicyFile } from './policy-file'

/**
 * POST /api/policies/import (政策批量导入): an admin's XLSX of policies, previewed or imported.
 * Every valid row becomes a draft of the admin's (an area admin's applies to their area), kept
 * with its change record as one written by hand; nothing is published. A row whose title the kit
 * has already is left alone, so importing the same file again writes nothing.
 */
export async function importPolicies(actor: Actor, request: PolicyImportRequest, now: Date): Promise<PolicyImportResult> {
  const owner = kitOwnerAreaOf(actor)
  if (!mayWriteKitEntry(actor) || owner === undefined) throw new ForbiddenError('只有属地或市级管理员可以导入政策')
  const file = await readPolicyFile(Buffer.from(request.contentBase64, 'base64'))
  const [catalog, data] = await Promise.all([getCatalogCached(now.getTime()), kitLists()])
  const plan = planPolicyImport(file.rows, { categories: catalog.categories, areas: catalog.areas, existingTitles: new Set(data.policies.map((p) => p.title)) })
  const rows: PolicyImportResult['rows'] = plan.rows.map(({ input: _input, ...row }) => row)
  const applied = !request.dryRun && plan.summary.create > 0
  if (applied) {
    const by = actorRef(actor)
    for (const [i, row] of plan.rows.entries()) {
      if (row.action !== 'create' || !row.input) continue
      const { policy, change } = draftPolicy(`pd-${ulid(now.getTime()).toLowerCase()}`, row.input, owner, by, now)
      await savePolicyDoc(policy, change, null)
      rows[i] = { ...rows[i]!, policyId: policy.id }
    }
  }
  return { dryRun: request.dryRun, applied, summary: plan.summary, rows, fileProblems: file.problems }
}
