import * as z from 'zod'
import { enterpriseIdSchema, instantSchema } from './common.schema'

/*
 * 送政策: a published policy sent to enterprises (their staff are notified), the enterprises' opens
 * of it, and the coverage per area (送达情况).
 */

/** At most this many enterprises in one sending (a portfolio page's worth). */
export const MAX_DELIVERY_TARGETS = 50

export const policyDeliveryInputSchema = z
  .object({
    enterpriseIds: z
      .array(enterpriseIdSchema, { message: '请选择企业' })
      .min(1, '请至少选择一家企业')
      .max(MAX_DELIVERY_TARGETS, `一次最多发送给 ${MAX_DELIVERY_TARGETS} 家企业`)
      .refine((ids) => new Set(ids).size === ids.length, '企业不能重复'),
  })
  .strict()
export type PolicyDeliveryInput = z.infer<typeof policyDeliveryInputSchema>

export const policyDeliveryResultSchema = z
  .object({
    sent: z.array(z.string()).meta({ description: 'Enterprises sent to now (their staff notified)' }),
    alreadySent: z.array(z.string()).meta({ description: 'Enterprises the policy had been sent to before: nothing sent again' }),
  })
  .meta({ id: 'PolicyDeliveryResult' })
export type PolicyDeliveryResult = z.infer<typeof policyDeliveryResultSchema>

export const policyCoverageQuerySchema = z.object({ areaId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号不正确').optional() }).strict()

export const coverageAreaSchema = z.object({
  areaId: z.string(),
  name: z.string(),
  sent: z.number().int().meta({ description: 'Enterprises of the area the policy was sent to' }),
  opened: z.number().int().meta({ description: 'Of those, the enterprises whose staff opened it' }),
  openedUnsent: z.number().int().meta({ description: 'Enterprises that opened it without being sent it (found it in the list or by its code)' }),
})

export const policyCoverageSchema = z
  .object({
    policyId: z.string(),
    areas: z.array(coverageAreaSchema),
    total: coverageAreaSchema.omit({ areaId: true, name: true }),
    lastSentAt: instantSchema.nullable(),
  })
  .meta({ id: 'PolicyCoverage' })
export type PolicyCoverage = z.infer<typeof policyCoverageSchema>
