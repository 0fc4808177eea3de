import { describe, expect, it } from 'vitest'
import { planRosterImport, ROSTER_COLUMNS } from '@shared/domain/roster'
import type { RosterContext, RosterPlan, RosterRow } from '@shared/domain/roster'
import { AREA_NAME_MAX, CHOICE_CELL_MAX, ENTERPRISE_NAME_MAX, PERSON_NAME_MAX, SPECIALIST_TITLE_MAX } from '@shared/schemas/field-limits'
import { GOOD_ROWS, demoContext, newCreditCode, type RosterCells } from '../fixtures/roster/roster-fixtures'

/** A valid row for a new enterprise in 湘潭高新区 without a specialist, with overrides. */
function row(number: number, cells: Partial<RosterCells> = {}): RosterRow {
  return {
    row: number,
    creditCode: newCreditCode('MA4L8T5D0'),
    enterpriseName: '湘潭示例机电有限公司',
    areaName: '湘潭高新区',
    industry: '工业',
    scale: '规上',
    contactName: '',
    contactPhone: '',
    specialistName: '',
    specialistPhone: '',
    specialistTitle: '',
    ...cells,
  }
}

/** The rows of GOOD_ROWS with their spreadsheet numbers (header = 1). */
const goodRows = (): RosterRow[] => GOOD_ROWS.map((cells, index) => ({ row: index + 2, ...cells }))

const errorsOf = (plan: RosterPlan, rowNumber = 2) => plan.rows.find((r) => r.row === rowNumber)?.errors

/** What the import handler does with a plan: write its records over the stored ones. */
function applyPlan(context: RosterContext, plan: RosterPlan): RosterContext {
  const enterprises = new Map(context.enterprises.map((e) => [e.id, e]))
  for (const enterprise of plan.enterprises) enterprises.set(enterprise.id, enterprise)
  const specialists = new Map(context.specialists.map((s) => [s.id, s]))
  for (const specialist of plan.specialists) specialists.set(specialist.id, specialist)
  return { ...context, enterprises: [...enterprises.values()], specialists: [...specialists.values()] }
}

describe('roster columns', () => {
  it('lists the ten template columns in order, the first five required', () => {
    expect(ROSTER_COLUMNS.map((c) => c.header)).toEqual([
      '统一社会信用代码',
      '企业名称',
      '所属属地',
      '行业',
      '规模',
      '企业联系人',
      '联系人手机',
      '专员姓名',
      '专员手机',
      '专员职务',
    ])
    expect(ROSTER_COLUMNS.filter((c) => c.required).map((c) => c.key)).toEqual(['creditCode', 'enterpriseName', 'areaName', 'industry', 'scale'])
  })
})

