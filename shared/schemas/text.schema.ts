import * as z from 'zod'
import { cleanText } from '../domain/text'

export interface TextFieldOptions {
  /** Characters at least, once cleaned; 1 by default (anything visible). */
  min?: number
  /** Keeps line breaks and tabs: descriptions, messages, reasons. Titles and names are one line. */
  multiline?: boolean
  /** The message for a missing or empty field; "请填写<label>" by default. */
  missing?: string
}

/**
 * The one schema for free text in requests: cleaned by `cleanText` (controls, bidi overrides and
 * zero-width characters out, NFC), "请填写…" when nothing visible is left, then the limits in
 * characters. It stays a zod string, so forms can read `maxLength` for their counters.
 */
export function requiredText(label: string, max: number, options: TextFieldOptions = {}) {
  const { min = 1, multiline = false } = options
  const missing = options.missing ?? `请填写${label}`
  const required = z
    .string({ message: missing })
    .overwrite((text) => cleanText(text, { multiline }))
    .min(1, missing)
  return (min > 1 ? required.min(min, `${label}至少 ${min} 个字`) : required).max(max, `${label}不能超过 ${max} 个字`)
}

/**
 * Free text that may be left out: cleaned the same way, '' when nothing visible is left. The
 * caller adds `.optional()` or `.default('')`.
 */
export function optionalText(label: string, max: number, options: Pick<TextFieldOptions, 'multiline'> = {}) {
  return z
    .string()
    .overwrite((text) => cleanText(text, { multiline: options.multiline ?? false }))
    .max(max, `${label}不能超过 ${max} 个字`)
}
