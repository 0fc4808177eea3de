import * as OpenCC from 'opencc-js/t2cn'
import type { Industry, Scale } from '../schemas/catalog.schema'
import type { FaqEntry, Highlighted, KitHit, PolicyDoc } from '../schemas/policy.schema'
import { shanghaiDate } from './calendar'

/*
 * One in-memory search over the kit's published policies and FAQ entries, in Chinese.
 *
 * Terms: the words of `Intl.Segmenter('zh', { granularity: 'word' })` (Node's full ICU), plus
 * every character bigram and, weakly, every character of the Chinese runs — so that a query
 * segmented differently from the text, or typed with a wrong character, still meets most of its
 * terms. Traditional characters are folded to simplified (OpenCC), full-width to half-width,
 * Latin to lower case. A short list of colloquial words adds the term the documents use
 * (扩容 → 增容). Ranking is BM25 over the fields weighted (title 3, key points 2, body 1).
 */

export interface KitDocument {
  kind: 'policy' | 'faq'
  id: string
  categoryId: string
  title: string
  /** Key points or nothing. */
  keys: string
  body: string
  /** A policy's applicability (empty lists: all); FAQ entries apply to everyone. */
  scales: readonly Scale[]
  industries: readonly Industry[]
  /** A policy's last day; null for none (and for FAQ entries). */
  expiresOn: string | null
}

const FIELD_WEIGHTS = { title: 3, keys: 2, body: 1 } as const
type Field = keyof typeof FIELD_WEIGHTS

/** How much each kind of term counts: whole words most, bigrams next, single characters a little. */
const TERM_WEIGHTS = { w: 1, b: 0.7, u: 0.15, s: 0.6 } as const
const K1 = 1.2
const B = 0.75

/** Words and characters that say nothing about what is asked. */
const STOP_WORDS = new Set([
  '的', '了', '吗', '呢', '啊', '吧', '呀', '么', '嘛', '是', '在', '有', '和', '与', '及', '或', '等', '就', '都', '也', '还', '又',
  '我', '我们', '你', '你们', '他', '她', '它', '咱', '咱们', '本', '该', '这', '那', '这个', '那个', '一个', '个',
  '怎么', '怎么办', '怎样', '如何', '咋', '咋办', '咋整', '什么', '啥', '哪里', '哪儿', '哪些', '哪个', '多少', '几', '为什么',
  '请问', '请', '问', '想', '想问', '能', '能不能', '可以', '可不可以', '要', '需要', '应该', '是否', '有没有', '没有', '不', '会',
  '公司', '企业', '单位', '我司', '厂里', '我厂', '一下', '现在', '目前', '已经', '如果', '但是', '可是', '还是', '一直', '给',
])
const STOP_CHARS = new Set([...'的了吗呢啊吧呀么嘛是在有和与及或等就都也还又我你他她它这那个怎咋啥哪请问想能可要不会给一'])

/**
 * Colloquial words and the words the documents use for them: a hit on the query's own word
 * still counts most; the added term counts like a bigram.
 */