describe('planning a roster import: validation', () => {
  it('names every missing required cell', () => {
    const blank = row(2, { creditCode: '', enterpriseName: '', areaName: '', industry: '', scale: '' })
    const plan = planRosterImport([blank], demoContext())
    expect(plan.rows[0]?.action).toBe('invalid')
    expect(errorsOf(plan)).toEqual([
      { field: 'creditCode', message: '缺少统一社会信用代码' },
      { field: 'enterpriseName', message: '缺少企业名称' },
      { field: 'areaName', message: '缺少所属属地' },
      { field: 'industry', message: '缺少行业' },
      { field: 'scale', message: '缺少规模' },
    ])
    expect(plan.summary).toEqual({ create: 0, update: 0, unchanged: 0, invalid: 1 })
    expect(plan.enterprises).toEqual([])
  })

  it('checks the credit code with the GB 32100 checksum', () => {
    const plan = planRosterImport([row(2, { creditCode: '91430304379045501X' })], demoContext())
    expect(errorsOf(plan)).toEqual([{ field: 'creditCode', message: '统一社会信用代码校验位错误（应为 Y）' }])
  })

  it('normalises spaces and lower case in codes and separators in phones before checking', () => {
    const plan = planRosterImport(
      [row(2, { creditCode: ' 9143 0304 3790 4550 1y ', enterpriseName: '湖南锦程汽车零部件有限公司', contactName: '范波艳', contactPhone: '189-5506-6490' })],
      demoContext(),
    )
    expect(plan.rows[0]).toMatchObject({ creditCode: '91430304379045501Y', action: 'unchanged', errors: [] })
  })

  it('knows areas by exact name and keeps an area admin inside their areas', () => {
    const plan = planRosterImport(
      [row(2, { areaName: '湘潭综合保税区' }), row(3, { areaName: '雨湖区', creditCode: newCreditCode('MA4L8T5D1') }), row(4, { areaName: ' 湘潭高新区 ', creditCode: newCreditCode('MA4L8T5D2') })],
      demoContext(['xt-hitech']),
    )
    expect(errorsOf(plan, 2)).toEqual([{ field: 'areaName', message: '未知属地「湘潭综合保税区」' }])
    expect(errorsOf(plan, 3)).toEqual([{ field: 'areaName', message: '「雨湖区」不在您管辖的属地内' }])
    expect(errorsOf(plan, 4)).toEqual([])
  })

  it('accepts industry and scale as Chinese labels or code names', () => {
    const labels = ['工业', '建筑业', '批零住餐', '服务业', '农业', 'services']
    const scales = ['规上', '临规', '其他', 'near', 'ABOVE', '其他']
    const rows = labels.map((industry, i) => row(i + 2, { industry, scale: scales[i], creditCode: newCreditCode(`MA4L8T5E${i}`) }))
    const plan = planRosterImport(rows, demoContext())
    expect(plan.summary.create).toBe(6)
    expect(plan.enterprises.map((e) => [e.industry, e.scale])).toEqual([
      ['industry', 'above'],
      ['construction', 'near'],
      ['retail', 'other'],
      ['services', 'near'],
      ['agriculture', 'above'],
      ['services', 'other'],
    ])
  })

  it('rejects unknown industries and scales, saying what may be filled in', () => {
    const plan = planRosterImport([row(2, { industry: '制造业', scale: '大型' })], demoContext())
    expect(errorsOf(plan)).toEqual([
      { field: 'industry', message: '未知行业「制造业」（可填：工业、建筑业、批零住餐、服务业、农业）' },
      { field: 'scale', message: '未知规模「大型」（可填：规上、临规、其他）' },
    ])
  })

  it('checks phones as mainland mobiles: the contact phone is optional, the specialist phone is not', () => {
    const plan = planRosterImport(
      [
        row(2, { contactName: '刘洋', contactPhone: '' }),
        row(3, { creditCode: newCreditCode('MA4L8T5F1'), contactPhone: '1380013800' }),
        row(4, { creditCode: newCreditCode('MA4L8T5F2'), contactPhone: '12812345678' }),
        row(5, { creditCode: newCreditCode('MA4L8T5F3'), specialistName: '王五' }),
        row(6, { creditCode: newCreditCode('MA4L8T5F4'), specialistName: '王五', specialistPhone: '0731-5555' }),
        row(7, { creditCode: newCreditCode('MA4L8T5F5'), specialistPhone: '13812345678' }),
      ],
      demoContext(),
    )
    expect(errorsOf(plan, 2)).toEqual([])
    expect(errorsOf(plan, 3)).toEqual([{ field: 'contactPhone', message: '手机号格式不正确' }])
    expect(errorsOf(plan, 4)).toEqual([{ field: 'contactPhone', message: '手机号格式不正确' }])
    expect(errorsOf(plan, 5)).toEqual([{ field: 'specialistPhone', message: '缺少专员手机' }])
    expect(errorsOf(plan, 6)).toEqual([{ field: 'specialistPhone', message: '手机号格式不正确' }])
    expect(errorsOf(plan, 7)).toEqual([{ field: 'specialistName', message: '缺少专员姓名' }])
  })

  it('keeps the first row of a duplicated credit code and rejects the later ones', () => {
    const code = newCreditCode('MA4L8T5G1')
    const plan = planRosterImport([row(2, { creditCode: code }), row(3, { creditCode: code }), row(7, { creditCode: code.toLowerCase() })], demoContext())
    expect(plan.rows.map((r) => r.action)).toEqual(['create', 'invalid', 'invalid'])
    expect(errorsOf(plan, 3)).toEqual([{ field: 'creditCode', message: '与第 2 行的统一社会信用代码重复' }])
    expect(errorsOf(plan, 7)).toEqual([{ field: 'creditCode', message: '与第 2 行的统一社会信用代码重复' }])
  })

  it('refuses an enterprise registered in an area the admin may not change', () => {
    const context = demoContext(['xt-hitech'])
    const elsewhere = context.enterprises.find((e) => e.areaId === 'yuhu')!
    const plan = planRosterImport([row(2, { creditCode: elsewhere.creditCode, enterpriseName: elsewhere.name })], context)
    // Where it is registered is another area's business: the admin learns only that the row is not theirs.
    expect(errorsOf(plan)).toEqual([{ field: 'creditCode', message: '本行不能由您导入，请联系市级管理员' }])
    expect(JSON.stringify(plan.rows)).not.toContain('雨湖区')
  })

  it('lets the city admin move an enterprise between areas', () => {
    const plan = planRosterImport([{ row: 2, ...GOOD_ROWS[0]!, areaName: '雨湖区' }], demoContext('all'))
    expect(plan.rows[0]).toMatchObject({ action: 'update', changes: ['所属属地：湘潭高新区 → 雨湖区'] })
    expect(plan.enterprises[0]).toMatchObject({ id: 'en-0001', areaId: 'yuhu', specialistId: 'sp-007' })
  })

  it('reports several problems of one row together', () => {
    const plan = planRosterImport([row(2, { creditCode: '123', enterpriseName: '', contactPhone: '123' })], demoContext())
    expect(errorsOf(plan)?.map((e) => e.field)).toEqual(['creditCode', 'enterpriseName', 'contactPhone'])
  })
})

