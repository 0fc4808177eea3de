import * as z from 'zod'
import { actorRefSchema } from './appeal.schema'
import { industrySchema, scaleSchema } from './catalog.schema'
import { categoryIdSchema, enterpriseIdSchema, instantSchema, mintedIdSchema } from './common.schema'
import { optionalText, requiredText } from './text.schema'

/*
 * The specialist's kit (DESIGN §13): policy documents (政策包 / 升规指南, each with its own code),
 * the FAQ handbook (高频问题解答), the search over both, and the count of appeals not filed
 * because an answer helped (deflections). "Policy" here is a government policy document; the
 * permission module is shared/domain/policy/, hence the names policyDoc… and kit….
 */

export const policyDocIdSchema = mintedIdSchema('pd', '政策编号格式不正确')
export const faqIdSchema = mintedIdSchema('fq', '问答编号格式不正确')
/** A search hit names either kind. */
export const kitItemIdSchema = z.union([policyDocIdSchema, faqIdSchema], { message: '条目编号格式不正确' })

/** YYYY-MM-DD, a Shanghai date. */
export const kitDateSchema = z.string({ message: '请选择日期' }).regex(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD')
const kitMonthSchema = z.string({ message: '请选择月份' }).regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')

export const POLICY_TITLE_MAX = 80
export const POLICY_KEY_POINT_MAX = 80
export const POLICY_KEY_POINTS_MAX = 8
export const POLICY_HOW_TO_APPLY_MAX = 1000
export const FAQ_QUESTION_MAX = 100
export const FAQ_ANSWER_MAX = 2000

/** draft → published → withdrawn (a withdrawn one may be published again); expiry is a date, not a state. */
export const policyDocStatusSchema = z.enum(['draft', 'published', 'withdrawn'])
export type PolicyDocStatus = z.infer<typeof policyDocStatusSchema>

/** Who a policy applies to: each list empty means "all" (the default). */
export const applicabilitySchema = z
  .object({
    scales: z.array(scaleSchema, { message: '企业规模不正确' }).max(3).default([]),
    industries: z.array(industrySchema, { message: '行业不正确' }).max(5).default([]),
    areaIds: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号不正确'), { message: '属地不正确' }).max(20).default([]),
  })
  .strict()
export type Applicability = z.infer<typeof applicabilitySchema>

/** A landline, a mobile, or a five-digit public service hotline (95598 供电, 12366 纳税服务). */
const phoneSchema = z.string({ message: '请填写咨询电话' }).regex(/^[0-9][0-9-]{4,19}$/, '咨询电话格式不正确（数字和短横线，5–20 位）')
const urlSchema = z
  .string()
  .max(500, '原文链接不能超过 500 个字符')
  .regex(/^https?:\/\/[^\s]+$/, '原文链接应以 http:// 或 https:// 开头')

/** What an admin writes; the server adds id, status, owner, version and history. */
export const policyDocInputSchema = z
  .object({
    title: requiredText('政策名称', POLICY_TITLE_MAX, { min: 4 }),
    issuer: requiredText('发文单位', 60),
    docNumber: optionalText('文号', 60).default(''),
    categoryId: categoryIdSchema,
    issuedOn: kitDateSchema,
    effectiveOn: kitDateSchema,
    expiresOn: kitDateSchema.nullable().default(null),
    appliesTo: applicabilitySchema.default({ scales: [], industries: [], areaIds: [] }),
    keyPoints: z
      .array(requiredText('要点', POLICY_KEY_POINT_MAX), { message: '请填写政策要点' })
      .min(1, '请至少填写一条要点')
      .max(POLICY_KEY_POINTS_MAX, `要点最多 ${POLICY_KEY_POINTS_MAX} 条`),
    howToApply: requiredText('申报方式', POLICY_HOW_TO_APPLY_MAX, { multiline: true }),
    phone: phoneSchema,
    phoneUnit: optionalText('咨询单位', 60).default(''),
    originalUrl: urlSchema.nullable().default(null),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.effectiveOn < input.issuedOn) ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: '施行日期不能早于发布日期' })
    if (input.expiresOn !== null && input.expiresOn < input.effectiveOn) ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: '失效日期不能早于施行日期' })
  })
export type PolicyDocInput = z.infer<typeof policyDocInputSchema>

export const policyDocChangeSchema = z.object({
  at: instantSchema,
  by: actorRefSchema,
  action: z.enum(['create', 'edit', 'publish', 'withdraw', 'expire', 'attach-original']),
  /** The fields an edit changed, with the values they had. */
  before: z.record(z.string(), z.unknown()).optional(),
})
export type PolicyDocChange = z.infer<typeof policyDocChangeSchema>