const SYNONYMS: Record<string, readonly string[]> = {
  扩容: ['增容'],
  加容量: ['增容'],
  停电: ['供电'],
  电费: ['电价'],
  贷款: ['融资'],
  借钱: ['贷款', '融资'],
  缺钱: ['融资', '贷款'],
  利息: ['贴息'],
  招工: ['用工', '招聘'],
  招人: ['用工', '招聘'],
  缺人: ['用工', '招聘'],
  工人: ['员工', '用工'],
  社保: ['社会保险'],
  补助: ['补贴'],
  补贴: ['补助', '奖补'],
  奖金: ['奖励', '奖补'],
  奖励: ['奖补'],
  小孩: ['子女'],
  孩子: ['子女'],
  上学: ['入学'],
  读书: ['入学'],
  验收: ['消防验收'],
  着火: ['消防'],
  火灾: ['消防'],
  拿地: ['用地'],
  土地: ['用地'],
  厂房: ['用地', '标准厂房'],
  自来水: ['供水', '用水'],
  水压: ['供水'],
  停水: ['供水'],
  宽带: ['网络', '通讯'],
  信号: ['基站', '网络'],
  公交: ['公交线路', '通勤'],
  班车: ['通勤'],
  上规: ['升规', '入规'],
  规上: ['规模以上'],
  小巨人: ['专精特新'],
  退税: ['留抵退税', '退税'],
  税收: ['税费'],
  审批: ['审批', '许可'],
  执照: ['营业执照'],
  人才: ['人才引进'],
  落户: ['户籍', '人才'],
  房补: ['住房补贴'],
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' })

/** Full-width to half-width, Latin to lower case: one character for one, so offsets hold. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0)
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase()
  if (code === 0x3000) return ' '
  return ch.toLowerCase()
}

/** The text as it is indexed and matched: simplified, half-width, lower case, of the same length when it can be. */
export function foldText(text: string): string {
  const folded = Array.from(text, foldChar).join('')
  const simplified = toSimplified(folded)
  return simplified.length === folded.length ? simplified : folded
}

const CJK = /\p{Script=Han}/u
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

export interface Term {
  term: string
  weight: number
}

/** The terms of a text, each with how often it occurs (folded first). */
export function termsOf(text: string): Map<string, number> {
  const folded = foldText(text)
  const counts = new Map<string, number>()
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1)
  // Character terms come from runs of Chinese text that filler words break: 请问怎么办 gives none.
  let run: string[] = []
  const endRun = () => {
    run.forEach((ch, i) => {
      if (!STOP_CHARS.has(ch)) add(`u:${ch}`)
      const next = run[i + 1]
      if (next !== undefined) add(`b:${ch}${next}`)
    })
    run = []
  }
  for (const { segment, isWordLike } of segmenter.segment(folded)) {
    const word = segment.trim()
    const stop = STOP_WORDS.has(word)
    if (isWordLike && word.length > 0 && !stop && !(word.length === 1 && CJK.test(word))) add(`w:${word}`)
    if (!isWordLike || stop || !CJK.test(word)) {
      endRun()
      continue
    }
    run.push(...Array.from(word).filter((ch) => CJK.test(ch)))
  }
  endRun()
  return counts
}

/** What a query looks for: its terms, with the colloquial words' document terms added. */
export function queryTerms(query: string): Term[] {
  const counts = termsOf(query)
  const terms = new Map<string, number>()
  for (const term of counts.keys()) terms.set(term, TERM_WEIGHTS[term[0] as 'w' | 'b' | 'u'])
  const folded = foldText(query)
  for (const [word, targets] of Object.entries(SYNONYMS)) {
    if (!folded.includes(word)) continue
    for (const target of targets) {
      const key = `w:${target}`
      if (!terms.has(key)) terms.set(key, TERM_WEIGHTS.s)
    }
  }
  return [...terms].map(([term, weight]) => ({ term, weight }))
}

interface Posting {
  doc: number
  tf: number
}

export interface KitIndex {
  documents: readonly KitDocument[]
  postings: ReadonlyMap<string, readonly Posting[]>
  lengths: Float64Array
  averageLength: number
}

/** A document's weighted terms, kept between builds while its text is unchanged. */
export type KitTermCache = Map<string, { text: string; weighted: Map<string, number>; length: number }>

function weightedTerms(document: KitDocument, cache: KitTermCache | undefined): { weighted: Map<string, number>; length: number } {
  const text = `${document.title}\u0000${document.keys}\u0000${document.body}`
  const cached = cache?.get(document.id)
  if (cached && cached.text === text) return cached
  const weighted = new Map<string, number>()
  let length = 0
  for (const field of Object.keys(FIELD_WEIGHTS) as Field[]) {
    const fieldWeight = FIELD_WEIGHTS[field]
    for (const [term, count] of termsOf(document[field])) {
      weighted.set(term, (weighted.get(term) ?? 0) + count * fieldWeight)
      length += count * fieldWeight
    }
  }
  cache?.set(document.id, { text, weighted, length })
  return { weighted, length }
}