describe('planning a roster import: specialists and assignments', () => {
  it('leaves the assignment alone when the specialist columns are empty', () => {
    const stored = { row: 2, ...GOOD_ROWS[2]!, specialistName: '', specialistPhone: '', specialistTitle: '' }
    const plan = planRosterImport([stored], demoContext())
    expect(plan.rows[0]).toMatchObject({ action: 'unchanged', changes: [] })
    expect(plan.reassignments).toEqual([])
  })

  it('sends a new enterprise without a specialist to the area duty queue', () => {
    const plan = planRosterImport([row(2)], demoContext())
    expect(plan.rows[0]).toMatchObject({ action: 'create', changes: ['新增企业', '未分配专员（进入属地值班队列）'] })
    expect(plan.enterprises).toEqual([
      {
        id: 'en-new-1',
        creditCode: newCreditCode('MA4L8T5D0'),
        name: '湘潭示例机电有限公司',
        industry: 'industry',
        scale: 'above',
        areaId: 'xt-hitech',
        specialistId: null,
      },
    ])
    expect(plan.reassignments).toEqual([])
  })

  it('matches a specialist by phone and refuses a phone that belongs to someone else', () => {
    const plan = planRosterImport(
      [
        row(2, { specialistName: '姜婷', specialistPhone: '18629819631' }),
        row(3, { creditCode: newCreditCode('MA4L8T5H1'), specialistName: '李雷', specialistPhone: '186 2981 9631' }),
      ],
      demoContext(),
    )
    expect(plan.rows[0]).toMatchObject({ action: 'create', changes: ['新增企业', '分配专员：姜婷'] })
    expect(errorsOf(plan, 3)).toEqual([{ field: 'specialistPhone', message: '手机号 18629819631 已属于专员「姜婷」' }])
    expect(plan.specialists).toEqual([])
  })

  it('creates an unknown specialist once, in the row’s area, however many rows name them', () => {
    const wang = { specialistName: '王五', specialistPhone: '13800000001' }
    const plan = planRosterImport(
      [
        row(2, wang),
        row(3, { ...wang, creditCode: newCreditCode('MA4L8T5J1') }),
        row(4, { creditCode: newCreditCode('MA4L8T5J2'), specialistName: '赵六', specialistPhone: '13800000001' }),
      ],
      demoContext(),
    )
    expect(plan.specialists).toEqual([{ id: 'sp-new-1', name: '王五', phone: '13800000001', title: '企业服务专员', areaId: 'xt-hitech' }])
    expect(plan.rows[0]?.changes).toEqual(['新增企业', '新增专员：王五（13800000001）', '分配专员：王五'])
    expect(plan.rows[1]?.changes).toEqual(['新增企业', '分配专员：王五'])
    expect(errorsOf(plan, 4)).toEqual([{ field: 'specialistPhone', message: '手机号 13800000001 已属于专员「王五」' }])
    expect(plan.reassignments).toEqual([
      { enterpriseId: 'en-new-1', fromSpecialistId: null, toSpecialistId: 'sp-new-1' },
      { enterpriseId: 'en-new-2', fromSpecialistId: null, toSpecialistId: 'sp-new-1' },
    ])
  })

  it('takes a new specialist’s title from the sheet', () => {
    const plan = planRosterImport([row(2, { specialistName: '王五', specialistPhone: '13800000001', specialistTitle: '区直部门企业服务专员' })], demoContext())
    expect(plan.specialists[0]?.title).toBe('区直部门企业服务专员')
  })

  it('does not create a specialist for a row that is invalid for another reason', () => {
    const plan = planRosterImport([row(2, { scale: '', specialistName: '王五', specialistPhone: '13800000001' })], demoContext())
    expect(plan.specialists).toEqual([])
  })

  it('updates an existing specialist whose title differs, once', () => {
    const retitled = { specialistName: '姜婷', specialistPhone: '18629819631', specialistTitle: '园区首席企业服务专员' }
    const plan = planRosterImport(
      [{ row: 2, ...GOOD_ROWS[1]!, ...retitled }, row(3, retitled)],
      demoContext(),
    )
    expect(plan.rows[0]).toMatchObject({ action: 'update', changes: ['专员「姜婷」职务：园区企业服务专员 → 园区首席企业服务专员'] })
    expect(plan.rows[1]?.changes).toEqual(['新增企业', '分配专员：姜婷'])
    expect(plan.specialists).toEqual([{ id: 'sp-001', name: '姜婷', phone: '18629819631', areaId: 'xt-hitech', title: '园区首席企业服务专员' }])
    // The enterprise itself did not change, so its record is not rewritten.
    expect(plan.enterprises.map((e) => e.id)).toEqual(['en-new-1'])
  })

  it('refuses two titles for one specialist in one file', () => {
    const plan = planRosterImport(
      [
        row(2, { specialistName: '姜婷', specialistPhone: '18629819631', specialistTitle: '甲' }),
        row(3, { creditCode: newCreditCode('MA4L8T5K1'), specialistName: '姜婷', specialistPhone: '18629819631', specialistTitle: '乙' }),
      ],
      demoContext(),
    )
    expect(errorsOf(plan, 3)).toEqual([{ field: 'specialistTitle', message: '专员「姜婷」的职务与第 2 行不一致（「甲」）' }])
  })

  it('keeps an area admin from assigning a specialist of another area or of the city, as reassigning by hand does', () => {
    const context = demoContext(['xt-hitech'])
    const cityLevel = context.specialists.find((s) => s.areaId === undefined)!
    const elsewhere = context.specialists.find((s) => s.areaId === 'yuhu')!
    const plan = planRosterImport(
      [
        row(2, { specialistName: cityLevel.name, specialistPhone: cityLevel.phone ?? '' }),
        { row: 3, ...GOOD_ROWS[0]!, specialistName: elsewhere.name, specialistPhone: elsewhere.phone ?? '', specialistTitle: '' },
        // A wrong name must not draw out who really holds the phone.
        row(4, { creditCode: newCreditCode('MA4L8T5K3'), specialistName: '李雷', specialistPhone: elsewhere.phone ?? '' }),
      ],
      context,
    )
    for (const rowNumber of [2, 3, 4]) {
      expect(errorsOf(plan, rowNumber)).toEqual([{ field: 'specialistPhone', message: '本行不能由您导入，请联系市级管理员' }])
    }
    expect(plan.summary.invalid).toBe(3)
    expect(plan.reassignments).toEqual([])
    const said = JSON.stringify(plan.rows)
    for (const secret of [elsewhere.name, '雨湖区', cityLevel.title ?? '']) expect(said).not.toContain(secret)
  })

  it('lets the city admin assign any specialist, as before', () => {
    const elsewhere = demoContext().specialists.find((s) => s.areaId === 'yuhu')!
    const plan = planRosterImport([{ row: 2, ...GOOD_ROWS[0]!, specialistName: elsewhere.name, specialistPhone: elsewhere.phone ?? '', specialistTitle: '' }], demoContext('all'))
    expect(plan.rows[0]).toMatchObject({ action: 'update', errors: [] })
    expect(plan.reassignments).toEqual([{ enterpriseId: 'en-0001', fromSpecialistId: 'sp-007', toSpecialistId: elsewhere.id }])
  })

  it('lets an area admin keep, but not retitle, the city-level specialist the city gave their enterprise', () => {
    const base = demoContext(['xt-hitech'])
    const cityLevel = base.specialists.find((s) => s.areaId === undefined)!
    const context = { ...base, enterprises: base.enterprises.map((e) => (e.id === 'en-0001' ? { ...e, specialistId: cityLevel.id } : e)) }
    const same = { specialistName: cityLevel.name, specialistPhone: cityLevel.phone ?? '', specialistTitle: '' }
    const plan = planRosterImport([{ row: 2, ...GOOD_ROWS[0]!, ...same }], context)
    expect(plan.rows[0]).toMatchObject({ action: 'unchanged', errors: [] })
    const retitled = planRosterImport([{ row: 2, ...GOOD_ROWS[0]!, ...same, specialistTitle: '新职务' }], context)
    expect(errorsOf(retitled)).toEqual([{ field: 'specialistTitle', message: `专员「${cityLevel.name}」不在您管辖的属地内，不能修改其职务` }])
  })

  it('lists a reassignment for every enterprise whose specialist changes', () => {
    const plan = planRosterImport(goodRows(), demoContext())
    expect(plan.reassignments).toEqual([
      { enterpriseId: 'en-0003', fromSpecialistId: 'sp-004', toSpecialistId: 'sp-002' },
      { enterpriseId: 'en-new-1', fromSpecialistId: null, toSpecialistId: 'sp-new-1' },
    ])
  })
})

