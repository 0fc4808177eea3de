import { describe, expect, it } from 'vitest'
import {
  emptyEventForm,
  emptyQuickEntry,
  eventFormFields,
  eventRequestOf,
  nextQuickEntry,
  pickableEnterprises,
  quickEntryFields,
  quickEntryRequest,
  splitHosts,
  titleOf,
  toggled,
} from '../../miniapp/src/packages/events/events-view'
import { areaAdmin, cityAdmin, otherSpecialist, owner } from '../support/fixtures'

/* The exchange-day pages' logic (miniapp/src/packages/events/events-view.ts): the 新建交流日 form and the quick-entry panel. */

const EVENT_ID = 'ev-01jd0000000000000000000000'

describe('新建交流日', () => {
  const filled = {
    ...emptyEventForm('xt-hitech'),
    title: '第16期政企交流主题日',
    series: '高新区政企交流主题日',
    date: '2026-12-07',
    place: '园区管委会三楼会议室',
    hosts: '园区党工委书记 王某、管委会主任 李某\n',
    departmentIds: ['power'],
  }

  it('turns the form into the request, leaders split one by one', () => {
    expect(splitHosts('王某、李某，张某\n赵某;  ')).toEqual(['王某', '李某', '张某', '赵某'])
    const result = eventRequestOf(filled)
    expect(result).toEqual({
      ok: true,
      request: {
        title: '第16期政企交流主题日',
        series: '高新区政企交流主题日',
        date: '2026-12-07',
        time: '19:30',
        place: '园区管委会三楼会议室',
        hosts: ['园区党工委书记 王某', '管委会主任 李某'],
        departmentIds: ['power'],
        areaId: 'xt-hitech',
        invited: { kind: 'filter', scales: ['above', 'near'] },
      },
    })
    expect(eventRequestOf({ ...filled, inviteBy: 'list', enterpriseIds: ['en-0001'] })).toMatchObject({ ok: true, request: { invited: { kind: 'list', enterpriseIds: ['en-0001'] } } })
  })

  it('puts each message beside its field', () => {
    expect(eventRequestOf(emptyEventForm('xt-hitech'))).toEqual({
      ok: false,
      fields: { title: '请填写活动名称', series: '请填写活动系列', date: '请选择活动日期', place: '请填写活动地点', hosts: '请至少填写一位主持领导' },
    })
    expect(eventRequestOf({ ...filled, inviteBy: 'list' })).toEqual({ ok: false, fields: { invited: '请至少选择一家受邀企业' } })
    expect(eventFormFields({ 'invited.enterpriseIds.1': '只能邀请本属地的企业', 'departmentIds.0': '参会部门不存在' })).toEqual({ invited: '只能邀请本属地的企业', departmentIds: '参会部门不存在' })
    expect(toggled(['above', 'near'], 'near')).toEqual(['above'])
    expect(toggled(['above'], 'other')).toEqual(['above', 'other'])
  })
})

describe('the quick-entry panel', () => {
  const entry = { ...emptyQuickEntry(), enterpriseId: 'en-0001', categoryId: 'power', text: '新厂房用电增容\n二期厂房下月投产，需要增容 800kVA' }

  it('files the problem for the enterprise at the event, titled by its first line', () => {
    expect(quickEntryRequest(entry, EVENT_ID)).toEqual({
      ok: true,
      request: {
        enterpriseId: 'en-0001',
        categoryId: 'power',
        title: '新厂房用电增容',
        description: '新厂房用电增容\n二期厂房下月投产，需要增容 800kVA',
        onBehalf: { channel: 'event', eventId: EVENT_ID },
      },
    })
    const withMeasure = { ...entry, withMeasure: true, measureText: '协调供电公司增容', measureUnit: '国网湘潭供电公司', measureDueDate: '2026-12-31' }
    expect(quickEntryRequest(withMeasure, EVENT_ID)).toMatchObject({
      ok: true,
      request: { onBehalf: { channel: 'event', eventId: EVENT_ID, measure: { text: '协调供电公司增容', unit: '国网湘潭供电公司', dueDate: '2026-12-31' } } },
    })
    expect(titleOf('一'.repeat(60))).toHaveLength(40)
  })

  it('says what is missing on the panel’s own fields', () => {
    expect(quickEntryRequest(emptyQuickEntry(), EVENT_ID)).toEqual({
      ok: false,
      fields: { enterpriseId: '请选择企业', categoryId: '请选择诉求类别', text: '请填写诉求内容' },
    })
    expect(quickEntryRequest({ ...entry, withMeasure: true }, EVENT_ID)).toEqual({
      ok: false,
      fields: { measureText: '请填写解决措施', measureUnit: '请填写责任单位', measureDueDate: '请选择完成时限' },
    })
    expect(quickEntryFields({ 'onBehalf.measure.dueDate': '完成时限不能早于今天', 'onBehalf.eventId': '该企业不属于这次交流活动的园区' })).toEqual({
      measureDueDate: '完成时限不能早于今天',
      enterpriseId: '该企业不属于这次交流活动的园区',
    })
  })

  it('clears for the next problem, keeping the responsible unit', () => {
    const next = nextQuickEntry({ ...entry, withMeasure: true, measureText: '协调', measureUnit: '国网湘潭供电公司', measureDueDate: '2026-12-31' })
    expect(next).toEqual({ ...emptyQuickEntry(), measureUnit: '国网湘潭供电公司' })
  })

  it('offers only the enterprises the caller may record for', () => {
    const invited = [
      { id: 'en-0001', name: '湖南锦程汽车零部件有限公司', areaId: 'xt-hitech', specialistId: 'sp-007' },
      { id: 'en-0002', name: '湖南立恒供应链有限公司', areaId: 'xt-hitech', specialistId: 'sp-001' },
    ]
    const event = { areaId: 'xt-hitech' }
    expect(pickableEnterprises(owner, event, invited).map((e) => e.id)).toEqual(['en-0001'])
    expect(pickableEnterprises(otherSpecialist, event, invited).map((e) => e.id)).toEqual(['en-0002'])
    expect(pickableEnterprises(areaAdmin, event, invited).map((e) => e.id)).toEqual(['en-0001', 'en-0002'])
    expect(pickableEnterprises(cityAdmin, { areaId: 'yuhu' }, invited)).toEqual([])
    expect(pickableEnterprises(null, event, invited)).toEqual([])
  })
})