export const policyDocSchema = z
  .object({
    id: policyDocIdSchema,
    title: z.string(),
    issuer: z.string(),
    docNumber: z.string(),
    categoryId: z.string(),
    issuedOn: kitDateSchema,
    effectiveOn: kitDateSchema,
    expiresOn: kitDateSchema.nullable(),
    appliesTo: applicabilitySchema,
    keyPoints: z.array(z.string()),
    howToApply: z.string(),
    phone: z.string(),
    phoneUnit: z.string(),
    originalUrl: z.string().nullable(),
    originalFile: z
      .object({ attachmentId: z.string(), fileName: z.string(), size: z.number().int().min(1) })
      .optional()
      .meta({ description: 'The original as an uploaded PDF (原文); its link comes with the policy’s detail' }),
    status: policyDocStatusSchema,
    /** The area whose admins keep it; null for the city office's. */
    ownerAreaId: z.string().nullable(),
    version: z.number().int().min(1),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    publishedAt: instantSchema.nullable(),
  })
  .meta({ id: 'PolicyDoc' })
export type PolicyDoc = z.infer<typeof policyDocSchema>

/** 规上政策包 (above-scale), 升规指南 (the near-scale upgrade guide), or general. */
export const policyPackSchema = z.enum(['above', 'near', 'general'])
export type PolicyPack = z.infer<typeof policyPackSchema>

export const policyDocViewSchema = policyDocSchema
  .extend({
    pack: policyPackSchema,
    expired: z.boolean().meta({ description: 'Past its expiry date (失效): marked, never deleted' }),
    codeUrl: z.string().meta({ description: 'The image of the policy’s own code (a QR code of its page locally, a mini-program code in production)' }),
    actions: z.array(z.enum(['edit', 'publish', 'withdraw', 'expire', 'attach-original'])),
  })
  .meta({ id: 'PolicyDocView' })
export type PolicyDocView = z.infer<typeof policyDocViewSchema>

export const policyDocDetailSchema = z
  .object({
    policy: policyDocViewSchema,
    history: z.array(policyDocChangeSchema).optional(),
    faq: z.array(z.object({ id: z.string(), question: z.string() })),
    original: z
      .object({ fileName: z.string(), size: z.number().int(), url: z.string().meta({ description: 'A fresh 15-minute link to the PDF' }) })
      .optional()
      .meta({ description: 'The uploaded original (原文 PDF), for everyone who may read the policy' }),
  })
  .meta({ id: 'PolicyDocDetail' })
export type PolicyDocDetail = z.infer<typeof policyDocDetailSchema>

export const policyDocListQuerySchema = z
  .object({
    enterpriseId: enterpriseIdSchema.optional(),
    pack: policyPackSchema.optional(),
    categoryId: categoryIdSchema.optional(),
    status: policyDocStatusSchema.optional(),
  })
  .strict()
export type PolicyDocListQuery = z.infer<typeof policyDocListQuerySchema>

export const policyDocListSchema = z
  .object({
    items: z.array(policyDocViewSchema),
    /** For an enterprise user: the enterprise the list was matched to. */
    enterprise: z.object({ id: z.string(), name: z.string(), scale: scaleSchema, industry: industrySchema, areaId: z.string() }).nullable(),
  })
  .meta({ id: 'PolicyDocList' })

const expectedVersion = z.number({ message: '缺少版本号' }).int('版本号必须是整数').min(1, '版本号不正确')

export const policyDocActionSchema = z
  .discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('edit'), expectedVersion, policy: policyDocInputSchema }).strict(),
      z.object({ type: z.literal('publish'), expectedVersion }).strict(),
      z.object({ type: z.literal('withdraw'), expectedVersion, reason: requiredText('撤回原因', 200) }).strict(),
      z.object({ type: z.literal('expire'), expectedVersion }).strict(),
      z
        .object({ type: z.literal('attach-original'), expectedVersion, uploadId: mintedIdSchema('up', '附件编号不正确') })
        .strict()
        .meta({ description: 'The original as a PDF: an upload issued for `{kind: "policy", id}`; it replaces any earlier one' }),
    ],
    { message: '操作类型不正确' },
  )
  .meta({ id: 'PolicyDocAction' })
export type PolicyDocAction = z.infer<typeof policyDocActionSchema>

export const policyDocPathSchema = z.object({ id: policyDocIdSchema }).strict()

/* The FAQ handbook. */

export const faqStatusSchema = z.enum(['draft', 'published'])

export const faqInputSchema = z
  .object({
    question: requiredText('问题', FAQ_QUESTION_MAX, { min: 4 }),
    answer: requiredText('解答', FAQ_ANSWER_MAX, { min: 4, multiline: true }),
    categoryId: categoryIdSchema,
    policyIds: z.array(policyDocIdSchema, { message: '关联政策不正确' }).max(5, '最多关联 5 条政策').default([]),
  })
  .strict()
export type FaqInput = z.infer<typeof faqInputSchema>

