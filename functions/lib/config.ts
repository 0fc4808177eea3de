import * as z from 'zod'
import { templateKeySchema } from '@shared/schemas/notification.schema'

/**
 * Configuration, read once at cold start and validated: a missing table name or a weak token
 * secret fails the first invocation loudly instead of the first query.
 */
const configSchema = z.object({
  STAGE: z.string().min(1).default('local'),
  TABLE_NAME: z.string().min(1),
  AWS_REGION: z.string().min(1).default('cn-northwest-1'),
  /** Set only for local runs (DynamoDB Local); deployed stages use the regional endpoint. */
  DYNAMODB_ENDPOINT: z.url().optional().or(z.literal('').transform(() => undefined)),
  /** Set only for local runs (s3rver); deployed stages use the regional S3 endpoint. */
  S3_ENDPOINT: z.url().optional().or(z.literal('').transform(() => undefined)),
  /** Where report exports are written (a lifecycle rule expires them after 7 days); the local stage's by default. */
  EXPORT_BUCKET: z.string().min(1).default('qinshang-direct-exports-local'),
  /** Appeals' photos and documents: uploads land under incoming/ (expiring), attached files under attachments/. */
  ATTACHMENT_BUCKET: z.string().min(1).default('qinshang-direct-attachments-local'),
  TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters'),
  /** Bearer tokens are short-lived; a refresh re-reads the user, so role changes bite within this. */
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(2 * 3600),
  REFRESH_TTL_SECONDS: z.coerce.number().int().min(3600).default(30 * 24 * 3600),
  /** WeChat's server APIs; locally and in tests the stand-in server on localhost. */
  WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  WECHAT_APP_ID: z.string().default(''),
  WECHAT_APP_SECRET: z.string().default(''),
  /**
   * What a card's code opens: a WeChat mini-program code (production) or a QR code of the h5
   * page (local runs, and h5-only deployments).
   */
  CARD_CODE: z.enum(['wxacode', 'h5-url']).default('wxacode'),
  H5_BASE_URL: z.url().default('http://localhost:10086'),
  WXA_ENV_VERSION: z.enum(['release', 'trial', 'develop']).default('release'),
  /**
   * Subscribe-message template ids, one per template of functions/notifications/templates.ts,
   * chosen in the mini-program's admin console. Empty: that template is not set up, nothing is
   * pushed with it (the inbox still has every notification). The defaults are the local stage's.
   */
  WECHAT_TEMPLATE_TASK: z.string().default('local-tpl-task'),
  WECHAT_TEMPLATE_DEADLINE: z.string().default('local-tpl-deadline'),
  WECHAT_TEMPLATE_EVALUATION: z.string().default('local-tpl-evaluation'),
  WECHAT_TEMPLATE_PROGRESS: z.string().default('local-tpl-progress'),
  WECHAT_TEMPLATE_DIGEST: z.string().default('local-tpl-digest'),
  /** Which build a pushed message opens: formal (release), trial or developer. */
  WECHAT_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
  /**
   * Templates WeChat granted as long-term subscriptions (长期订阅, offered to 政务民生 categories),
   * by key, comma-separated: e.g. `progress,evaluation`. One accept lets the server send with such a
   * template until the user turns it off: no budget is spent and the app does not ask again.
   * Every other template follows the one-time rule (one message per accept).
   */
  WECHAT_LONG_TERM_TEMPLATES: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((key) => key.trim()).filter((key) => key !== ''))
    .pipe(z.array(templateKeySchema, { message: 'WECHAT_LONG_TERM_TEMPLATES lists template keys: task, deadline, evaluation, progress, digest' })),
  /**
   * The Token of the mini-program's message push (消息推送, plaintext mode): WeChat signs every
   * pushed event with it, e.g. the verdicts of mediaCheckAsync. Empty: pushed events are refused.
   */
  WECHAT_PUSH_TOKEN: z.string().default(''),
  /** The city's prefix of appeal numbers (诉求编号, e.g. XT-20261205-0012): 湘潭 → XT. */
  CITY_PREFIX: z
    .string()
    .regex(/^[A-Z]{2,4}$/, 'CITY_PREFIX must be 2–4 capital letters')
    .default('XT'),
  /** The demo-login routes exist only where this is true (local stage). */
  DEV_LOGIN: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
})

export type Config = z.infer<typeof configSchema>

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration: ${problems}`)
  }
  return parsed.data
}

export const config: Config = loadConfig()
