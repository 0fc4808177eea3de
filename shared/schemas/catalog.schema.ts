import * as z from 'zod'

export const industrySchema = z.enum(['industry', 'construction', 'retail', 'services', 'agriculture'])
export const scaleSchema = z.enum(['above', 'near', 'other'])
export type Industry = z.infer<typeof industrySchema>
export type Scale = z.infer<typeof scaleSchema>

export const areaSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['park', 'district']),
  division: z.string(),
})
export type Area = z.infer<typeof areaSchema>

export const departmentSchema = z.object({ id: z.string(), name: z.string() })
export type Department = z.infer<typeof departmentSchema>

export const taskForceSchema = z.object({ id: z.string(), name: z.string(), industry: industrySchema })
export type TaskForce = z.infer<typeof taskForceSchema>

/** One row of the routing table: which departments co-handle a category and how long it may take. */
export const categorySchema = z.object({
  id: z.string(),
  name: z.string(),
  departments: z.array(z.string()),
  firstResponseDays: z.number().int().min(1).max(30).default(1),
  resolveDays: z.number().int().min(1).max(60),
  taskForce: z.boolean(),
})
export type Category = z.infer<typeof categorySchema>

export const enterpriseSchema = z.object({
  id: z.string(),
  creditCode: z.string().length(18),
  name: z.string(),
  industry: industrySchema,
  scale: scaleSchema,
  areaId: z.string(),
  specialistId: z.string().nullable(),
})
export type Enterprise = z.infer<typeof enterpriseSchema>

export const catalogSchema = z
  .object({
    categories: z.array(categorySchema),
    areas: z.array(areaSchema),
    departments: z.array(departmentSchema),
    taskForces: z.array(taskForceSchema),
  })
  .meta({ id: 'Catalog' })
export type Catalog = z.infer<typeof catalogSchema>

/** The city office's edit of one routing-table row (DESIGN §5: the routing table is data). */
export const categoryRoutingSchema = z
  .object({
    departments: z
      .array(z.string({ message: '部门编号不正确' }), { message: '请选择经办部门' })
      .min(1, '请至少选择一个经办部门')
      .max(5, '经办部门最多 5 个')
      .refine((ids) => new Set(ids).size === ids.length, '经办部门有重复'),
    taskForce: z.boolean({ message: '请选择是否需要行业专班协办' }),
    firstResponseDays: z.number({ message: '请填写首次响应时限' }).int('时限须为整数').min(1, '首次响应至少 1 个工作日').max(30, '首次响应不超过 30 个工作日'),
    resolveDays: z.number({ message: '请填写办结时限' }).int('时限须为整数').min(1, '办结时限至少 1 个工作日').max(60, '办结时限不超过 60 个工作日'),
  })
  .strict()
  .refine((r) => r.resolveDays >= r.firstResponseDays, { path: ['resolveDays'], message: '办结时限不能短于首次响应时限' })
  .meta({ id: 'CategoryRouting' })
export type CategoryRouting = z.infer<typeof categoryRoutingSchema>

const routingValuesSchema = z.object({
  departments: z.array(z.string()),
  taskForce: z.boolean(),
  firstResponseDays: z.number().int(),
  resolveDays: z.number().int(),
})

/** One change of the routing table, kept for the audit trail. */
export const routingChangeSchema = z
  .object({
    categoryId: z.string(),
    categoryName: z.string(),
    before: routingValuesSchema,
    after: routingValuesSchema,
    by: z.string(),
    at: z.string(),
  })
  .meta({ id: 'RoutingChange' })
export type RoutingChange = z.infer<typeof routingChangeSchema>
export const routingChangesSchema = z.object({ items: z.array(routingChangeSchema) }).meta({ id: 'RoutingChanges' })