/**
 * Builds the index over documents (published, as the caller chose them). With a cache, only the
 * documents whose text changed since the last build are segmented again: segmentation is most
 * of the cost, so a rebuild after one edit costs little more than assembling the postings.
 */
export function buildKitIndex(documents: readonly KitDocument[], cache?: KitTermCache): KitIndex {
  const postings = new Map<string, Posting[]>()
  const lengths = new Float64Array(documents.length)
  documents.forEach((document, doc) => {
    const { weighted, length } = weightedTerms(document, cache)
    lengths[doc] = length
    for (const [term, tf] of weighted) {
      let list = postings.get(term)
      if (!list) postings.set(term, (list = []))
      list.push({ doc, tf })
    }
  })
  if (cache) {
    const live = new Set(documents.map((d) => d.id))
    for (const id of cache.keys()) if (!live.has(id)) cache.delete(id)
  }
  const total = lengths.reduce((sum, l) => sum + l, 0)
  return { documents, postings, lengths, averageLength: documents.length > 0 ? total / documents.length : 1 }
}

export interface KitSearchOptions {
  categoryId?: string
  scale?: Scale
  industry?: Industry
  kind?: 'policy' | 'faq'
  limit: number
  now: Date
}

export interface RankedDocument {
  document: KitDocument
  score: number
}

function passes(document: KitDocument, options: KitSearchOptions, today: string): boolean {
  if (options.kind && document.kind !== options.kind) return false
  if (options.categoryId && document.categoryId !== options.categoryId) return false
  if (options.scale && document.scales.length > 0 && !document.scales.includes(options.scale)) return false
  if (options.industry && document.industries.length > 0 && !document.industries.includes(options.industry)) return false
  if (document.expiresOn !== null && document.expiresOn < today) return false
  return true
}

/** The best matches of a query, best first, with how many matched in all (BM25 over weighted fields). */
export function rankKit(index: KitIndex, query: string, options: KitSearchOptions): { ranked: RankedDocument[]; total: number } {
  const terms = queryTerms(query)
  if (terms.length === 0) return { ranked: [], total: 0 }
  const n = index.documents.length
  const scores = new Map<number, number>()
  // A document must meet a word or a bigram of the query: single characters alone are noise,
  // unless the query is one character.
  const needsStrong = Array.from(query.replace(/\s/g, '')).length > 1
  const strong = new Set<number>()
  for (const { term, weight } of terms) {
    const list = index.postings.get(term)
    if (!list) continue
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5))
    const isStrong = !term.startsWith('u:')
    for (const { doc, tf } of list) {
      const norm = K1 * (1 - B + (B * index.lengths[doc]!) / index.averageLength)
      scores.set(doc, (scores.get(doc) ?? 0) + weight * idf * ((tf * (K1 + 1)) / (tf + norm)))
      if (isStrong) strong.add(doc)
    }
  }
  if (needsStrong) for (const doc of scores.keys()) if (!strong.has(doc)) scores.delete(doc)
  const today = shanghaiDate(options.now)
  const matched: RankedDocument[] = []
  for (const [doc, score] of scores) {
    const document = index.documents[doc]!
    if (passes(document, options, today)) matched.push({ document, score })
  }
  // A match on single characters alone is noise: keep what scores at least a fifth of the best.
  const best = matched.reduce((max, m) => Math.max(max, m.score), 0)
  const kept = matched.filter((m) => m.score >= best * 0.2)
  kept.sort((a, b) => b.score - a.score || a.document.id.localeCompare(b.document.id))
  return { ranked: kept.slice(0, options.limit), total: kept.length }
}

/** The strings whose occurrences are marked in a hit: the query's words and bigrams, folded. */
function markersOf(query: string): string[] {
  const markers = new Set<string>()
  for (const term of termsOf(query).keys()) {
    if (term.startsWith('w:') || term.startsWith('b:')) markers.add(term.slice(2))
  }
  return [...markers].filter((m) => m.length > 0)
}

