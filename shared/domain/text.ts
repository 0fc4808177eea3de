/*
 * People's words as we keep and repeat them: free text cleaned once when a request comes in, and
 * sentences joined around it without doubling its punctuation. Pure; both sides use it.
 */

/** Line breaks of every system, and Unicode's own, as \n. */
const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/g
/** C0 controls except tab and line feed, DEL, and C1 controls. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g
/** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the bidi marks. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
/**
 * Zero-width characters that carry nothing anywhere in a text: zero-width space, word joiner and
 * BOM. (A zero-width space inside a word would also slip it past WeChat's content check.) The
 * zero-width (non-)joiners stay inside a text, where emoji sequences need them.
 */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g
/** What shows as nothing: whitespace, the zero-width characters and joiners, and the filler characters. */
const INVISIBLE = '\\s\\u00AD\\u034F\\u115F\\u1160\\u180E\\u200B-\\u200D\\u2060\\u3164\\uFEFF\\uFFA0'
const INVISIBLE_EDGES = new RegExp(`^[${INVISIBLE}]+|[${INVISIBLE}]+$`, 'g')

export interface CleanTextOptions {
  /** Keep line breaks and tabs (descriptions, messages, reasons); otherwise they become spaces. */
  multiline?: boolean
}

/**
 * A request's free text as we keep it: control characters (but for the line breaks and tabs of a
 * multi-line text) and bidi controls taken out, zero-width spaces dropped, the invisible
 * characters at either end trimmed, in NFC. A text made only of invisible characters becomes ''.
 */
export function cleanText(text: string, options: CleanTextOptions = {}): string {
  let clean = text.replace(LINE_BREAKS, '\n')
  if (!options.multiline) clean = clean.replace(/[\t\n]/g, ' ')
  clean = clean.replace(CONTROLS, '').replace(BIDI, '').replace(ZERO_WIDTH, '')
  // Last, so that a combining mark that followed a removed character composes with its base.
  return clean.normalize('NFC').replace(INVISIBLE_EDGES, '')
}

/** Marks that end a sentence: a sentence ending in one needs no 。 after it. */
const STOP = /[。！？!?.…]$/
/** Marks that only pause: a sentence ending in one ends with 。 instead. */
const PAUSE = /[，,、；;：:]+$/
/** Closing quotes and brackets, after which the mark that ends the sentence may stand (「好的。」). */
const CLOSERS = /[」』”’）)】》〉]+$/

/** One sentence, ended with 。 unless it already ends in a stop (inside closing quotes too). */
export function endSentence(text: string): string {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  if (STOP.test(trimmed.replace(CLOSERS, ''))) return trimmed
  return `${trimmed.replace(PAUSE, '')}。`
}

/**
 * Sentences joined into one text, each ended by `endSentence` but the last, which is left as it is
 * (inbox bodies and timeline lines end without a 。 of ours); empty parts are left out.
 */
export function joinSentences(parts: readonly (string | null | undefined | false)[]): string {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim())
  return kept.map((part, i) => (i < kept.length - 1 ? endSentence(part) : part)).join('')
}
