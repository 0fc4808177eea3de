import * as z from 'zod'
import { roleSchema } from './common.schema'

export const bindingSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  status: z.enum(['approved', 'pending']),
})
export type Binding = z.infer<typeof bindingSchema>

export const userSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: roleSchema,
    title: z.string().optional(),
    areaId: z.string().optional(),
    departmentId: z.string().optional(),
    taskForceId: z.string().optional(),
    bindings: z.array(bindingSchema).optional().meta({ description: 'Enterprises a staff member belongs to' }),
  })
  .meta({ id: 'User' })
export type User = z.infer<typeof userSchema>

/**
 * Demo identities: a specialist (sp-…), department handler (dh-…), task-force handler (th-…),
 * admin (ad-…), or `staff:<enterpriseId>` for a staff member of that enterprise.
 */
export const devLoginRequestSchema = z
  .object({
    as: z
      .string({ message: '请选择登录身份' })
      .regex(/^((sp|dh|th|ad)-[0-9a-z-]{1,40}|staff:en-[0-9a-z-]{1,40})$/, '登录身份格式不正确，例如 sp-001 或 staff:en-0001'),
  })
  .strict()
  .meta({ id: 'DevLoginRequest' })

export const loginResponseSchema = z.object({ token: z.string(), user: userSchema }).meta({ id: 'LoginResponse' })
export type LoginResponse = z.infer<typeof loginResponseSchema>

/** A selectable identity on the local login page. */
export const devIdentitySchema = z.object({
  as: z.string(),
  name: z.string(),
  role: roleSchema,
  description: z.string().meta({ description: '例如「湘潭高新区 · 园区企业服务专员」' }),
})
export type DevIdentity = z.infer<typeof devIdentitySchema>
export const devIdentitiesSchema = z.object({ identities: z.array(devIdentitySchema) }).meta({ id: 'DevIdentities' })

export const meResponseSchema = z.object({ user: userSchema }).meta({ id: 'MeResponse' })
