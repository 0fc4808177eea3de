import type { Subject } from './subject'

/** A report export job is its requester's alone: anyone else is told there is no such job (404). */
export const maySeeExportJob = (subject: Pick<Subject, 'id'>, job: { requestedBy: string }): boolean => job.requestedBy === subject.id
