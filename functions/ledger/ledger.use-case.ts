import * as z from 'zod'
import type { Actor } from '@shared/domain/actor'
import { ledgerRowOf } from '@shared/domain/problem-ledger'
import type { LedgerPage, LedgerQuery } from '@shared/schemas/ledger.schema'
import { pageCursor } from '../lib/cursor'
import { authoriseLedger, ledgerContext, readLedgerPage } from '../services/ledger'

/** Where the next page starts: below this list order (`<createdAt>#<appeal id>`). */
const ledgerCursor = pageCursor('ledger', z.object({ below: z.string().regex(/^[0-9TZ:.+-]{10,35}#ap-[0-9a-z]{1,40}$/) }))

/**
 * The problem ledger (问题台账) of the caller's scope, newest first, one page. Input: the caller,
 * the filters, the cursor. Steps: whose ledger (ledgerReach: 403 for another area's or for anyone
 * without one, 404 for an unknown area); Queries of that scope's list index within the months
 * asked; each appeal as a ledger row as of `now`. The cursor is the caller's, scope's and
 * filters' only.
 */
export async function listLedger(actor: Actor, query: LedgerQuery, now: Date): Promise<LedgerPage> {
  const { cursor, limit, ...filter } = query
  const ledger = await authoriseLedger(actor, filter.areaId)
  const context = {
    caller: actor.id,
    filters: {
      scope: ledger.scope.areaId ?? ledger.scope.kind,
      channel: filter.channel,
      status: filter.status,
      categoryId: filter.categoryId,
      from: filter.from,
      to: filter.to,
      overdue: filter.overdue,
    },
  }
  const below = ledgerCursor.decode(context, cursor)?.below
  const [page, names] = await Promise.all([readLedgerPage(ledger.source, filter, now, below, limit), ledgerContext()])
  return {
    scope: ledger.scope,
    items: page.appeals.map((appeal) => ledgerRowOf(appeal, names, now)),
    cursor: page.next ? ledgerCursor.encode(context, { below: page.next }) : null,
  }
}
