import { createHash } from 'node:crypto'

/**
 * What the table keeps of a bearer secret (refresh token, invitation code): its SHA-256, so that
 * a copy of the table holds nothing that would sign anyone in.
 */
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('base64url')
