import { INDUSTRY_LABEL, SCALE_LABEL } from '../labels'
import type { Industry, Scale } from '../schemas/catalog.schema'
import { policyDocInputSchema, type PolicyDocInput } from '../schemas/policy.schema'

/*
 * Policies from an admin's XLSX (政策批量导入): each row a policy, written as a draft — nothing is
 * published by an import. Pure: the file reader gives the cells as text, this plans each row.
 */

export type PolicyImportField =
  | 'title'
  | 'issuer'
  | 'docNumber'
  | 'category'
  | 'issuedOn'
  | 'effectiveOn'
  | 'expiresOn'
  | 'keyPoints'
  | 'howToApply'
  | 'phone'
  | 'phoneUnit'
  | 'originalUrl'
  | 'scales'
  | 'industries'
  | 'areas'

export const POLICY_IMPORT_COLUMNS: readonly { key: PolicyImportField; header: string; required: boolean; help: string; example: string }[] = [
  { key: 'title', header: '政策名称', required: true, help: '4–80 个字', example: '高新区厂房消防改造专项补助' },
  { key: 'issuer', header: '发文单位', required: true, help: '例如：湘潭高新区管委会', example: '湘潭高新区管委会' },
  { key: 'docNumber', header: '文号', required: false, help: '例如：潭高新发〔2026〕31号', example: '潭高新发〔2026〕31号' },
  { key: 'category', header: '诉求类别', required: true, help: '类别名称或编号，与诉求类别一致', example: '消防安全' },
  { key: 'issuedOn', header: '发布日期', required: true, help: 'YYYY-MM-DD', example: '2026-11-20' },
  { key: 'effectiveOn', header: '施行日期', required: true, help: 'YYYY-MM-DD，不早于发布日期', example: '2026-11-20' },
  { key: 'expiresOn', header: '失效日期', required: false, help: 'YYYY-MM-DD；空着表示长期有效', example: '' },
  { key: 'keyPoints', header: '政策要点', required: true, help: '每条要点一行（单元格内换行）或用；分隔，最多 8 条', example: '老旧厂房消防设施改造投资的 20% 给予补助；单户最高 40 万元' },
  { key: 'howToApply', header: '申报方式', required: true, help: '怎么申报、向谁申报', example: '改造完成并通过消防验收后，向园区安全生产监督局申报。' },
  { key: 'phone', header: '咨询电话', required: true, help: '数字和短横线', example: '0731-58290119' },
  { key: 'phoneUnit', header: '咨询单位', required: false, help: '接听电话的单位', example: '高新区安全生产监督局' },
  { key: 'originalUrl', header: '原文链接', required: false, help: '以 http:// 或 https:// 开头', example: '' },
  { key: 'scales', header: '适用规模', required: false, help: `${Object.values(SCALE_LABEL).join('、')}，多个用、分隔；空着表示全部`, example: '规上、临规' },
  { key: 'industries', header: '适用行业', required: false, help: `${Object.values(INDUSTRY_LABEL).join('、')}，多个用、分隔；空着表示全部`, example: '工业' },
  { key: 'areas', header: '适用属地', required: false, help: '属地名称，多个用、分隔；空着表示全市（属地管理员导入的只适用本属地）', example: '' },
]

export const MAX_POLICY_IMPORT_ROWS = 200

export type PolicyImportRow = { row: number } & Record<PolicyImportField, string>

export interface PolicyImportContext {
  categories: readonly { id: string; name: string }[]
  areas: readonly { id: string; name: string }[]
  /** Titles already in the kit (any state): a row with one of them is left as it is. */
  existingTitles: ReadonlySet<string>
}

export interface PlannedPolicyRow {
  row: number
  title: string
  action: 'create' | 'duplicate' | 'invalid'
  errors: { field: PolicyImportField; message: string }[]
  input?: PolicyDocInput
}

const list = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '')

const byLabel = <K extends string>(labels: Record<K, string>, text: string): K | undefined =>
  (Object.keys(labels) as K[]).find((k) => labels[k] === text || k === text)

/** The input field a schema issue names → the column it came from. */
const FIELD_OF: Record<string, PolicyImportField> = { categoryId: 'category', appliesTo: 'areas' }

/** Each row planned: a draft to create, a title the kit has already (left alone), or the errors to fix, cell by cell. */
export function planPolicyImport(rows: readonly PolicyImportRow[], context: PolicyImportContext): { rows: PlannedPolicyRow[]; summary: Record<PlannedPolicyRow['action'], number> } {
  const seen = new Set<string>()
  const planned = rows.map((r): PlannedPolicyRow => {
    const errors: PlannedPolicyRow['errors'] = []
    const category = context.categories.find((c) => c.name === r.category || c.id === r.category)
    if (r.category && !category) errors.push({ field: 'category', message: `没有诉求类别「${r.category}」` })
    const scales = list(r.scales, /[、,，;；\s]+/).map((s) => [s, byLabel<Scale>(SCALE_LABEL, s)] as const)
    const industries = list(r.industries, /[、,，;；\s]+/).map((s) => [s, byLabel<Industry>(INDUSTRY_LABEL, s)] as const)
    const areas = list(r.areas, /[、,，;；\s]+/).map((s) => [s, context.areas.find((a) => a.name === s || a.id === s)?.id] as const)
    for (const [field, values] of [['scales', scales], ['industries', industries], ['areas', areas]] as const) {
      const unknown = values.filter(([, id]) => !id).map(([s]) => s)
      if (unknown.length > 0) errors.push({ field, message: `无法识别：${unknown.join('、')}` })
    }
    const candidate = {
      title: r.title,
      issuer: r.issuer,
      docNumber: r.docNumber,
      categoryId: category?.id ?? (r.category || undefined),
      issuedOn: r.issuedOn || undefined,
      effectiveOn: r.effectiveOn || undefined,
      expiresOn: r.expiresOn || null,
      keyPoints: list(r.keyPoints, /[\n\r；;]+/),
      howToApply: r.howToApply,
      phone: r.phone || undefined,
      phoneUnit: r.phoneUnit,
      originalUrl: r.originalUrl || null,
      appliesTo: { scales: scales.flatMap(([, id]) => (id ? [id] : [])), industries: industries.flatMap(([, id]) => (id ? [id] : [])), areaIds: areas.flatMap(([, id]) => (id ? [id] : [])) },
    }
    const parsed = policyDocInputSchema.safeParse(candidate)
    if (!parsed.success) {
      // The dates are compared only once each is a date: a comparison of malformed ones says nothing.
      const formal = parsed.error.issues.filter((issue) => issue.code !== 'custom')
      for (const issue of formal.length > 0 ? formal : parsed.error.issues) {
        const key = String(issue.path[0] ?? 'title')
        const field = FIELD_OF[key] ?? (key as PolicyImportField)
        if (field === 'category' && errors.some((e) => e.field === 'category')) continue
        if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message })
      }
    }
    if (errors.length > 0 || !parsed.success) return { row: r.row, title: r.title, action: 'invalid', errors }
    const again = context.existingTitles.has(parsed.data.title) || seen.has(parsed.data.title)
    seen.add(parsed.data.title)
    return again ? { row: r.row, title: r.title, action: 'duplicate', errors: [] } : { row: r.row, title: r.title, action: 'create', errors: [], input: parsed.data }
  })
  const summary = { create: 0, duplicate: 0, invalid: 0 }
  for (const p of planned) summary[p.action] += 1
  return { rows: planned, summary }
}
