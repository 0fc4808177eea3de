import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import * as z from 'zod'
import { CITY_PREFIX_PATTERN } from '../../shared/domain/appeal-number'
import { areaSchema, categorySchema, departmentSchema, enterpriseSchema, taskForceSchema } from '../../shared/schemas/catalog.schema'

export const DEMO_CITY_FILE = join(resolve(dirname(new URL(import.meta.url).pathname), '..', '..'), 'data', 'demo', 'xiangtan.json')

const person = { id: z.string(), name: z.string(), phone: z.string() }

/** The shape of data/demo/xiangtan.json, checked before anything is written. */
export const demoCitySchema = z.object({
  // `code`: the prefix of the city's appeal numbers (湘潭 → XT), the server's CITY_PREFIX.
  city: z.object({ id: z.string(), name: z.string(), code: z.string().regex(CITY_PREFIX_PATTERN), division: z.string(), timezone: z.literal('Asia/Shanghai') }),
  areas: z.array(areaSchema),
  departments: z.array(departmentSchema),
  taskForces: z.array(taskForceSchema),
  categories: z.array(categorySchema),
  // City-level specialists sit in a municipal department and have no area.
  specialists: z.array(z.object({ ...person, areaId: z.string().nullable(), departmentId: z.string().optional(), title: z.string() })),
  departmentHandlers: z.array(z.object({ ...person, departmentId: z.string() })),
  taskForceHandlers: z.array(z.object({ ...person, taskForceId: z.string() })),
  admins: z.array(
    z.object({ id: z.string(), name: z.string(), role: z.enum(['city_admin', 'area_admin']), areaId: z.string().optional(), title: z.string() }),
  ),
  // The specialist comes from `assignments`, not from the enterprise row.
  enterprises: z.array(enterpriseSchema.omit({ specialistId: true }).extend({ contact: z.object({ name: z.string(), phone: z.string() }) })),
  assignments: z.array(z.object({ enterpriseId: z.string(), specialistId: z.string() })),
})
export type DemoCity = z.infer<typeof demoCitySchema>

export function readDemoCity(file = DEMO_CITY_FILE): DemoCity {
  return demoCitySchema.parse(JSON.parse(readFileSync(file, 'utf8')))
}
