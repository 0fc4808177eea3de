import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { DETAIL_COLUMNS, shanghaiTime, type DetailRow } from './export-rows'

/*
 * The month's detail rows as CSV (RFC 4180): UTF-8 with a byte-order mark, which is how Excel on
 * Windows knows the file is UTF-8 and shows the Chinese instead of mojibake; CRLF line ends;
 * fields quoted when they hold a comma, a quote or a line break. Streamed row by row.
 */

export const BOM = '\uFEFF'
const CRLF = '\r\n'

/**
 * Text an enterprise typed (a title) is written as text even if it looks like a formula: a
 * spreadsheet opening the CSV would otherwise run `=HYPERLINK(…)` or `+cmd|…`. The apostrophe is
 * what spreadsheets themselves use to mark "this is text", and they do not show it.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** One field, quoted and escaped as RFC 4180 asks, only when it needs to be. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return ''
  if (typeof value === 'number') return String(value)
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvLine = (values: readonly (string | number | undefined)[]): string => `${values.map(csvField).join(',')}${CRLF}`

export const CSV_HEADER = csvLine(DETAIL_COLUMNS.map((c) => c.header))

export function detailCsvLine(row: DetailRow): string {
  return csvLine(
    DETAIL_COLUMNS.map((c) => {
      const value = row[c.key]
      return c.kind === 'time' && typeof value === 'string' ? shanghaiTime(value) : value
    }),
  )
}

async function write(sink: Writable, text: string): Promise<void> {
  if (!sink.write(text, 'utf8')) await once(sink, 'drain')
}

/**
 * Writes the BOM, the header and every row of `pages` into `sink`, waiting whenever the sink is
 * full; `onRows` hears the running count after every page. Ends the sink; returns the row count.
 */
export async function writeCsv(
  pages: AsyncIterable<readonly DetailRow[]>,
  sink: Writable,
  onRows: (rows: number) => Promise<void> | void = () => undefined,
): Promise<number> {
  await write(sink, BOM + CSV_HEADER)
  let rows = 0
  for await (const page of pages) {
    // One write per page: a few hundred lines is a few tens of kilobytes.
    await write(sink, page.map(detailCsvLine).join(''))
    rows += page.length
    await onRows(rows)
  }
  sink.end()
  await once(sink, 'finish')
  return rows
}
