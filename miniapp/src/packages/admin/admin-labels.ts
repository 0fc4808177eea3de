import type { Scale } from '@shared/schemas/catalog.schema'

export { SCALE_LABEL } from '@shared/labels'
export type { Scale }

/** How an enterprise without a specialist is served: the area's duty queue. */
export const UNASSIGNED_LABEL = '未分配（值班队列）'
