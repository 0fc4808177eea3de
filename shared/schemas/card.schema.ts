import * as z from 'zod'
import { CARD_ID_PATTERN } from '../domain/card-id'
import { MOBILE_PHONE, PERSON_NAME_MAX } from './field-limits'
import { bindingSchema } from './user.schema'
import { requiredText } from './text.schema'

export const cardIdSchema = z.string({ message: '联系卡编号不正确' }).regex(CARD_ID_PATTERN, '联系卡编号不正确，请重新扫码')

/** The specialist as a card shows them: who to call. */
export const cardSpecialistSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  organisation: z.string().meta({ description: 'The park or department the specialist works for' }),
  phone: z.string(),
})
export type CardSpecialist = z.infer<typeof cardSpecialistSchema>

/**
 * What opening a card shows anyone who holds it: the facts printed on the card plus the
 * enterprise's public counts. Nothing here is more than the paper card itself tells.
 */
export const cardViewSchema = z
  .object({
    id: z.string(),
    enterprise: z.object({ id: z.string(), name: z.string(), areaName: z.string() }),
    specialist: cardSpecialistSchema.nullable().meta({ description: 'Null while the enterprise has no specialist (the area duty queue serves it)' }),
    appeals: z.object({ open: z.number().int(), closed: z.number().int() }),
    servicePromise: z.string(),
  })
  .meta({ id: 'CardView' })
export type CardView = z.infer<typeof cardViewSchema>

/**
 * Who is asking to join: the approver must be able to tell whether this person works there, so a
 * name is required; a phone number lets the specialist call to check.
 */
export const bindCardRequestSchema = z
  .object({
    name: requiredText('姓名', PERSON_NAME_MAX, { min: 2, missing: '请填写您的姓名' }),
    phone: z
      .string()
      .trim()
      .regex(MOBILE_PHONE, '手机号格式不正确')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .strict()
  .meta({ id: 'BindCardRequest' })
export type BindCardRequest = z.infer<typeof bindCardRequestSchema>

export const bindCardResponseSchema = z.object({ binding: bindingSchema }).meta({ id: 'BindCardResponse' })

/** An area's cards, for the print sheet. */
export const areaCardsSchema = z
  .object({
    area: z.object({ id: z.string(), name: z.string() }),
    cards: z.array(cardViewSchema),
  })
  .meta({ id: 'AreaCards' })
export type AreaCards = z.infer<typeof areaCardsSchema>

/** The promise printed on every card (一企一专员, 一码直通). */
export const SERVICE_PROMISE = '一企一专员 · 一码直通：扫码提诉求，1 个工作日内响应，办理进度全程可查'
