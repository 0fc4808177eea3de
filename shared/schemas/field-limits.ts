/**
 * How long the names and titles people type about enterprises and officials may be, in
 * characters: declared once here and used by the forms, the API schemas and the roster import
 * alike, so that a value one of them accepts is never refused (or stored) by another.
 */

/** 企业名称: registered names run to 40 or 50 characters; 100 leaves room for branch names. */
export const ENTERPRISE_NAME_MAX = 100

/** 姓名 of a contact, a specialist or a staff member asking to join. */
export const PERSON_NAME_MAX = 20

/** 职务, e.g. 园区企业服务专员 or 市直部门企业服务专员. */
export const SPECIALIST_TITLE_MAX = 30

/** 所属属地 as typed in a roster: matched against the catalog's area names. */
export const AREA_NAME_MAX = 30

/** A cell naming one of a few choices (行业, 规模): its Chinese label or code name. */
export const CHOICE_CELL_MAX = 20

/** Mainland mobile numbers (11 digits): specialists and contacts are reached by phone and WeChat. */
export const MOBILE_PHONE = /^1[3-9]\d{9}$/
