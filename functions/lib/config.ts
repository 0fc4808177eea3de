import * as z from 'zod'

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
  TOKEN_SECRET: z.string().min(32, 'TOKEN_SECRET must be at least 32 characters'),
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(12 * 3600),
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
