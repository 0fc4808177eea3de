import { createHash } from 'node:crypto'

/** Invitations are stored by hash only: the table never holds a code that would work. */
export const getInvitationHash = (code: string): string => createHash('sha256').update(code.toLowerCase()).digest('base64url')