describe('planning a roster import: diffs and idempotency', () => {
  it('plans the good fixture: two unchanged, one reassigned, two created', () => {
    const plan = planRosterImport(goodRows(), demoContext(['xt-hitech']))
    expect(plan.rows.map((r) => [r.row, r.action])).toEqual([
      [2, 'unchanged'],
      [3, 'unchanged'],
      [4, 'update'],
      [5, 'create'],
      [6, 'create'],
    ])
    expect(plan.rows[2]?.changes).toEqual(['专员：杨波凯 → 苏颖丽'])
    expect(plan.rows[3]?.changes).toEqual(['新增企业', '新增专员：钟雨桐（15873200001）', '分配专员：钟雨桐'])
    expect(plan.rows[4]?.changes).toEqual(['新增企业', '未分配专员（进入属地值班队列）'])
    expect(plan.summary).toEqual({ create: 2, update: 1, unchanged: 2, invalid: 0 })
    expect(plan.enterprises.map((e) => e.id)).toEqual(['en-0003', 'en-new-1', 'en-new-2'])
    expect(plan.enterprises[1]).toEqual({
      id: 'en-new-1',
      creditCode: GOOD_ROWS[3]!.creditCode,
      name: '湘潭弘远新材料有限公司',
      industry: 'industry',
      scale: 'near',
      areaId: 'xt-hitech',
      specialistId: 'sp-new-1',
      contact: { name: '周敏', phone: '13712345678' },
    })
  })

  it('lists one change line per differing field of an existing enterprise', () => {
    const changed: RosterRow = {
      row: 2,
      ...GOOD_ROWS[0]!,
      enterpriseName: '湖南锦程汽车零部件股份有限公司',
      industry: '服务业',
      scale: '临规',
      contactName: '王芳',
      contactPhone: '13900000002',
      specialistName: '姜婷',
      specialistPhone: '18629819631',
    }
    const plan = planRosterImport([changed], demoContext())
    expect(plan.rows[0]).toMatchObject({ action: 'update', errors: [] })
    expect(plan.rows[0]?.changes).toEqual([
      '企业名称：湖南锦程汽车零部件有限公司 → 湖南锦程汽车零部件股份有限公司',
      '行业：工业 → 服务业',
      '规模：规上 → 临规',
      '企业联系人：范波艳（18955066490） → 王芳（13900000002）',
      '专员：徐慧萍 → 姜婷',
    ])
    expect(plan.enterprises).toEqual([
      {
        id: 'en-0001',
        creditCode: '91430304379045501Y',
        name: '湖南锦程汽车零部件股份有限公司',
        industry: 'services',
        scale: 'near',
        areaId: 'xt-hitech',
        specialistId: 'sp-001',
        contact: { name: '王芳', phone: '13900000002' },
      },
    ])
  })

  it('keeps the stored contact when the contact columns are empty', () => {
    const plan = planRosterImport([{ row: 2, ...GOOD_ROWS[0]!, contactName: '', contactPhone: '' }], demoContext())
    expect(plan.rows[0]?.action).toBe('unchanged')
  })

  it('plans nothing the second time the same file is imported', () => {
    const [unchanged, , ...rest] = goodRows()
    const rows = [
      unchanged!,
      { row: 3, ...GOOD_ROWS[1]!, enterpriseName: '湖南立恒供应链集团有限公司', specialistTitle: '园区首席企业服务专员' },
      ...rest,
      row(7, { specialistName: '钟雨桐', specialistPhone: '15873200001' }),
      row(8, { creditCode: newCreditCode('MA4L8T5M1'), specialistName: '王五', specialistPhone: '13800000001' }),
    ]
    const context = demoContext(['xt-hitech'])
    const first = planRosterImport(rows, context)
    expect(first.summary).toEqual({ create: 4, update: 2, unchanged: 1, invalid: 0 })

    const second = planRosterImport(rows, applyPlan(context, first))
    expect(second.summary).toEqual({ create: 0, update: 0, unchanged: 7, invalid: 0 })
    expect(second.rows.every((r) => r.changes.length === 0)).toBe(true)
    expect(second.enterprises).toEqual([])
    expect(second.specialists).toEqual([])
    expect(second.reassignments).toEqual([])
  })
})

