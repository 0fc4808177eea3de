import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { appealActionSchema, submitAppealRequestSchema } from '@shared/schemas/appeal.schema'
import { bindCardRequestSchema } from '@shared/schemas/card.schema'
import { handoverRequestSchema, reassignRequestSchema } from '@shared/schemas/roster.schema'
import { useChineseValidationMessages } from '@shared/schemas/zod-locale'
import { cleanText } from '@shared/domain/text'

useChineseValidationMessages()

/*
 * Free text from requests: what people cannot see must not count. Zero-width characters alone are
 * an empty field, control characters (NUL…) and bidi overrides are taken out, and the text is
 * stored in NFC.
 */

const ZWSP = '\u200B'
const INVISIBLE_ONLY = ['\u200B\u200B\u200B', '\u200B \u200C\u200D', '\u2060\uFEFF', ' \u3000\u200B\t', '\u202E\u200B\u202C']

const valid = { enterpriseId: 'en-0001', categoryId: 'power', title: '新线路接电', description: '新厂房需要接入 10kV 线路' }
const fieldsOf = (result: z.ZodSafeParseResult<unknown>) =>
  Object.fromEntries((result.error?.issues ?? []).reverse().map((i) => [i.path.join('.'), i.message]))
const title = (text: string) => submitAppealRequestSchema.parse({ ...valid, title: text }).title
const description = (text: string) => submitAppealRequestSchema.parse({ ...valid, description: text }).description

describe('cleanText', () => {
  it('turns text of only invisible characters into the empty string', () => {
    for (const text of [...INVISIBLE_ONLY, '\u00AD\u034F\u3164\uFFA0\u115F\u1160\u180E']) {
      expect(cleanText(text), JSON.stringify(text)).toBe('')
      expect(cleanText(text, { multiline: true }), JSON.stringify(text)).toBe('')
    }
  })

  it('keeps line breaks and tabs only in multi-line text', () => {
    expect(cleanText('a\r\nb\u2028c\td', { multiline: true })).toBe('a\nb\nc\td')
    expect(cleanText('a\r\nb\u2028c\td')).toBe('a b c d')
  })

  it('keeps the zero-width joiner inside an emoji sequence, and ordinary spaces inside the text', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'
    expect(cleanText(`谢谢 ${family}`)).toBe(`谢谢 ${family}`)
  })

  it('composes a combining mark with its base once the control between them is gone', () => {
    expect(cleanText('e\u0000\u0301')).toBe('\u00E9')
  })
})

describe('appeal title (one line)', () => {
  it('counts a title of only zero-width or blank characters as empty', () => {
    for (const text of INVISIBLE_ONLY) {
      expect(fieldsOf(submitAppealRequestSchema.safeParse({ ...valid, title: text })), JSON.stringify(text)).toEqual({ title: '请填写标题' })
    }
  })

  it('takes NUL and other control characters out', () => {
    expect(title('新线路\u0000接电')).toBe('新线路接电')
    expect(title('\u0007新线路\u001B接电\u007F\u0085')).toBe('新线路接电')
  })

  it('takes bidi overrides, embeddings, isolates and marks out', () => {
    expect(title('\u202E电接路线新')).toBe('电接路线新')
    expect(title('新\u202A线\u202B路\u202C接\u202D电')).toBe('新线路接电')
    expect(title('\u2066新线路\u2069接\u2067电\u2068\u200E\u200F')).toBe('新线路接电')
  })

  it('takes zero-width spaces out and the invisible joiners off the ends', () => {
    expect(title(`新${ZWSP}线路接电${ZWSP}`)).toBe('新线路接电')
    expect(title('\u200D新线路接电\u200C')).toBe('新线路接电')
    // Forty visible characters fit however many zero-width spaces were pasted with them.
    expect(title(`${'电'.repeat(40)}${ZWSP.repeat(5)}`)).toBe('电'.repeat(40))
  })

  it('puts a line break or tab inside a one-line title as a space', () => {
    expect(title('新线路\n接电')).toBe('新线路 接电')
    expect(title('新线路\t接电\r\n')).toBe('新线路 接电')
  })

  it('stores the text in NFC', () => {
    const decomposed = 'Cafe\u0301 接电'
    expect(title(decomposed)).toBe('Caf\u00E9 接电')
    // A CJK compatibility ideograph becomes the unified one.
    expect(title('\uF900山路段')).toBe('\u8C48山路段')
  })

  it('still says a too-short title is too short once the invisible characters are gone', () => {
    expect(fieldsOf(submitAppealRequestSchema.safeParse({ ...valid, title: `电${ZWSP}\u0000` }))).toEqual({ title: '标题至少 2 个字' })
  })
})

