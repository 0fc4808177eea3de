import { appealStatusSchema } from '@shared/schemas/appeal.schema'

/** The statuses the labels know, to tell a status string from the API apart from anything else. */
export const APPEAL_STATUS_VALUES: readonly string[] = appealStatusSchema.options
