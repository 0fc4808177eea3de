import type { Area, Enterprise } from '../schemas/catalog.schema'
import { AREA_NAME_MAX, CHOICE_CELL_MAX, ENTERPRISE_NAME_MAX, MOBILE_PHONE, PERSON_NAME_MAX, SPECIALIST_TITLE_MAX } from '../schemas/field-limits'
import { CREDIT_CODE_LENGTH, creditCodeProblem, normalizeCreditCode } from './credit-code'
import { INDUSTRY_LABEL, SCALE_LABEL } from '../labels'

/**
 * Planning a roster import: an area or city admin uploads a sheet with one row per enterprise
 * and its specialist (一企一专员); this module decides, without any I/O, what each row would
 * create or change, so the admin can review the plan before anything is written.
 *
 * Input: the parsed rows and what is stored now. Output: one plan line per row, plus the full
 * enterprise and specialist records to write and the assignments that move.
 * Steps per row: normalise → validate (every problem, not just the first) → match the
 * enterprise by credit code and the specialist by phone → diff against what is stored.
 * An area admin works only inside their areas, as when reassigning by hand: a row about an
 * enterprise registered elsewhere, or giving one a specialist of another area or of the city,
 * is refused without saying whose it is.
 */

type Industry = Enterprise['industry']
type Scale = Enterprise['scale']

export interface RosterRow {
  /** Spreadsheet row number, header = 1, so messages point at the row the admin sees. */
  row: number
  creditCode: string
  enterpriseName: string
  areaName: string
  /** Chinese label (工业…) or code name (industry…). */
  industry: string
  /** 规上 | 临规 | 其他, or the code name. */
  scale: string
  contactName: string
  contactPhone: string
  specialistName: string
  specialistPhone: string
  specialistTitle: string
}

export type RosterField = Exclude<keyof RosterRow, 'row'>

export interface ExistingEnterprise {
  id: string
  creditCode: string
  name: string
  industry: Industry
  scale: Scale
  areaId: string
  specialistId: string | null
  contact?: { name: string; phone: string }
}

export interface ExistingSpecialist {
  id: string
  name: string
  phone?: string
  title?: string
  areaId?: string
  departmentId?: string
}

export interface RosterContext {
  areas: Area[]
  /** area ids the importing admin may change; 'all' for the city admin */
  scope: readonly string[] | 'all'
  enterprises: ExistingEnterprise[]
  specialists: ExistingSpecialist[]
  newEnterpriseId: () => string
  newSpecialistId: () => string
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'invalid'

export interface RowError {
  field: keyof RosterRow
  message: string
}

export interface RowPlan {
  row: number
  creditCode: string
  enterpriseName: string
  action: RowAction
  /** Chinese, one line per change, e.g. '企业名称：甲 → 乙'. */
  changes: string[]
  errors: RowError[]
}

export interface Reassignment {
  enterpriseId: string
  fromSpecialistId: string | null
  toSpecialistId: string
}

export interface RosterPlan {
  rows: RowPlan[]
  summary: Record<RowAction, number>
  /** to create or update, full records */
  enterprises: ExistingEnterprise[]
  /** to create or update, full records */
  specialists: ExistingSpecialist[]
  reassignments: Reassignment[]
}

export { INDUSTRY_LABEL, SCALE_LABEL }

export const DEFAULT_SPECIALIST_TITLE = '企业服务专员'

export interface RosterColumn {
  key: RosterField
  header: string
  required: boolean
  example: string
}

/** The columns of the roster template, in template order; files may order them freely. */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { key: 'creditCode', header: '统一社会信用代码', required: true, example: '91430304MA4R2K8L3L' },
  { key: 'enterpriseName', header: '企业名称', required: true, example: '湘潭示例智能装备有限公司' },
  { key: 'areaName', header: '所属属地', required: true, example: '湘潭高新区' },
  { key: 'industry', header: '行业', required: true, example: '工业' },
  { key: 'scale', header: '规模', required: true, example: '规上' },
  { key: 'contactName', header: '企业联系人', required: false, example: '张伟' },
  { key: 'contactPhone', header: '联系人手机', required: false, example: '13800000000' },
  { key: 'specialistName', header: '专员姓名', required: false, example: '李娜' },
  { key: 'specialistPhone', header: '专员手机', required: false, example: '13900000000' },
  { key: 'specialistTitle', header: '专员职务', required: false, example: '园区企业服务专员' },
]

const HEADER_OF = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, c.header])) as Record<RosterField, string>

/**
 * The longest text each cell may hold, as the forms allow. Credit codes and phones need none of
 * their own: their formats fix their length.
 */
