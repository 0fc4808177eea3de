import { describe, expect, it } from 'vitest'
import { KIND_TEMPLATE, type NotificationFacts } from '@shared/domain/notifications'
import { ROLE_TEMPLATES } from '@shared/domain/policy'
import { characters } from '@shared/domain/subscribe-fields'
import { notificationKindSchema, templateKeySchema, type NotificationKind } from '@shared/schemas/notification.schema'
import { renderData, TEMPLATES, templateById, templateIdOf, templateOf, userTexts } from '../../functions/services/subscribe-templates'
import { invalidField } from '../../scripts/lib/wechat-stand-in/subscribe-rules'

const IDS = {
  WECHAT_TEMPLATE_TASK: 'tpl-task',
  WECHAT_TEMPLATE_DEADLINE: 'tpl-deadline',
  WECHAT_TEMPLATE_EVALUATION: 'tpl-eval',
  WECHAT_TEMPLATE_PROGRESS: 'tpl-progress',
  WECHAT_TEMPLATE_DIGEST: '',
}

const at = '2026-11-23T07:01:00.000Z' // 15:01 in Shanghai
const facts: NotificationFacts = {
  at,
  appealTitle: '新线路接电',
  appealNumber: 'XT-20261123-0013',
  enterpriseName: '湖南锦程汽车零部件有限公司',
  phrase: '新诉求',
  deadline: '2026-11-24T15:59:59.999Z',
  note: '请及时受理',
}

/** Facts at and beyond every limit: long texts, emoji, Latin in a phrase, a title that is all whitespace. */
const unruly: NotificationFacts = {
  at,
  appealTitle: `${'厂'.repeat(30)}👨‍👩‍👧`,
  enterpriseName: '湖南省湘潭市高新技术产业开发区某某某某汽车零部件制造有限责任公司',
  phrase: 'OK!',
  deadline: '2026-12-31T15:59:59.999Z',
  note: '请\n\n尽快 处理'.repeat(10),
  comment: '😡'.repeat(25),
  scopeName: '湘潭高新技术产业开发区（含托管乡镇）督办周报',
  week: '2026-11-23',
  overdue: 1234,
  escalated: 0,
}

describe('subscribe-message templates', () => {
  it('give every kind a template, and every role the templates of what it receives', () => {
    for (const kind of notificationKindSchema.options) expect(templateKeySchema.options).toContain(KIND_TEMPLATE[kind])
    expect(ROLE_TEMPLATES.staff).toEqual(['progress'])
    expect(ROLE_TEMPLATES.specialist[0]).toBe('task')
    expect(ROLE_TEMPLATES.area_admin).toContain('digest')
  })

  it('map the task template’s fields, each fitted to its kind', () => {
    expect(renderData('new_appeal', facts)).toEqual({
      phrase1: { value: '新诉求' },
      thing2: { value: '新线路接电' },
      character_string3: { value: 'XT-20261123-0013' },
      time4: { value: '2026年11月24日 23:59' },
      thing5: { value: '请及时受理' },
    })
  })

  it('keep a thing of exactly 20 characters and cut 21 to 19 and an ellipsis', () => {
    const twenty = '新厂房需要接入十千伏线路已等三周急需处理'
    expect(renderData('accepted', { ...facts, appealTitle: twenty }).thing1!.value).toBe(twenty)
    const cut = renderData('accepted', { ...facts, appealTitle: `${twenty}吗` }).thing1!.value
    expect(cut).toBe('新厂房需要接入十千伏线路已等三周急需处…')
    expect(characters(cut)).toHaveLength(20)
  })

  it.each(notificationKindSchema.options)('render %s so that WeChat’s own rules accept every value, whatever the facts', (kind: NotificationKind) => {
    for (const input of [facts, unruly, { at }]) {
      const data = renderData(kind, input)
      expect(Object.keys(data)).toEqual(templateOf(kind).fields.map((f) => f.key))
      expect(invalidField(data)).toBeUndefined()
    }
  })

  it('fall back when a fact fits to nothing: a phrase with no Chinese in it, a missing title', () => {
    const data = renderData('responded', { at, phrase: 'OK!' })
    expect(data.phrase2!.value).toBe('有更新')
    expect(data.thing1!.value).toBe('企业诉求（详见小程序）')
    expect(data.time4!.value).toBe('2026年11月23日 15:01')
  })

  it('withhold the enterprise’s words when asked, and only those', () => {
    const evaluated = { ...facts, phrase: '不满意', comment: '电压仍不稳定' }
    expect(renderData('evaluated', evaluated, { withhold: true })).toEqual({
      thing1: { value: '企业诉求（详见小程序）' },
      phrase2: { value: '不满意' },
      thing3: { value: '未填写评价内容' },
      time4: { value: '2026年11月23日 15:01' },
      character_string5: { value: 'XT-20261123-0013' },
    })
    expect(renderData('new_appeal', facts, { withhold: true }).character_string3!.value).toBe('XT-20261123-0013')
  })

  it('name the enterprise-written texts a message would carry: what the content check must see', () => {
    expect(userTexts('evaluated', { ...facts, comment: '电压仍不稳定' })).toEqual(['新线路接电', '电压仍不稳定'])
    expect(userTexts('evaluated', { ...facts, comment: '  ' })).toEqual(['新线路接电'])
    expect(userTexts('co_handle_task', { ...facts, note: '请核实（官方写的）' })).toEqual(['新线路接电'])
    expect(userTexts('digest_ready', unruly)).toEqual([])
  })

  it('take their ids from configuration; an empty id is a template not set up', () => {
    expect(templateIdOf('evaluation', IDS)).toBe('tpl-eval')
    expect(templateById('tpl-deadline', IDS)?.name).toBe(TEMPLATES.deadline.name)
    expect(templateById('', IDS)).toBeUndefined()
    expect(templateById('tpl-unknown', IDS)).toBeUndefined()
  })

  it('name the appeal by its number wherever one is named, never by its id', () => {
    for (const kind of notificationKindSchema.options.filter((k) => KIND_TEMPLATE[k] !== 'digest')) {
      const data = renderData(kind, facts)
      const numberField = templateOf(kind).fields.find((f) => f.label === '诉求编号')
      expect(numberField, kind).toBeDefined()
      expect(data[numberField!.key]!.value).toBe('XT-20261123-0013')
      expect(Object.values(data).some((v) => v.value.startsWith('ap-'))).toBe(false)
    }
  })

  it('show the digest’s week as a date and its counts as numbers', () => {
    expect(renderData('digest_ready', unruly)).toMatchObject({ date2: { value: '2026年11月23日' }, number3: { value: '1234' }, number4: { value: '0' } })
  })
})
