import { describe, expect, it } from 'vitest'
import { applyAction, type ActionContext } from '@shared/domain/appeal-machine'
import { CHINESE_CALENDAR } from '@shared/domain/chinese-calendar'
import { notificationsFor, type Recipients } from '@shared/domain/notifications'
import type { Appeal, AppealAction } from '@shared/schemas/appeal.schema'
import type { Actor } from '@shared/domain/actor'
import { endSentence, joinSentences } from '@shared/domain/text'
import { areaAdmin, makeAppeal, otherSpecialist, owner, staff } from '../support/fixtures'
import { shanghai } from '../support/clock'

/*
 * Sentences built around someone's own words: a text that already ends in a full stop, a question
 * or an exclamation mark gets no second one (…。。 on the timeline, …？。 in the inbox).
 */

const NOW = shanghai('2026-11-24T10:00:00')
const CTX: ActionContext = { calendar: CHINESE_CALENDAR, transferee: { id: 'sp-001', name: '姜婷' } }
const RECIPIENTS: Recipients = { areaAdmins: { 'xt-hitech': ['ad-xt-hitech'] }, cityAdmins: ['ad-city'], units: {} }
const inProgress = (overrides: Partial<Appeal> = {}) => makeAppeal({ status: 'in_progress', version: 3, acceptedAt: NOW.toISOString(), ...overrides })

function act(before: Appeal, action: AppealAction, actor: Actor) {
  const { appeal, event } = applyAction(before, action, actor, NOW, CTX)
  return { event, drafts: notificationsFor({ before, after: appeal, event }, RECIPIENTS) }
}

/** Two stops in a row, whatever their kind: 。。 ！。 ？。 .。 */
const DOUBLED = /[。！？!?.][。.]/

describe('joinSentences', () => {
  it('ends each sentence but the last with 。 unless it already ends in a stop', () => {
    expect(joinSentences(['请补充负荷表', '补充前时限暂停'])).toBe('请补充负荷表。补充前时限暂停')
    for (const stop of ['。', '！', '？', '.', '!', '?', '…']) expect(joinSentences([`已接通${stop}`, '请查看'])).toBe(`已接通${stop}请查看`)
  })

  it('sees a stop inside closing quotes and brackets', () => {
    expect(joinSentences(['专员说「马上办。」', '请等待'])).toBe('专员说「马上办。」请等待')
    expect(joinSentences(['（已接通。）', '请查看'])).toBe('（已接通。）请查看')
    expect(joinSentences(['专员说「马上办」', '请等待'])).toBe('专员说「马上办」。请等待')
  })

  it('turns a trailing comma, semicolon or colon into the full stop', () => {
    expect(joinSentences(['已协调供电公司，', '请查看'])).toBe('已协调供电公司。请查看')
    expect(joinSentences(['材料如下：', '请查看'])).toBe('材料如下。请查看')
  })

  it('leaves out empty parts and trims the rest; the last part is kept as it is', () => {
    expect(joinSentences([' 企业：标题？ ', null, undefined, false, '', '  ', '原因：没电。'])).toBe('企业：标题？原因：没电。')
    expect(joinSentences(['只有一句'])).toBe('只有一句')
    expect(joinSentences([])).toBe('')
  })

  it('endSentence ends one sentence', () => {
    expect(endSentence('已接通')).toBe('已接通。')
    expect(endSentence('已接通。')).toBe('已接通。')
    expect(endSentence('   ')).toBe('')
  })
})

describe('no doubled final punctuation on the timeline', () => {
  it('a material request ending in 。 reads as one sentence before the pause notice', () => {
    const { event } = act(inProgress(), { type: 'request-material', message: '请提供用电负荷表。' }, owner)
    expect(event.message).toBe('请企业补充材料：请提供用电负荷表。补充前办理时限暂停计算')
  })

  it('a material request ending in ！ or ? keeps its own mark', () => {
    expect(act(inProgress(), { type: 'request-material', message: '负荷表请加盖公章！' }, owner).event.message).toBe('请企业补充材料：负荷表请加盖公章！补充前办理时限暂停计算')
    expect(act(inProgress(), { type: 'request-material', message: 'Load table?' }, owner).event.message).toBe('请企业补充材料：Load table?补充前办理时限暂停计算')
  })

  it('still ends a request without punctuation with a 。', () => {
    expect(act(inProgress(), { type: 'request-material', message: '用电负荷表' }, owner).event.message).toBe('请企业补充材料：用电负荷表。补充前办理时限暂停计算')
  })
})

describe('no doubled final punctuation in the inbox', () => {
  it('an answer ending in 。 is followed by 请查看并评价 without a second 。', () => {
    const { drafts } = act(inProgress(), { type: 'respond', outcome: 'resolved', message: '线路已于今日接通。' }, owner)
    expect(drafts).toMatchObject([{ kind: 'responded', body: '「新线路接电」：线路已于今日接通。请查看并评价' }])
  })

  it('an answer ending in ！ or ？ likewise', () => {
    const bang = act(inProgress(), { type: 'respond', outcome: 'resolved', message: '已接通！' }, owner).drafts[0]!
    expect(bang.body).toBe('「新线路接电」：已接通！请查看并评价')
    const question = act(inProgress(), { type: 'respond', outcome: 'partly', message: '是否需要二期扩容？' }, owner).drafts[0]!
    expect(question.body).toBe('「新线路接电」：是否需要二期扩容？请查看并评价')
  })

  it('a title ending in ？ opens the officials’ notices without …？。', () => {
    const asked = inProgress({ title: '能否加快接电？' })
    const { drafts } = act(asked, { type: 'transfer', toSpecialistId: 'sp-001', reason: '更熟悉该片区。' }, areaAdmin)
    expect(drafts).toMatchObject([{ recipientId: otherSpecialist.id, kind: 'transferred' }])
    expect(drafts[0]!.body).toBe('湖南锦程汽车零部件有限公司：能否加快接电？由 徐慧萍 转交 姜婷 办理。原因：更熟悉该片区。')
    expect(drafts[0]!.body).not.toMatch(DOUBLED)
  })

  it('an evaluation comment ending in 。 is not followed by 。 or ，', () => {
    const responded = makeAppeal({ status: 'responded', version: 5, respondedAt: NOW.toISOString() })
    const satisfied = act(responded, { type: 'evaluate', rating: 'satisfied', comment: '响应很快。' }, staff).drafts[0]!
    expect(satisfied.body).toBe('湖南锦程汽车零部件有限公司：新线路接电。评价：响应很快。')
    const unhappy = act(responded, { type: 'evaluate', rating: 'unsatisfied', comment: '电压仍不稳定。' }, staff).drafts.find((d) => d.recipientId === owner.id)!
    expect(unhappy.body).toBe('湖南锦程汽车零部件有限公司：新线路接电。评价：电压仍不稳定。诉求已重新办理并提级至属地督办')
  })

  it('an escalation reason ending in 。 reaches supervisors and the owner without …。。', () => {
    const { drafts } = act(inProgress({ title: '新线路接电。' }), { type: 'escalate', reason: '涉及用地指标。' }, areaAdmin)
    expect(drafts.length).toBeGreaterThan(0)
    for (const draft of drafts) expect(draft.body).not.toMatch(DOUBLED)
  })
})