describe('planning a roster import: cell lengths', () => {
  it('limits every text cell as the forms do, one message per cell', () => {
    const over = (max: number) => '长'.repeat(max + 1)
    const plan = planRosterImport(
      [
        row(2, { enterpriseName: '名'.repeat(ENTERPRISE_NAME_MAX) }),
        row(3, {
          creditCode: newCreditCode('MA4L8T5N1'),
          enterpriseName: over(ENTERPRISE_NAME_MAX),
          areaName: over(AREA_NAME_MAX),
          industry: over(CHOICE_CELL_MAX),
          scale: over(CHOICE_CELL_MAX),
          contactName: over(PERSON_NAME_MAX),
        }),
        row(4, {
          creditCode: newCreditCode('MA4L8T5N2'),
          specialistName: over(PERSON_NAME_MAX),
          specialistPhone: '13800000001',
          specialistTitle: over(SPECIALIST_TITLE_MAX),
        }),
      ],
      demoContext(),
    )
    expect(plan.rows[0]).toMatchObject({ action: 'create', errors: [] })
    expect(errorsOf(plan, 3)).toEqual([
      { field: 'enterpriseName', message: '企业名称不能超过 100 个字' },
      { field: 'areaName', message: '所属属地不能超过 30 个字' },
      { field: 'industry', message: '行业不能超过 20 个字' },
      { field: 'scale', message: '规模不能超过 20 个字' },
      { field: 'contactName', message: '企业联系人不能超过 20 个字' },
    ])
    expect(errorsOf(plan, 4)).toEqual([
      { field: 'specialistName', message: '专员姓名不能超过 20 个字' },
      { field: 'specialistTitle', message: '专员职务不能超过 30 个字' },
    ])
    expect(plan.specialists).toEqual([])
    expect(plan.enterprises.map((e) => e.id)).toEqual(['en-new-1'])
  })

  it('refuses a cell of 150,000 characters as a row error, and does not echo it back', () => {
    const huge = '湘'.repeat(150_000)
    const plan = planRosterImport(
      [
        row(2, { enterpriseName: huge, contactName: huge }),
        row(3, { creditCode: '9'.repeat(150_000), areaName: huge, contactPhone: '1'.repeat(150_000) }),
        row(4, { creditCode: newCreditCode('MA4L8T5N3'), specialistName: huge, specialistPhone: '8'.repeat(150_000), specialistTitle: huge }),
      ],
      demoContext(['xt-hitech']),
    )
    expect(plan.summary).toEqual({ create: 0, update: 0, unchanged: 0, invalid: 3 })
    expect(errorsOf(plan, 2)?.map((e) => e.field)).toEqual(['enterpriseName', 'contactName'])
    expect(errorsOf(plan, 3)).toEqual([
      { field: 'creditCode', message: '统一社会信用代码应为 18 位' },
      { field: 'areaName', message: '所属属地不能超过 30 个字' },
      { field: 'contactPhone', message: '手机号格式不正确' },
    ])
    expect(errorsOf(plan, 4)?.map((e) => e.field)).toEqual(['specialistName', 'specialistPhone', 'specialistTitle'])
    // The plan goes back to the browser: what it repeats of a row stays short.
    expect(JSON.stringify(plan.rows).length).toBeLessThan(2_000)
  })
})
