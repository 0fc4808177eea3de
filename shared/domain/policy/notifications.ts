import type { Role } from '../../schemas/common.schema'
import type { TemplateKey } from '../../schemas/notification.schema'
import type { RoleHolder, Subject } from './subject'

/**
 * The subscribe-message templates each role receives (and so may subscribe to), most important
 * first: the order the app asks for them in. Kept here because which messages a role gets is a
 * question about the role, like every other.
 */
export const ROLE_TEMPLATES: Record<Role, readonly TemplateKey[]> = {
  staff: ['progress'],
  specialist: ['task', 'deadline', 'evaluation'],
  department_handler: ['task'],
  taskforce_handler: ['task'],
  area_admin: ['task', 'deadline', 'digest'],
  city_admin: ['task', 'deadline', 'digest'],
}

/** The templates of this role (none for the system). */
export const templatesOfRole = (role: RoleHolder['role']): readonly TemplateKey[] => (role === 'system' ? [] : ROLE_TEMPLATES[role])

/** Subscribing to a template (one more message per accept): only to those the caller's role receives. */
export const maySubscribeTo = (who: RoleHolder, template: TemplateKey): boolean => templatesOfRole(who.role).includes(template)

/** An inbox (消息中心) is its owner's alone: every read and mark is keyed by the caller's own id. */
export const mayReadInbox = (subject: Pick<Subject, 'id'>, inboxOwnerId: string): boolean => subject.id === inboxOwnerId
