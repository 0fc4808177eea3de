import * as z from 'zod'

/** ISO-8601 instant in UTC, e.g. 2026-11-23T02:00:00.000Z. */
export const instantSchema = z.iso.datetime({ message: '时间格式不正确' })

export const roleSchema = z.enum(['staff', 'specialist', 'department_handler', 'taskforce_handler', 'area_admin', 'city_admin'])
export type Role = z.infer<typeof roleSchema>

export const enterpriseIdSchema = z.string({ message: '请选择企业' }).regex(/^en-[0-9a-z-]{1,40}$/, '企业编号格式不正确')
/**
 * An id the system mints as `<prefix>-<ulid>` (ulid lower-cased: Crockford base32, 26 symbols,
 * time first), e.g. appeals `ap-…` and exports `ex-…`. Nothing else can name one, so anything
 * else in a URL is refused before it reaches a key.
 */
export const mintedIdSchema = (prefix: string, message: string) =>
  z.string({ message }).regex(new RegExp(`^${prefix}-[0-7][0-9a-hjkmnp-tv-z]{25}$`), message)

export const categoryIdSchema = z.string({ message: '请选择诉求类别' }).regex(/^[a-z][a-z0-9-]{0,39}$/, '请选择诉求类别')

/** What a client is told of a page cursor the list did not issue (forged, changed, or another list's). */
export const INVALID_CURSOR_MESSAGE = '分页游标无效，请从第一页重新加载'

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable English error code, e.g. VALIDATION_FAILED' }),
      message: z.string().meta({ description: '给用户看的中文说明' }),
      fields: z.record(z.string(), z.string()).optional().meta({ description: 'Field path → 中文说明' }),
    }),
  })
  .meta({ id: 'Error' })
export type ErrorBody = z.infer<typeof errorBodySchema>
