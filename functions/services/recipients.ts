import { unitKey, type Audience, type Recipients } from '@shared/domain/notifications'
import { listEnterpriseStaff } from '../store/binding.store'
import { listHandlersOfUnit, listUsersByRole } from '../store/user.store'

/**
 * The people behind the groups a change's notices name: an area's admins, the city's admins, the
 * handlers of a department or task force, an enterprise's approved staff. Read fresh every time (a few small Queries, only for
 * the groups named), so that an official added today hears about tomorrow's work.
 */
export async function resolveAudience(audience: Audience): Promise<Recipients> {
  const ids = (users: { id: string }[]) => users.map((u) => u.id)
  const [areaAdmins, cityAdmins, units, enterpriseStaff] = await Promise.all([
    Promise.all(audience.areaAdmins.map(async (areaId) => [areaId, ids(await listUsersByRole('area_admin', 2000, areaId))] as const)),
    audience.cityAdmins ? listUsersByRole('city_admin').then(ids) : Promise.resolve([]),
    Promise.all(audience.units.map(async (unit) => [unitKey(unit), ids(await listHandlersOfUnit(unit))] as const)),
    Promise.all(
      audience.enterprises.map(async (enterpriseId) => {
        const approved = (await listEnterpriseStaff(enterpriseId)).filter((b) => b.status === 'approved')
        return [enterpriseId, approved.map((b) => b.userId)] as const
      }),
    ),
  ])
  return { areaAdmins: Object.fromEntries(areaAdmins), cityAdmins, units: Object.fromEntries(units), enterpriseStaff: Object.fromEntries(enterpriseStaff) }
}
