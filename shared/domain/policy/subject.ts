import type { Role } from '../../schemas/common.schema'

/**
 * Who a permission is decided for: what the server's `Actor` carries and what the mini-program
 * derives from its session user (enterpriseIds from the approved bindings, pendingEnterpriseIds
 * from the pending ones). Every predicate of the policy takes this, or the part of it it reads.
 */
export interface Subject {
  id: string
  role: Role
  areaId?: string
  departmentId?: string
  taskForceId?: string
  /** Enterprises whose staff this user is (approved bindings only). */
  enterpriseIds: readonly string[]
  /** Enterprises this user asked to join and may file for, not yet approved. */
  pendingEnterpriseIds: readonly string[]
}

/** Anything that names a role: a subject, a stored user, a session user, a timeline's actor ('system'). */
export interface RoleHolder {
  readonly role: Role | 'system'
}

/*
 * What kind of person someone is. These are not permissions but the words permissions are made
 * of, and what code outside this folder uses where it needs the kind of person for something else
 * (the wording of a button, who hears of an appeal, whose bindings to read): nothing outside the
 * policy compares a role itself, so a new role is a change to this folder alone. Each answers
 * false for nobody (null or undefined), as a page has before anyone signed in.
 */
type Who = RoleHolder | null | undefined

/** A person of an enterprise (企业联系人), approved or not. */
export const isEnterpriseStaff = (who: Who): boolean => who?.role === 'staff'
/** A specialist (企业服务专员). */
export const isSpecialist = (who: Who): boolean => who?.role === 'specialist'
/** A functional department's handler (部门经办人). */
export const isDepartmentHandler = (who: Who): boolean => who?.role === 'department_handler'
/** An industry task force's handler (行业专班经办人). */
export const isTaskForceHandler = (who: Who): boolean => who?.role === 'taskforce_handler'
/** Someone who works on appeals through a co-handling task: a department's or a task force's handler. */
export const isCoHandlerRole = (who: Who): boolean => isDepartmentHandler(who) || isTaskForceHandler(who)
/** A park's or district's administrator (属地管理员). */
export const isAreaAdmin = (who: Who): boolean => who?.role === 'area_admin'
/** The city office's administrator (市级管理员). */
export const isCityAdmin = (who: Who): boolean => who?.role === 'city_admin'
/** An area or city administrator. */
export const isAdmin = (who: Who): boolean => isAreaAdmin(who) || isCityAdmin(who)
/** Any person of the government side: everyone signed in who is not an enterprise's staff. */
export const isOfficial = (who: Who): boolean => who !== null && who !== undefined && who.role !== 'system' && !isEnterpriseStaff(who)