/** The text cut into marked and unmarked pieces. */
export function highlight(text: string, query: string): Highlighted {
  return piecesOf(text, marksOf(text, markersOf(query)))
}

function marksOf(text: string, markers: readonly string[]): boolean[] {
  const folded = Array.from(text, foldChar).join('')
  const marks = new Array<boolean>(text.length).fill(false)
  // Offsets hold only when folding kept the length (it does for everything but rare ligatures).
  if (folded.length !== text.length) return marks
  for (const marker of markers) {
    let from = 0
    for (;;) {
      const at = folded.indexOf(marker, from)
      if (at < 0) break
      for (let i = at; i < at + marker.length; i++) marks[i] = true
      from = at + 1
    }
  }
  return marks
}

function piecesOf(text: string, marks: readonly boolean[]): Highlighted {
  const pieces: Highlighted = []
  for (let i = 0; i < text.length; i++) {
    const hit = marks[i] ?? false
    const last = pieces[pieces.length - 1]
    if (last && last.hit === hit) last.text += text[i]
    else pieces.push({ text: text[i]!, hit })
  }
  return pieces
}

/** The window of `length` characters of the text with the most marked characters, with ellipses where cut. */
export function snippet(text: string, query: string, length = 60): Highlighted {
  const flat = text.replace(/\s+/g, ' ').trim()
  const marks = marksOf(flat, markersOf(query))
  if (flat.length <= length) return piecesOf(flat, marks)
  let bestStart = 0
  let bestCount = -1
  let count = 0
  for (let i = 0; i < flat.length; i++) {
    if (marks[i]) count++
    if (i >= length && marks[i - length]) count--
    if (i >= length - 1 && count > bestCount) {
      bestCount = count
      bestStart = i - length + 1
    }
  }
  // Start a little before the first match of the window, for context.
  const firstHit = marks.indexOf(true, bestStart)
  const start = bestCount > 0 && firstHit >= 0 ? Math.max(0, Math.min(firstHit - 8, flat.length - length)) : 0
  const pieces = piecesOf(flat.slice(start, start + length), marks.slice(start, start + length))
  if (start > 0) pieces.unshift({ text: '…', hit: false })
  if (start + length < flat.length) pieces.push({ text: '…', hit: false })
  return pieces
}

/** The hits as the API returns them: marked title and snippet. */
export function searchKit(index: KitIndex, query: string, options: KitSearchOptions): { items: KitHit[]; total: number } {
  const { ranked, total } = rankKit(index, query, options)
  const items = ranked.map(({ document, score }) => ({
    kind: document.kind,
    id: document.id,
    categoryId: document.categoryId,
    title: highlight(document.title, query),
    snippet: snippet(document.keys ? `${document.keys} ${document.body}` : document.body, query),
    score: Math.round(score * 1000) / 1000,
  }))
  return { items, total }
}

/** A policy as the index reads it. */
export const policyDocument = (policy: PolicyDoc): KitDocument => ({
  kind: 'policy',
  id: policy.id,
  categoryId: policy.categoryId,
  title: policy.title,
  keys: policy.keyPoints.join('；'),
  body: `${policy.issuer} ${policy.docNumber} ${policy.howToApply}`,
  scales: policy.appliesTo.scales,
  industries: policy.appliesTo.industries,
  expiresOn: policy.expiresOn,
})

/** An FAQ entry as the index reads it. */
export const faqDocument = (entry: FaqEntry): KitDocument => ({
  kind: 'faq',
  id: entry.id,
  categoryId: entry.categoryId,
  title: entry.question,
  keys: '',
  body: entry.answer,
  scales: [],
  industries: [],
  expiresOn: null,
})

/** What the index holds: the published entries only (an enterprise never meets a draft). */
export function kitDocuments(policies: readonly PolicyDoc[], faq: readonly FaqEntry[]): KitDocument[] {
  return [...policies.filter((p) => p.status === 'published').map(policyDocument), ...faq.filter((f) => f.status === 'published').map(faqDocument)]
}