export const faqEntrySchema = z
  .object({
    id: faqIdSchema,
    question: z.string(),
    answer: z.string(),
    categoryId: z.string(),
    policyIds: z.array(z.string()),
    status: faqStatusSchema,
    ownerAreaId: z.string().nullable(),
    /** Drafted from a closed appeal's answer: which one (its number as people read it). */
    fromAppeal: z.object({ id: z.string(), number: z.string() }).nullable(),
    version: z.number().int().min(1),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    updatedBy: actorRefSchema,
    publishedAt: instantSchema.nullable(),
  })
  .meta({ id: 'FaqEntry' })
export type FaqEntry = z.infer<typeof faqEntrySchema>

export const faqViewSchema = faqEntrySchema.extend({ actions: z.array(z.enum(['edit', 'publish', 'unpublish'])) }).meta({ id: 'FaqView' })
export type FaqView = z.infer<typeof faqViewSchema>

export const faqListQuerySchema = z.object({ categoryId: categoryIdSchema.optional(), status: faqStatusSchema.optional() }).strict()
export const faqListSchema = z
  .object({
    items: z.array(faqViewSchema),
    /** Per category, in the catalog's order: how many entries the list holds. */
    categories: z.array(z.object({ categoryId: z.string(), name: z.string(), count: z.number().int() })),
  })
  .meta({ id: 'FaqList' })

export const faqActionSchema = z
  .discriminatedUnion(
    'type',
    [
      z.object({ type: z.literal('edit'), expectedVersion, entry: faqInputSchema }).strict(),
      z.object({ type: z.literal('publish'), expectedVersion }).strict(),
      z.object({ type: z.literal('unpublish'), expectedVersion }).strict(),
    ],
    { message: '操作类型不正确' },
  )
  .meta({ id: 'FaqAction' })
export type FaqAction = z.infer<typeof faqActionSchema>

export const faqPathSchema = z.object({ id: faqIdSchema }).strict()
export const faqFromAppealSchema = z.object({ appealId: mintedIdSchema('ap', '诉求编号格式不正确') }).strict()

/* Search. */

export const KIT_QUERY_MAX = 60

export const kitSearchQuerySchema = z
  .object({
    q: z.string().max(KIT_QUERY_MAX, `搜索内容不能超过 ${KIT_QUERY_MAX} 个字`).default(''),
    categoryId: categoryIdSchema.optional(),
    scale: scaleSchema.optional(),
    industry: industrySchema.optional(),
    kind: z.enum(['policy', 'faq'], { message: '类型不正确' }).optional(),
    limit: z.coerce.number({ message: '条数必须是数字' }).int('条数必须是整数').min(1, '至少 1 条').max(20, '最多 20 条').default(5),
  })
  .strict()
export type KitSearchQuery = z.infer<typeof kitSearchQuerySchema>

/** A piece of text with the query's matches marked, for the page to draw. */
export const highlightedSchema = z.array(z.object({ text: z.string(), hit: z.boolean() })).meta({ id: 'HighlightedText' })
export type Highlighted = z.infer<typeof highlightedSchema>

export const kitHitSchema = z
  .object({
    kind: z.enum(['policy', 'faq']),
    id: z.string(),
    categoryId: z.string(),
    title: highlightedSchema,
    snippet: highlightedSchema,
    score: z.number(),
  })
  .meta({ id: 'KitHit' })
export type KitHit = z.infer<typeof kitHitSchema>

export const kitSearchResultSchema = z
  .object({ items: z.array(kitHitSchema), total: z.number().int().meta({ description: 'Matches before the limit' }), tookMs: z.number() })
  .meta({ id: 'KitSearchResult' })
export type KitSearchResult = z.infer<typeof kitSearchResultSchema>

/* Deflection: an appeal not filed because an answer helped (已解决，不再提交). */

export const deflectionInputSchema = z
  .object({ itemId: kitItemIdSchema, categoryId: categoryIdSchema.optional(), enterpriseId: enterpriseIdSchema.optional() })
  .strict()
export type DeflectionInput = z.infer<typeof deflectionInputSchema>

export const deflectionReportQuerySchema = z
  .object({ month: kitMonthSchema, areaId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '属地编号不正确').optional() })
  .strict()

export const deflectionRowSchema = z.object({
  categoryId: z.string(),
  name: z.string(),
  deflected: z.number().int(),
  filed: z.number().int(),
  /** deflected ÷ (deflected + filed), one decimal; null when both are zero. */
  rate: z.number().nullable(),
})
export const deflectionReportSchema = z
  .object({ month: z.string(), scope: z.string(), total: deflectionRowSchema, categories: z.array(deflectionRowSchema) })
  .meta({ id: 'DeflectionReport' })
export type DeflectionReport = z.infer<typeof deflectionReportSchema>
