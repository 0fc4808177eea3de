import { describe, expect, it } from 'vitest'
import { LINKABLE_STATUSES } from '@shared/domain/common-problems'
import { appealStatusSchema } from '@shared/schemas/appeal.schema'
import type { LinkedAppeal } from '@shared/schemas/common-problem.schema'
import {
  actionOutcomeOf,
  actionRequestOf,
  commonFormFields,
  emptyActionForm,
  emptyMergeForm,
  mayJoinCommonProblem,
  mergeRequestOf,
  reachLine,
} from '../../miniapp/src/utils/common-problem'

/* The common-problem pages' logic (miniapp/src/utils/common-problem.ts): 合并为共性问题 and the actions of a common problem. */

const A = 'ap-01jd0000000000000000000001'
const B = 'ap-01jd0000000000000000000002'
const C = 'ap-01jd0000000000000000000003'

const linked = (id: string, number: string, enterpriseName: string): LinkedAppeal => ({
  id,
  number,
  title: '园区道路积水',
  enterpriseId: `en-${number}`,
  enterpriseName,
  areaId: 'xt-hitech',
  status: 'in_progress',
  ownerName: '杜萍',
  createdAt: '2026-11-30T02:00:00.000Z',
})

describe('合并为共性问题', () => {
  it('takes its name from the appeal being read, cut to the 40-character limit', () => {
    expect(emptyMergeForm('  园区道路积水  ').title).toBe('园区道路积水')
    expect(emptyMergeForm('长'.repeat(60)).title).toHaveLength(40)
  })

  it('builds the request for the appeal and the ticked suggestions, with a measure only when chosen', () => {
    const form = { ...emptyMergeForm('园区道路积水影响通行'), responsibleUnit: '高新区建设局', measureText: '不会发送' }
    const checked = mergeRequestOf(form, [A, B, C])
    expect(checked).toEqual({ ok: true, request: { title: '园区道路积水影响通行', responsibleUnit: '高新区建设局', appealIds: [A, B, C] } })

    const withMeasure = mergeRequestOf({ ...form, withMeasure: true, measureText: '疏通雨水管网', measureUnit: '高新区建设局', measureDueDate: '2026-12-20' }, [A, B])
    expect(withMeasure.ok && withMeasure.request.measure).toEqual({ text: '疏通雨水管网', unit: '高新区建设局', dueDate: '2026-12-20' })
  })

  it('places the schema’s messages on the form’s fields', () => {
    const checked = mergeRequestOf({ ...emptyMergeForm('积水'), withMeasure: true }, [A])
    expect(checked.ok).toBe(false)
    if (checked.ok) return
    expect(checked.fields.title).toBeTruthy()
    expect(checked.fields.responsibleUnit).toBeTruthy()
    expect(checked.fields.appealIds).toBe('请至少选择 2 件诉求')
    expect(checked.fields.measureDueDate).toBe('请选择完成时限')
    expect(checked.fields.measureText).toBeTruthy()
  })

  it('maps the API’s field paths the same way, unknown ones under _', () => {
    expect(commonFormFields({ 'appealIds.1': '诉求已并入其他共性问题', 'measure.unit': '请填写责任单位', other: '未知' })).toEqual({
      appealIds: '诉求已并入其他共性问题',
      measureUnit: '请填写责任单位',
      _: '未知',
    })
  })

  it('is offered for appeals being worked and not yet linked, the same states the server links', () => {
    for (const status of appealStatusSchema.options) {
      expect(mayJoinCommonProblem({ status }), status).toBe(LINKABLE_STATUSES.includes(status))
    }
    expect(mayJoinCommonProblem({ status: 'in_progress', commonProblem: { id: 'cp-1', title: '积水', holderId: 'sp-003' } })).toBe(false)
  })
})

describe('the actions of a common problem', () => {
  it('统一答复 needs an outcome and a message', () => {
    const missing = actionRequestOf('respond', emptyActionForm())
    expect(missing.ok).toBe(false)
    if (!missing.ok) {
      expect(missing.fields.outcome).toBe('请选择办理结果')
      expect(missing.fields.message).toBeTruthy()
    }
    expect(actionRequestOf('respond', { ...emptyActionForm(), outcome: 'resolved', message: '已疏通雨水管网' })).toEqual({
      ok: true,
      request: { type: 'respond', outcome: 'resolved', message: '已疏通雨水管网' },
    })
  })

  it('记录进展, 设定措施 and 追加诉求 send their own fields only', () => {
    const form = { ...emptyActionForm(), message: '已现场踏勘', measureText: '疏通雨水管网', measureUnit: '高新区建设局', measureDueDate: '2026-12-20', appealIds: [C] }
    expect(actionRequestOf('note', form)).toEqual({ ok: true, request: { type: 'note', message: '已现场踏勘' } })
    expect(actionRequestOf('set-measure', form)).toEqual({
      ok: true,
      request: { type: 'set-measure', measure: { text: '疏通雨水管网', unit: '高新区建设局', dueDate: '2026-12-20' } },
    })
    expect(actionRequestOf('link', form)).toEqual({ ok: true, request: { type: 'link', appealIds: [C] } })
    const none = actionRequestOf('link', emptyActionForm())
    expect(none.ok || none.fields.appealIds).toBe('请至少选择 1 件诉求')
  })

  it('says how many appeals an action reached and names the skipped ones with the reason', () => {
    const known = [linked(A, 'XT20261130001', '湘潭甲公司'), linked(B, 'XT20261130002', '湘潭乙公司')]
    const outcome = actionOutcomeOf('respond', { applied: 1, skipped: [{ appealId: B, reason: '诉求已撤回' }, { appealId: C, reason: '诉求不存在' }] }, known)
    expect(outcome).toEqual({
      headline: '已答复 1 件',
      skipped: [
        { appealId: B, label: 'XT20261130002 湘潭乙公司', reason: '诉求已撤回' },
        { appealId: C, label: C, reason: '诉求不存在' },
      ],
    })
    expect(actionOutcomeOf('note', { applied: 3, skipped: [] }, known).headline).toBe('已记录到 3 件诉求')
  })

  it('says the reach in enterprises and appeals', () => {
    expect(reachLine({ enterpriseCount: 2, appealCount: 3 })).toBe('涉及企业 2 家 / 诉求 3 件')
  })
})
