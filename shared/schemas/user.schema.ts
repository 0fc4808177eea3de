import * as z from 'zod'
import { roleSchema } from './common.schema'
import { PRIVACY_VERSION } from '../domain/privacy'

/**
 * A staff member's tie to one enterprise. Scanning a card asks for one (pending); the
 * specialist, an admin or an approved colleague decides. Only `approved` opens the enterprise's
 * appeals; `pending` may file and sees only what it filed; `rejected` and `revoked` see nothing.
 */
export const bindingStatusSchema = z.enum(['pending', 'approved', 'rejected', 'revoked'])
export type BindingStatus = z.infer<typeof bindingStatusSchema>

export const bindingSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  status: bindingStatusSchema,
})
export type Binding = z.infer<typeof bindingSchema>

/** A binding as the enterprise's approvers see it. */
export const staffMemberSchema = z
  .object({
    userId: z.string(),
    userName: z.string(),
    phone: z.string().optional().meta({ description: 'The phone the person gave when asking to join' }),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    status: bindingStatusSchema,
    requestedAt: z.string(),
    decidedAt: z.string().optional(),
    decidedBy: z.string().optional().meta({ description: 'Name of who approved, rejected or revoked' }),
  })
  .meta({ id: 'StaffMember' })
export type StaffMember = z.infer<typeof staffMemberSchema>
export const staffListSchema = z.object({ items: z.array(staffMemberSchema) }).meta({ id: 'StaffList' })

export const bindingDecisionSchema = z
  .object({
    decision: z.enum(['approve', 'reject', 'revoke'], { message: '请选择通过、驳回或解除' }),
  })
  .strict()
  .meta({ id: 'BindingDecision' })
export type BindingDecision = z.infer<typeof bindingDecisionSchema>['decision']

/** One agreement to the privacy guide: its version (shared/domain/privacy.ts) and when. */
export const privacyConsentSchema = z.object({ version: z.string(), at: z.string() }).meta({ id: 'PrivacyConsent' })

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
    privacyConsent: privacyConsentSchema.optional().meta({ description: 'The privacy guide (用户隐私保护指引) this user last agreed to' }),
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

export const wechatLoginRequestSchema = z
  .object({ code: z.string({ message: '缺少微信登录凭证' }).trim().min(1, '缺少微信登录凭证').max(128, '微信登录凭证格式不正确') })
  .strict()
  .meta({ id: 'WeChatLoginRequest' })

export const refreshRequestSchema = z
  .object({ refreshToken: z.string({ message: '缺少刷新凭证' }).min(20, '刷新凭证格式不正确').max(200, '刷新凭证格式不正确') })
  .strict()
  .meta({ id: 'RefreshRequest' })

/** A session: a short-lived bearer token and a single-use refresh token that replaces it. */
export const loginResponseSchema = z
  .object({
    token: z.string(),
    expiresIn: z.number().int().meta({ description: 'Seconds until `token` expires' }),
    refreshToken: z.string().meta({ description: 'Single use: POST /api/auth/refresh returns a new pair' }),
    user: userSchema,
  })
  .meta({ id: 'LoginResponse' })
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

/**
 * Officials come from the roster, not from WeChat: an admin issues a one-time invitation code,
 * and the official enters it once in the mini-program to link their WeChat to their account.
 */
export const INVITE_CODE_PATTERN = /^[0-9a-hjkmnp-tv-z]{12}$/

export const invitationSchema = z
  .object({
    code: z.string().meta({ description: '12 characters, single use' }),
    expiresAt: z.string(),
    userName: z.string(),
  })
  .meta({ id: 'Invitation' })
export type Invitation = z.infer<typeof invitationSchema>

export const claimInvitationRequestSchema = z
  .object({
    code: z.string({ message: '缺少微信登录凭证' }).trim().min(1, '缺少微信登录凭证').max(128, '微信登录凭证格式不正确'),
    invitation: z
      .string({ message: '请输入邀请码' })
      .transform((v) => v.replace(/[\s-]/g, '').toLowerCase())
      .pipe(z.string().regex(INVITE_CODE_PATTERN, '邀请码应为 12 位字母或数字')),
  })
  .strict()
  .meta({ id: 'ClaimInvitationRequest' })

/** Agreeing to the privacy guide the app showed: only the version in force counts. */
export const privacyConsentRequestSchema = z
  .object({
    version: z
      .string({ message: '缺少隐私保护指引版本' })
      .max(20, '隐私保护指引版本不正确')
      .refine((version) => version === PRIVACY_VERSION, '隐私保护指引已更新，请重新阅读后同意'),
  })
  .strict()
  .meta({ id: 'PrivacyConsentRequest' })

/** 注销账号: the words the user typed (or the button they confirmed) to say they mean it. */
export const DELETE_ACCOUNT_CONFIRMATION = '注销账号'
export const deleteAccountRequestSchema = z
  .object({
    confirm: z
      .string({ message: `请输入「${DELETE_ACCOUNT_CONFIRMATION}」确认` })
      .refine((text) => text.trim() === DELETE_ACCOUNT_CONFIRMATION, `请输入「${DELETE_ACCOUNT_CONFIRMATION}」确认`),
  })
  .strict()
  .meta({ id: 'DeleteAccountRequest' })

/** 我的个人信息: everything the product holds about the caller, and nothing about anyone else. */
export const personalDataSchema = z
  .object({
    profile: z.object({
      id: z.string(),
      name: z.string(),
      role: roleSchema,
      phone: z.string().meta({ description: 'The phone they gave, in full (it is theirs); empty when none' }),
      wechatLinked: z.boolean().meta({ description: 'A WeChat identity (openid) is linked; the openid itself is not shown' }),
    }),
    bindings: z.array(
      z.object({
        enterpriseId: z.string(),
        enterpriseName: z.string(),
        status: bindingStatusSchema,
        requestedAt: z.string(),
        phone: z.string().optional().meta({ description: 'The phone given when asking to join' }),
      }),
    ),
    consents: z.array(privacyConsentSchema).meta({ description: 'Agreements to the privacy guide, the latest' }),
    appeals: z
      .array(z.object({ id: z.string(), number: z.string().optional(), title: z.string(), enterpriseName: z.string(), createdAt: z.string() }))
      .meta({ description: 'The appeals this user filed: titles and numbers' }),
    privacyVersion: z.string().meta({ description: 'The version of the privacy guide in force' }),
  })
  .meta({ id: 'PersonalData' })
export type PersonalData = z.infer<typeof personalDataSchema>