describe('multi-line text (description, messages, reasons)', () => {
  it('keeps line breaks and tabs, with Windows and old Mac breaks as \\n', () => {
    expect(description('第一行\r\n第二行\r第三行\n\t说明')).toBe('第一行\n第二行\n第三行\n\t说明')
  })

  it('takes the other control characters and bidi overrides out', () => {
    expect(description('新厂房\u0000需要\u202E接入\u000B线路')).toBe('新厂房需要接入线路')
  })

  it('counts a description of only invisible characters and line breaks as empty', () => {
    expect(fieldsOf(submitAppealRequestSchema.safeParse({ ...valid, description: `\n${ZWSP}\n\uFEFF\n` }))).toEqual({ description: '请填写诉求内容' })
  })
})

/** Every free-text field of an action, with the action around it and the message for an empty one. */
const ACTION_TEXTS: { action: Record<string, unknown>; field: string; missing: string }[] = [
  { action: { type: 'note' }, field: 'message', missing: '请填写进展说明' },
  { action: { type: 'respond', outcome: 'resolved' }, field: 'message', missing: '请填写答复内容' },
  { action: { type: 'withdraw' }, field: 'reason', missing: '请填写撤回原因' },
  { action: { type: 'co-handle', handlers: [{ kind: 'department', id: 'power' }], days: 3 }, field: 'message', missing: '请填写协办事项' },
  { action: { type: 'reply-task' }, field: 'message', missing: '请填写协办意见' },
  { action: { type: 'transfer', toSpecialistId: 'sp-001' }, field: 'reason', missing: '请填写转办原因' },
  { action: { type: 'escalate' }, field: 'reason', missing: '请填写提级原因' },
  { action: { type: 'extend', dueDate: '2026-12-10' }, field: 'reason', missing: '请填写延期原因' },
  { action: { type: 'request-material' }, field: 'message', missing: '请填写所需材料' },
  { action: { type: 'supply-material' }, field: 'message', missing: '请填写材料说明' },
  { action: { type: 'evaluate', rating: 'unsatisfied' }, field: 'comment', missing: '请填写不满意的原因' },
]

describe('every free-text field of an appeal action', () => {
  for (const { action, field, missing } of ACTION_TEXTS) {
    it(`${String(action.type)}.${field}: invisible only is empty, NUL and U+202E are taken out`, () => {
      for (const text of INVISIBLE_ONLY) {
        expect(fieldsOf(appealActionSchema.safeParse({ ...action, [field]: text })), JSON.stringify(text)).toEqual({ [field]: missing })
      }
      const parsed = appealActionSchema.parse({ ...action, [field]: '\u202E已联系\u0000供电公司\u200B现场勘察' }) as Record<string, unknown>
      expect(parsed[field]).toBe('已联系供电公司现场勘察')
    })
  }

  it('the optional texts (an evaluation comment, the reason for answering first) become empty, not refused', () => {
    expect(appealActionSchema.parse({ type: 'evaluate', rating: 'satisfied', comment: `${ZWSP}\uFEFF` })).toEqual({ type: 'evaluate', rating: 'satisfied', comment: '' })
    const respond = appealActionSchema.parse({ type: 'respond', outcome: 'resolved', message: '已接通', openTaskReason: '\u202E\u0000企业急需' })
    expect(respond).toMatchObject({ openTaskReason: '企业急需' })
  })
})

describe('names and reasons outside appeals', () => {
  it('a name asking to join an enterprise', () => {
    for (const text of INVISIBLE_ONLY) expect(fieldsOf(bindCardRequestSchema.safeParse({ name: text })), JSON.stringify(text)).toEqual({ name: '请填写您的姓名' })
    expect(bindCardRequestSchema.parse({ name: '\u202E张\u0000三\u200B' })).toEqual({ name: '张三' })
    expect(bindCardRequestSchema.parse({ name: '张\n三' })).toEqual({ name: '张 三' })
  })

  it('the reason for moving an enterprise or a portfolio', () => {
    for (const text of INVISIBLE_ONLY) {
      expect(fieldsOf(reassignRequestSchema.safeParse({ specialistId: 'sp-003', reason: text }))).toEqual({ reason: '请填写调整原因' })
      expect(fieldsOf(handoverRequestSchema.safeParse({ toSpecialistId: 'sp-003', reason: text }))).toEqual({ reason: '请填写调整原因' })
    }
    expect(reassignRequestSchema.parse({ specialistId: 'sp-003', reason: '专员\u0000离职\u202E' })).toEqual({ specialistId: 'sp-003', reason: '专员离职' })
  })
})
