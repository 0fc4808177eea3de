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
