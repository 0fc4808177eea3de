/**
 * `npm run invite -- <officialId>`: issues a login invitation from a shell, for the first city
 * admin of a new deployment (who has no admin to invite them). Needs the deployment's table
 * (TABLE_NAME, AWS_REGION and AWS credentials in the environment; DYNAMODB_ENDPOINT for local).
 */
import type { Actor } from '../shared/domain/actor'

async function main(): Promise<void> {
  const officialId = process.argv[2]
  if (!officialId) throw new Error('usage: npm run invite -- <officialId>   e.g. ad-city')
  // The configuration insists on a token secret; nothing here signs a token.
  process.env.TOKEN_SECRET ??= 'unused-by-the-invite-script-0123456789abcdef'
  const { inviteOfficial } = await import('../functions/auth/invitation.use-case')
  const console: Actor = { id: 'console', name: '系统控制台', role: 'city_admin', enterpriseIds: [], pendingEnterpriseIds: [] }
  const invitation = await inviteOfficial(console, officialId, new Date())
  process.stdout.write(`${invitation.userName}: invitation ${invitation.code} (valid until ${invitation.expiresAt}, single use)\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`invite failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
