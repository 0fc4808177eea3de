import type { Appeal, CoHandler } from '@shared/schemas/appeal.schema'

/*
 * Appeal partition  APPEAL#<id>
 *   sk APPEAL             the appeal itself (gsi1 enterprise, gsi2 holder, gsi3 area, gsi4 city,
 *                         gsi5 the area's open appeals by when the sweep must look at them next,
 *                         then, once closed, the area's closed appeals by when they closed)
 *   sk EVENT#<seq>        its immutable timeline, seq = the version the event produced
 *   sk TASK#<kind>#<id>   one entry per co-handler (gsi2 holder = the department or task force)
 * Idempotency record  IDEM#<userId>#<key> / IDEM, expiring after a day.
 * Number lookup       APPEALNO#<number> / APPEALNO → the appeal's id: claimed by the filing's
 *                     transaction only if absent (numbers are unique), read by a search by number.
 * Every index sorts by `<createdAt>#<id>`, so lists from several indexes merge into one order.
 * Every key of the entity is spelled here, once.
 */
export const KEYS = {
  appeal: (id: string) => ({ pk: `APPEAL#${id}`, sk: 'APPEAL' }),
  event: (appealId: string, seq: number) => ({ pk: `APPEAL#${appealId}`, sk: `EVENT#${String(seq).padStart(6, '0')}` }),
  /** Sorts after the appeal item and every event ('EVENT#~' > 'EVENT#000123'), before the tasks. */
  lastEvent: 'EVENT#~',
  task: (appealId: string, c: Pick<CoHandler, 'kind' | 'id'>) => ({ pk: `APPEAL#${appealId}`, sk: `TASK#${c.kind}#${c.id}` }),
  idempotency: (userId: string, key: string) => ({ pk: `IDEM#${userId}#${key}`, sk: 'IDEM' }),
  number: (number: string) => ({ pk: `APPEALNO#${number}`, sk: 'APPEALNO' }),
  /** gsi1: an enterprise's appeals. */
  enterprise: (enterpriseId: string) => `ENT#${enterpriseId}`,
  /** gsi2: what a holder has in hand — an owner, an area's duty queue, a co-handling unit. */
  owner: (ownerId: string) => `HOLDER#owner:${ownerId}`,
  areaQueue: (areaId: string) => `HOLDER#area-queue:${areaId}`,
  coHandler: (c: Pick<CoHandler, 'kind' | 'id'>) => `HOLDER#${c.kind}:${c.id}`,
  /** gsi3: an area's appeals. */
  area: (areaId: string) => `AREA#${areaId}`,
  /** gsi4: the whole city in one partition (thousands a month, far below a partition's throughput; one global order). */
  city: 'CITY',
  /** gsi5: an area's open appeals by when the sweep must look again, and its closed ones by closing time. */
  open: (areaId: string) => `OPEN#${areaId}`,
  closed: (areaId: string) => `CLOSED#${areaId}`,
  /** The sort key of every list index. */
  order: (a: Pick<Appeal, 'createdAt' | 'id'>) => `${a.createdAt}#${a.id}`,
}
/** Sorts above every ISO instant: an open appeal the sweep has nothing to do for (yet). */
export const NOTHING_TO_SWEEP = 'WAITING'
