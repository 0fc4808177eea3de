import * as z from 'zod'

/** 回访满意率 and the sample sizes behind it. */
export const returnVisitFiguresSchema = z
  .object({
    sampled: z.number().int(),
    reached: z.number().int(),
    notReached: z.number().int().meta({ description: 'Called at least once, never reached' }),
    pending: z.number().int().meta({ description: 'Not called yet' }),
    satisfied: z.number().int(),
    basically: z.number().int(),
    unsatisfied: z.number().int(),
    inconsistent: z.number().int(),
    rate: z.number().nullable().meta({ description: '回访满意率 = (satisfied + basically) ÷ reached; null when none reached' }),
  })
  .meta({ id: 'ReturnVisitFigures' })
export type ReturnVisitFigures = z.infer<typeof returnVisitFiguresSchema>