const MAX_LENGTH: Partial<Record<RosterField, number>> = {
  enterpriseName: ENTERPRISE_NAME_MAX,
  areaName: AREA_NAME_MAX,
  industry: CHOICE_CELL_MAX,
  scale: CHOICE_CELL_MAX,
  contactName: PERSON_NAME_MAX,
  specialistName: PERSON_NAME_MAX,
  specialistTitle: SPECIALIST_TITLE_MAX,
}

const tooLongMessage = (field: RosterField): string => `${HEADER_OF[field]}不能超过 ${MAX_LENGTH[field]} 个字`

/**
 * A row that touches an enterprise or a specialist outside the admin's areas. Whose they are is
 * not the admin's to learn, so the message says only that the row is not theirs to import.
 */
const NOT_YOURS = '本行不能由您导入，请联系市级管理员'

/** What the plan repeats of a row stays short, however long the cell was. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text)

/** Cells are typed by people: full-width spaces and runs of blanks carry no meaning. */
export const cleanText = (value: string): string => value.replace(/\s+/g, ' ').trim()

/** Phones are often written 138 0000 0000 or 138-0000-0000. */
const cleanPhone = (value: string): string => value.replace(/[\s-]+/g, '')

function normalizeRow(row: RosterRow): RosterRow {
  return {
    row: row.row,
    creditCode: normalizeCreditCode(row.creditCode),
    enterpriseName: cleanText(row.enterpriseName),
    areaName: cleanText(row.areaName),
    industry: cleanText(row.industry),
    scale: cleanText(row.scale),
    contactName: cleanText(row.contactName),
    contactPhone: cleanPhone(row.contactPhone),
    specialistName: cleanText(row.specialistName),
    specialistPhone: cleanPhone(row.specialistPhone),
    specialistTitle: cleanText(row.specialistTitle),
  }
}

/** A Chinese label or, for sheets exported by other systems, the code name. */
function parseChoice<K extends string>(value: string, labels: Record<K, string>): K | undefined {
  const entries = Object.entries(labels) as [K, string][]
  return entries.find(([code, label]) => label === value || code === value.toLowerCase())?.[0]
}

const formatContact = (contact: ExistingEnterprise['contact']): string =>
  !contact ? '无' : contact.phone ? `${contact.name}（${contact.phone}）` : contact.name

const sameContact = (a: ExistingEnterprise['contact'], b: ExistingEnterprise['contact']): boolean =>
  a?.name === b?.name && a?.phone === b?.phone

/** What the file said about a specialist phone so far, valid rows or not: names and titles must agree across rows. */
interface FileSpecialist {
  name: string
  title?: { value: string; row: number }
}

type SpecialistChoice =
  | { kind: 'untouched' }
  | { kind: 'existing'; specialist: ExistingSpecialist; retitle?: string }
  | { kind: 'new'; name: string; phone: string; title: string }

