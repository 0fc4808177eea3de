import * as z from 'zod'
import { DELETE_ACCOUNT_CONFIRMATION, meResponseSchema, personalDataSchema, type PersonalData, type User } from '@shared/schemas/user.schema'
import { parseResponse, request } from './request'

/** Personal data (用户隐私保护指引): one typed function per endpoint. */

/** The user agreed to this version of the privacy guide; the server keeps it with the time. */
export async function recordPrivacyConsent(version: string): Promise<User> {
  return parseResponse(meResponseSchema, await request('/api/me/privacy-consent', { method: 'POST', body: { version } })).user
}

/** 我的个人信息: everything the product holds about the caller. */
export async function fetchPersonalData(): Promise<PersonalData> {
  return parseResponse(personalDataSchema, await request('/api/me/data'))
}

const accountDeletedSchema = z.object({ deleted: z.literal(true), appealsKept: z.number() })

/** 注销账号: the server removes the account; the caller then clears the session. */
export async function deleteMyAccount(): Promise<{ appealsKept: number }> {
  return parseResponse(accountDeletedSchema, await request('/api/me', { method: 'DELETE', body: { confirm: DELETE_ACCOUNT_CONFIRMATION } }))
}
