import * as z from 'zod'
import { actorRefSchema, appealStatusSchema, measureSchema, outcomeSchema } from './appeal.schema'
import { scaleSchema } from './catalog.schema'
import { enterpriseIdSchema, instantSchema, mintedIdSchema } from './common.schema'
import { requiredText } from './text.schema'

/** An exchange day's id as scheduling mints it: `ev-` and a lower-case ulid. */
export const exchangeEventIdSchema = mintedIdSchema('ev', '交流活动编号不正确')
/** The path of /api/events/{id}: a malformed id is a 400 on `id`, a well-formed unknown one a 404. */
export const exchangeEventPathSchema = z.object({ id: exchangeEventIdSchema })

export const EVENT_TITLE_MAX = 40
export const EVENT_PLACE_MAX = 60
export const EVENT_SERIES_MAX = 40
export const EVENT_HOSTS_MAX = 10
export const EVENT_DEPARTMENTS_MAX = 20
export const EVENT_INVITED_MAX = 200

const areaIdField = z.string({ message: '属地编号不正确' }).regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号不正确')

/** A date as YYYY-MM-DD that exists on the calendar. */
const eventDate = z
  .string({ message: '请选择活动日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((date) => !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date), '日期不存在')

/** The hour it starts, Shanghai time, 24-hour HH:mm (e.g. 19:30 for a Monday evening). */
const eventTime = z.string({ message: '请选择开始时间' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm')

/**
 * Who is invited (受邀企业): a list of enterprises, or a filter — every enterprise of the given
 * scales in the event's area (a city-level event: in the city, or in `areaId` when named).
 */
export const invitedSchema = z
  .discriminatedUnion(
    'kind',
    [
      z
        .object({
          kind: z.literal('list'),
          enterpriseIds: z
            .array(enterpriseIdSchema, { message: '请选择受邀企业' })
            .min(1, '请至少选择一家受邀企业')
            .max(EVENT_INVITED_MAX, `受邀企业最多 ${EVENT_INVITED_MAX} 家`)
            .refine((ids) => new Set(ids).size === ids.length, '受邀企业有重复'),
        })
        .strict(),
      z
        .object({
          kind: z.literal('filter'),
          scales: z
            .array(scaleSchema, { message: '请选择企业规模' })
            .min(1, '请至少选择一种企业规模')
            .refine((s) => new Set(s).size === s.length, '企业规模有重复'),
          areaId: areaIdField.optional().meta({ description: 'City-level events only: the area to invite from' }),
        })
        .strict(),
    ],
    { message: '受邀企业应为名单或筛选条件' },
  )
  .meta({ id: 'ExchangeEventInvited' })
export type Invited = z.infer<typeof invitedSchema>

/** 新建交流日: what an admin fills in to schedule an exchange day (政企交流主题日 / 企业家接待日). */
export const createExchangeEventRequestSchema = z
  .object({
    title: requiredText('活动名称', EVENT_TITLE_MAX, { min: 2 }),
    series: requiredText('活动系列', EVENT_SERIES_MAX, { min: 2 }).meta({ description: 'The series it belongs to, e.g. 高新区政企交流主题日' }),
    date: eventDate.meta({ description: 'Shanghai date' }),
    time: eventTime,
    place: requiredText('活动地点', EVENT_PLACE_MAX, { min: 2 }),
    hosts: z
      .array(requiredText('主持领导', 40, { min: 2 }), { message: '请填写主持领导' })
      .min(1, '请至少填写一位主持领导')
      .max(EVENT_HOSTS_MAX, `主持领导最多 ${EVENT_HOSTS_MAX} 位`),
    departmentIds: z
      .array(z.string({ message: '部门编号不正确' }).regex(/^[a-z][a-z0-9-]{0,39}$/, '部门编号不正确'), { message: '请选择参会部门' })
      .max(EVENT_DEPARTMENTS_MAX, `参会部门最多 ${EVENT_DEPARTMENTS_MAX} 个`)
      .refine((ids) => new Set(ids).size === ids.length, '参会部门有重复'),
    areaId: areaIdField.nullable().meta({ description: 'The park or district it is held for; null: a city-level event' }),
    invited: invitedSchema,
  })
  .strict()
  .meta({ id: 'CreateExchangeEventRequest' })
export type CreateExchangeEventRequest = z.infer<typeof createExchangeEventRequestSchema>

export const exchangeEventSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    series: z.string(),
    date: z.string(),
    time: z.string(),
    place: z.string(),
    hosts: z.array(z.string()),
    departmentIds: z.array(z.string()),
    areaId: z.string().nullable(),
    invited: invitedSchema,
    createdBy: actorRefSchema,
    createdAt: instantSchema,
  })
  .meta({ id: 'ExchangeEvent' })
export type ExchangeEvent = z.infer<typeof exchangeEventSchema>

/** The live tallies of one event, or of a series: 现场提出 / 已定措施 / 已解决. */
export const eventTalliesSchema = z
  .object({
    raised: z.number().int().min(0).meta({ description: 'Problems raised at the event (appeals filed from it, withdrawn ones included)' }),
    withMeasure: z.number().int().min(0).meta({ description: 'Of them, those with a measure (解决措施)' }),
    solved: z.number().int().min(0).meta({ description: 'Of them, closed with the outcome resolved (已办结且答复为已解决)' }),
  })
  .meta({ id: 'EventTallies' })
export type EventTallies = z.infer<typeof eventTalliesSchema>

export const eventProblemSchema = z
  .object({
    appealId: z.string(),
    number: z.string(),
    enterpriseId: z.string(),
    enterpriseName: z.string(),
    categoryName: z.string(),
    title: z.string(),
    status: appealStatusSchema,
    outcome: outcomeSchema.optional(),
    measure: measureSchema.optional(),
    solved: z.boolean(),
    createdAt: instantSchema,
  })
  .meta({ id: 'EventProblem' })
export type EventProblem = z.infer<typeof eventProblemSchema>

export const invitedEnterpriseSchema = z
  .object({ id: z.string(), name: z.string(), scale: scaleSchema, areaId: z.string(), specialistId: z.string().nullable() })
  .meta({ id: 'InvitedEnterprise' })
export type InvitedEnterprise = z.infer<typeof invitedEnterpriseSchema>

export const exchangeEventDetailSchema = z
  .object({
    event: exchangeEventSchema,
    tallies: eventTalliesSchema,
    problems: z.array(eventProblemSchema).meta({ description: 'In the order they were raised' }),
    invitedEnterprises: z
      .array(invitedEnterpriseSchema)
      .meta({ description: 'An invitation by list: those enterprises, as the quick-entry picker offers them; empty for an invitation by filter' }),
  })
  .meta({ id: 'ExchangeEventDetail' })
export type ExchangeEventDetail = z.infer<typeof exchangeEventDetailSchema>

export const listExchangeEventsQuerySchema = z
  .object({
    areaId: areaIdField.optional().meta({ description: 'City admin only: one area (its events and the city-level ones)' }),
    series: requiredText('活动系列', EVENT_SERIES_MAX).optional(),
  })
  .strict()
export type ListExchangeEventsQuery = z.infer<typeof listExchangeEventsQuerySchema>

export const exchangeEventListSchema = z
  .object({ items: z.array(exchangeEventSchema).meta({ description: 'Newest date first' }) })
  .meta({ id: 'ExchangeEventList' })
export type ExchangeEventList = z.infer<typeof exchangeEventListSchema>

export const seriesTotalsQuerySchema = z
  .object({ areaId: areaIdField.optional().meta({ description: 'City admin only: one area' }) })
  .strict()
export type SeriesTotalsQuery = z.infer<typeof seriesTotalsQuerySchema>

export const seriesTotalSchema = eventTalliesSchema
  .extend({
    series: z.string(),
    areaId: z.string().nullable(),
    events: z.number().int().min(0).meta({ description: 'Events held or scheduled in the series' }),
    held: z.number().int().min(0).meta({ description: 'Of them, those whose date has come (Shanghai)' }),
    firstDate: z.string(),
    lastDate: z.string(),
  })
  .meta({ id: 'SeriesTotal' })
export type SeriesTotal = z.infer<typeof seriesTotalSchema>

export const seriesTotalsSchema = z.object({ items: z.array(seriesTotalSchema) }).meta({ id: 'SeriesTotals' })
export type SeriesTotals = z.infer<typeof seriesTotalsSchema>

export const exchangeEventResponseSchema = z.object({ event: exchangeEventSchema }).meta({ id: 'ExchangeEventResponse' })
