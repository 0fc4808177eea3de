import { administeredAreas, mayAdministerArea } from './enterprises'
import { adminReach } from './supervision'
import { isCityAdmin, isEnterpriseStaff, isSpecialist, type RoleHolder, type Subject } from './subject'

/*
 * 升规入统: who sees an enterprise's upgrade file (figures, projection, stage), who enters its
 * figures, who moves its stage, who edits the thresholds and who reads the boards.
 */
type UpgradeEnterprise = { id: string; areaId: string; specialistId: string | null }

/** Officials with the enterprise in scope (its specialist, its area's admins, the city admin). */
const servesEnterprise = (subject: Subject, enterprise: UpgradeEnterprise): boolean =>
  mayAdministerArea(subject, enterprise.areaId) || (isSpecialist(subject) && enterprise.specialistId === subject.id)

/** Reading an enterprise's upgrade file: the officials serving it, and its own approved staff. */
export const maySeeUpgradeFile = (subject: Subject, enterprise: UpgradeEnterprise): boolean =>
  servesEnterprise(subject, enterprise) || (isEnterpriseStaff(subject) && subject.enterpriseIds.includes(enterprise.id))

/** Entering or correcting a month's figures: the same people (the monthly form of the enterprise, or the specialist after a visit). */
export const mayEnterUpgradeFigures = (subject: Subject, enterprise: UpgradeEnterprise): boolean => maySeeUpgradeFile(subject, enterprise)

/** Moving the stage or the sector line: the officials serving the enterprise, never its staff. */
export const mayMoveUpgradeStage = (subject: Subject, enterprise: UpgradeEnterprise): boolean => servesEnterprise(subject, enterprise)

/** Editing the thresholds of the statistics: the city office. */
export const mayEditUpgradeThresholds = (who: RoleHolder | null | undefined): boolean => isCityAdmin(who)

/** The enterprise's own progress page (我的升规进度): its approved staff. */
export const hasOwnUpgradeProgress = (subject: Subject): boolean => isEnterpriseStaff(subject) && subject.enterpriseIds.length > 0

/**
 * Whose upgrade list (升规培育清单) the caller reads: a specialist their own portfolio's; an area
 * admin their area's, or one specialist's part of it; the city admin one area's or one specialist's.
 */
export type UpgradeListing =
  | { kind: 'portfolio'; specialistId: string; areaId?: string }
  | { kind: 'area'; areaId: string }
  | { kind: 'hidden' }
  | { kind: 'needsArea' }
  | { kind: 'forbidden' }

export function upgradeListing(subject: Subject, query: { areaId?: string; specialistId?: string }): UpgradeListing {
  if (isSpecialist(subject)) return query.specialistId && query.specialistId !== subject.id ? { kind: 'hidden' } : { kind: 'portfolio', specialistId: subject.id }
  const reach = adminReach(subject)
  if (reach.kind === 'area') {
    if (query.areaId && query.areaId !== reach.areaId) return { kind: 'hidden' }
    return query.specialistId ? { kind: 'portfolio', specialistId: query.specialistId, areaId: reach.areaId } : { kind: 'area', areaId: reach.areaId }
  }
  if (reach.kind === 'city') {
    if (query.specialistId) return { kind: 'portfolio', specialistId: query.specialistId, ...(query.areaId ? { areaId: query.areaId } : {}) }
    return query.areaId ? { kind: 'area', areaId: query.areaId } : { kind: 'needsArea' }
  }
  return { kind: 'forbidden' }
}

/** Whether the 我的 page shows the upgrade list: specialists and admins. */
export const hasUpgradeList = (subject: Subject): boolean => upgradeListing(subject, {}).kind !== 'forbidden'

/** Whose pipeline board the caller reads: an area admin their own area's; the city admin the city's or one area's. */
export type UpgradeBoardReach = { kind: 'city' } | { kind: 'area'; areaId: string } | { kind: 'refused'; why: 'other_area' | 'not_admin' }

export function upgradeBoardReach(subject: RoleHolder & Pick<Subject, 'areaId'>, areaId: string | undefined): UpgradeBoardReach {
  const reach = adminReach(subject)
  if (reach.kind === 'area') return areaId && areaId !== reach.areaId ? { kind: 'refused', why: 'other_area' } : { kind: 'area', areaId: reach.areaId }
  if (reach.kind === 'city') return areaId ? { kind: 'area', areaId } : { kind: 'city' }
  return { kind: 'refused', why: 'not_admin' }
}

/** Whether the 我的 page shows the board. */
export const mayReadUpgradeBoard = (subject: RoleHolder & Pick<Subject, 'areaId'>): boolean => upgradeBoardReach(subject, undefined).kind !== 'refused'

/** Importing a park's monthly figures from XLSX: whoever administers an area; the rows are then held to those areas. */
export const mayImportUpgradeFigures = (subject: RoleHolder & Pick<Subject, 'areaId'>): boolean => {
  const areas = administeredAreas(subject)
  return areas === 'all' || areas.length > 0
}

/** The areas an import of figures may write to: 'all' for the city admin. */
export const upgradeImportScope = (subject: RoleHolder & Pick<Subject, 'areaId'>): readonly string[] | 'all' => administeredAreas(subject)
