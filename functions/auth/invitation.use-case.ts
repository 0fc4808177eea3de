import { randomBytes } from 'node:crypto'
import type { Actor } from '@shared/domain/actor'
import { holdsOfficialAccount, invitationAnswer } from '@shared/domain/policy'
import { symbolsFromRandomBytes } from '@shared/domain/card-id'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@shared/errors'
import type { Invitation, LoginResponse } from '@shared/schemas/user.schema'
import { secretHash } from '../lib/secret-hash'
import { getInvitation, putInvitation, spendInvitation } from '../store/invitation.store'
import { findUserIdByOpenid, getUser, linkOpenid } from '../store/user.store'
import type { WeChatClient } from '../services/wechat-client'
import { exchangeCode } from './wechat-login.use-case'
import { issueSession } from './session.use-case'

export const INVITATION_TTL_SECONDS = 7 * 24 * 3600
const INVITE_LENGTH = 12

/** 12 symbols of the card alphabet: 60 bits, single use, a week long — typed once by a person. */
const newInvitationCode = (): string => symbolsFromRandomBytes(randomBytes(INVITE_LENGTH), INVITE_LENGTH)

/**
 * An admin lets an official of their area (the city admin: anyone) link a WeChat account. A new
 * invitation does not cancel older ones; each works once until it expires.
 */
export async function inviteOfficial(actor: Actor, userId: string, now: Date): Promise<Invitation> {
  const official = await getUser(userId)
  const answer = official ? invitationAnswer(actor, official) : 'hidden'
  if (!official || answer === 'hidden') throw new NotFoundError('未找到该工作人员')
  if (answer === 'forbidden') throw new ForbiddenError('只有市级管理员可以邀请市级管理员')
  const code = newInvitationCode()
  const expiresAt = Math.floor(now.getTime() / 1000) + INVITATION_TTL_SECONDS
  await putInvitation(secretHash(code), { userId, expiresAt, createdBy: actor.id })
  return { code, expiresAt: new Date(expiresAt * 1000).toISOString(), userName: official.name }
}

/**
 * An official enters their invitation in the mini-program: the invitation is spent, this WeChat
 * account now signs in as them, and a session is returned. A WeChat account already linked to
 * another official is refused; one that was only a staff account is taken over.
 */
export async function claimInvitation(wxCode: string, invitation: string, wechat: WeChatClient, now: Date): Promise<LoginResponse> {
  const { openid } = await exchangeCode(wxCode, wechat)
  const linked = await findUserIdByOpenid(openid)
  const linkedUser = linked ? await getUser(linked) : undefined
  const hash = secretHash(invitation)
  const nowSeconds = Math.floor(now.getTime() / 1000)
  const invalid = () => new ValidationError('邀请码无效、已使用或已过期，请向管理员重新获取', { invitation: '邀请码无效、已使用或已过期' }, 'INVITATION_INVALID')
  // Checked before spending, so that a refused link leaves the invitation usable.
  const pending = await getInvitation(hash)
  if (!pending || pending.expiresAt <= nowSeconds) throw invalid()
  if (linkedUser && holdsOfficialAccount(linkedUser) && linkedUser.id !== pending.userId) {
    throw new ConflictError('DUPLICATE', `该微信已绑定工作人员「${linkedUser.name}」，不能再绑定其他工作人员`)
  }
  const record = await spendInvitation(hash, nowSeconds)
  if (!record) throw invalid()
  const official = await getUser(record.userId)
  if (!official) throw new NotFoundError('未找到该工作人员')
  await linkOpenid(openid, official.id, now.toISOString())
  return issueSession(official, now)
}
