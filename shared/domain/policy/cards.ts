import { mayAdministerArea } from './enterprises'
import type { RoleHolder, Subject } from './subject'

/** Printing an area's contact cards (打印联系卡): the admins of that area. */
export const mayPrintAreaCards = (subject: RoleHolder & Pick<Subject, 'areaId'>, areaId: string): boolean => mayAdministerArea(subject, areaId)