export function planRosterImport(rows: RosterRow[], context: RosterContext): RosterPlan {
  const areaByName = new Map(context.areas.map((a) => [a.name.trim(), a]))
  const areaName = (id: string | undefined): string => context.areas.find((a) => a.id === id)?.name ?? id ?? '未知属地'
  const inScope = (areaId: string | undefined): boolean =>
    context.scope === 'all' || (areaId !== undefined && context.scope.includes(areaId))

  const enterpriseByCode = new Map(context.enterprises.map((e) => [normalizeCreditCode(e.creditCode), e]))
  // Specialists as they stand after the rows planned so far: stored ones, then those this file creates or retitles.
  const specialistById = new Map(context.specialists.map((s) => [s.id, s]))
  const specialistByPhone = new Map(context.specialists.filter((s) => s.phone).map((s) => [cleanPhone(s.phone ?? ''), s]))
  const specialistLabel = (id: string | null): string => (id === null ? '未分配' : (specialistById.get(id)?.name ?? id))

  const firstRowOfCode = new Map<string, number>()
  const fileSpecialists = new Map<string, FileSpecialist>()
  const written = { enterprises: [] as ExistingEnterprise[], specialists: new Map<string, ExistingSpecialist>() }
  const reassignments: Reassignment[] = []
  const remember = (specialist: ExistingSpecialist) => {
    specialistById.set(specialist.id, specialist)
    if (specialist.phone) specialistByPhone.set(cleanPhone(specialist.phone), specialist)
    written.specialists.set(specialist.id, specialist)
  }

  function chooseSpecialist(
    input: RosterRow,
    current: string | null,
    tooLong: ReadonlySet<RosterField>,
    fail: (field: keyof RosterRow, message: string) => void,
  ): SpecialistChoice {
    const { specialistName: name, specialistPhone: phone, specialistTitle: title } = input
    // A sheet that leaves the specialist blank is about the enterprise only; its assignment stays as it is.
    if (!name && !phone && !title) return { kind: 'untouched' }
    if (tooLong.has('specialistName')) fail('specialistName', tooLongMessage('specialistName'))
    else if (!name) fail('specialistName', `缺少${HEADER_OF.specialistName}`)
    if (!phone) fail('specialistPhone', `缺少${HEADER_OF.specialistPhone}`)
    else if (!MOBILE_PHONE.test(phone)) fail('specialistPhone', '手机号格式不正确')
    if (tooLong.has('specialistTitle')) fail('specialistTitle', tooLongMessage('specialistTitle'))
    if (!name || !phone || !MOBILE_PHONE.test(phone) || tooLong.has('specialistName') || tooLong.has('specialistTitle')) return { kind: 'untouched' }

    const stored = specialistByPhone.get(phone)
    // The same rule as reassigning by hand (city-level specialists have no area). The specialist the
    // enterprise already has is no news to its admin, so a sheet that keeps them is accepted.
    if (stored && !inScope(stored.areaId) && stored.id !== current) {
      fail('specialistPhone', NOT_YOURS)
      return { kind: 'untouched' }
    }
    const inFile = fileSpecialists.get(phone)
    const holder = stored ? cleanText(stored.name) : inFile?.name
    if (holder !== undefined && holder !== name) {
      fail('specialistPhone', `手机号 ${phone} 已属于专员「${holder}」`)
      return { kind: 'untouched' }
    }
    // Two rows giving one person different titles would flip the title on every import.
    if (title && inFile?.title && inFile.title.value !== title) {
      fail('specialistTitle', `专员「${name}」的职务与第 ${inFile.title.row} 行不一致（「${inFile.title.value}」）`)
    }
    const entry = inFile ?? { name }
    if (title && !entry.title) entry.title = { value: title, row: input.row }
    fileSpecialists.set(phone, entry)

    if (!stored) return { kind: 'new', name, phone, title: title || DEFAULT_SPECIALIST_TITLE }
    if (!title || title === stored.title) return { kind: 'existing', specialist: stored }
    // City-level specialists have no area: only the city admin may retitle them.
    if (!inScope(stored.areaId)) fail('specialistTitle', `专员「${name}」不在您管辖的属地内，不能修改其职务`)
    return { kind: 'existing', specialist: stored, retitle: title }
  }

  const planRow = (raw: RosterRow): RowPlan => {
    const input = normalizeRow(raw)
    const errors: RowError[] = []
    const fail = (field: keyof RosterRow, message: string) => void errors.push({ field, message })
    const code = input.creditCode
    // An over-long cell is reported once, as too long, and not looked at further.
    const tooLong = new Set((Object.keys(MAX_LENGTH) as RosterField[]).filter((field) => input[field].length > (MAX_LENGTH[field] ?? Infinity)))
    const lengthError = (field: RosterField) => fail(field, tooLongMessage(field))

    let existing: ExistingEnterprise | undefined
    if (!code) fail('creditCode', `缺少${HEADER_OF.creditCode}`)
    else {
      const problem = creditCodeProblem(code)
      if (problem) fail('creditCode', problem)
      const firstRow = firstRowOfCode.get(code)
      if (firstRow !== undefined) fail('creditCode', `与第 ${firstRow} 行的统一社会信用代码重复`)
      else firstRowOfCode.set(code, input.row)
      existing = problem ? undefined : enterpriseByCode.get(code)
      if (existing && !inScope(existing.areaId)) fail('creditCode', NOT_YOURS)
    }
    if (tooLong.has('enterpriseName')) lengthError('enterpriseName')
    else if (!input.enterpriseName) fail('enterpriseName', `缺少${HEADER_OF.enterpriseName}`)

    const area = input.areaName && !tooLong.has('areaName') ? areaByName.get(input.areaName) : undefined
    if (tooLong.has('areaName')) lengthError('areaName')
    else if (!input.areaName) fail('areaName', `缺少${HEADER_OF.areaName}`)
    else if (!area) fail('areaName', `未知属地「${input.areaName}」`)
    else if (!inScope(area.id)) fail('areaName', `「${area.name}」不在您管辖的属地内`)

    const industry = tooLong.has('industry') ? undefined : parseChoice(input.industry, INDUSTRY_LABEL)
    if (tooLong.has('industry')) lengthError('industry')
    else if (!input.industry) fail('industry', `缺少${HEADER_OF.industry}`)
    else if (!industry) fail('industry', `未知行业「${input.industry}」（可填：${Object.values(INDUSTRY_LABEL).join('、')}）`)

    const scale = tooLong.has('scale') ? undefined : parseChoice(input.scale, SCALE_LABEL)
    if (tooLong.has('scale')) lengthError('scale')
    else if (!input.scale) fail('scale', `缺少${HEADER_OF.scale}`)
    else if (!scale) fail('scale', `未知规模「${input.scale}」（可填：${Object.values(SCALE_LABEL).join('、')}）`)

    if (tooLong.has('contactName')) lengthError('contactName')
    if (input.contactPhone && !MOBILE_PHONE.test(input.contactPhone)) fail('contactPhone', '手机号格式不正确')

    const current = existing && inScope(existing.areaId) ? existing.specialistId : null
    const choice = chooseSpecialist(input, current, tooLong, fail)

    const identity = { row: input.row, creditCode: clip(code, CREDIT_CODE_LENGTH), enterpriseName: clip(input.enterpriseName, ENTERPRISE_NAME_MAX) }
    if (errors.length > 0 || !area || !industry || !scale) return { ...identity, action: 'invalid', changes: [], errors }

    const specialistLines: string[] = []
    let specialistId = existing?.specialistId ?? null
    if (choice.kind === 'new') {
      const created: ExistingSpecialist = { id: context.newSpecialistId(), name: choice.name, phone: choice.phone, title: choice.title, areaId: area.id }
      remember(created)
      specialistLines.push(`新增专员：${created.name}（${choice.phone}）`)
      specialistId = created.id
    } else if (choice.kind === 'existing') {
      specialistId = choice.specialist.id
      if (choice.retitle !== undefined) {
        remember({ ...choice.specialist, title: choice.retitle })
        specialistLines.push(`专员「${choice.specialist.name}」职务：${choice.specialist.title || '无'} → ${choice.retitle}`)
      }
    }

    // Blank contact columns, like blank specialist columns, leave what is stored alone.
    const contact = input.contactName || input.contactPhone ? { name: input.contactName, phone: input.contactPhone } : existing?.contact
    const record: ExistingEnterprise = {
      ...existing,
      id: existing?.id ?? context.newEnterpriseId(),
      creditCode: code,
      name: input.enterpriseName,
      industry,
      scale,
      areaId: area.id,
      specialistId,
      ...(contact ? { contact } : {}),
    }

    const fromSpecialistId = existing?.specialistId ?? null
    const reassignment =
      specialistId !== null && specialistId !== fromSpecialistId ? { enterpriseId: record.id, fromSpecialistId, toSpecialistId: specialistId } : undefined
    if (reassignment) reassignments.push(reassignment)

    if (!existing) {
      written.enterprises.push(record)
      const assignment = specialistId ? `分配专员：${specialistLabel(specialistId)}` : '未分配专员（进入属地值班队列）'
      return { ...identity, action: 'create', changes: ['新增企业', ...specialistLines, assignment], errors }
    }
    const fieldChanges: string[] = []
    if (existing.name !== record.name) fieldChanges.push(`企业名称：${existing.name} → ${record.name}`)
    if (existing.industry !== industry) fieldChanges.push(`行业：${INDUSTRY_LABEL[existing.industry]} → ${INDUSTRY_LABEL[industry]}`)
    if (existing.scale !== scale) fieldChanges.push(`规模：${SCALE_LABEL[existing.scale]} → ${SCALE_LABEL[scale]}`)
    if (existing.areaId !== area.id) fieldChanges.push(`所属属地：${areaName(existing.areaId)} → ${area.name}`)
    if (!sameContact(existing.contact, record.contact)) fieldChanges.push(`企业联系人：${formatContact(existing.contact)} → ${formatContact(record.contact)}`)
    if (fieldChanges.length > 0 || reassignment) written.enterprises.push(record)
    const assignment = reassignment ? [`专员：${specialistLabel(fromSpecialistId)} → ${specialistLabel(specialistId)}`] : []
    const changes = [...fieldChanges, ...specialistLines, ...assignment]
    return { ...identity, action: changes.length > 0 ? 'update' : 'unchanged', changes, errors }
  }

  const planned = rows.map(planRow)
  const summary: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, invalid: 0 }
  for (const row of planned) summary[row.action]++
  return { rows: planned, summary, enterprises: written.enterprises, specialists: [...written.specialists.values()], reassignments }
}
