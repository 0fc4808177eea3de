import type { z } from 'zod'
import type { FieldErrors } from '@shared/errors'

/** The first message per top-level field, the shape the API uses for its `fields`. */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {}
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_'
    if (!(key in fields)) fields[key] = issue.message
  }
  return fields
}

export const hasErrors = (fields: FieldErrors): boolean => Object.keys(fields).length > 0
