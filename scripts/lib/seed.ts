import { readDemoCity, type DemoCity } from './demo-data'

export interface SeedSummary {
  areas: number
  categories: number
  officials: number
  enterprises: number
  cards: number
}

/**
 * Writes the demo city through the product's own store modules (the environment must already
 * name the table and endpoint). Safe to run twice: every write is a keyed put.
 */
/** `issuedAt` stamps the cards this seeding issues. */
export async function seedDemoCity(issuedAt: Date, city: DemoCity = readDemoCity()): Promise<SeedSummary> {
  const [{ putCatalog }, { upsertEnterprises }, { putUsers }, { ensureCards }] = await Promise.all([
    import('../../functions/store/catalog.store'),
    import('../../functions/store/enterprise.store'),
    import('../../functions/store/user.store'),
    import('../../functions/services/card-issuing'),
  ])
  const specialistOf = new Map(city.assignments.map((a) => [a.enterpriseId, a.specialistId]))
  await putCatalog({ categories: city.categories, areas: city.areas, departments: city.departments, taskForces: city.taskForces })
  // Upserts keep each enterprise's appeal counters and card when the city is seeded again (--persist).
  const enterprises = await upsertEnterprises(city.enterprises.map((e) => ({ ...e, specialistId: specialistOf.get(e.id) ?? null })))
  const cards = await ensureCards(enterprises, issuedAt)
  const officials = [
    ...city.specialists.map((s) => ({ id: s.id, name: s.name, role: 'specialist' as const, title: s.title, phone: s.phone, areaId: s.areaId ?? undefined, departmentId: s.departmentId })),
    ...city.departmentHandlers.map((h) => ({ id: h.id, name: h.name, role: 'department_handler' as const, phone: h.phone, departmentId: h.departmentId })),
    ...city.taskForceHandlers.map((h) => ({ id: h.id, name: h.name, role: 'taskforce_handler' as const, phone: h.phone, taskForceId: h.taskForceId })),
    ...city.admins.map((a) => ({ id: a.id, name: a.name, role: a.role, title: a.title, areaId: a.areaId })),
  ]
  await putUsers(officials)
  return { areas: city.areas.length, categories: city.categories.length, officials: officials.length, enterprises: city.enterprises.length, cards }
}

export interface ExtrasSummary {
  visits: number
  rounds: number
  events: number
  policies: number
  faq: number
  upgradeFiles: number
}

/**
 * The officials' half of the demo city, after `seedDemoCity`: recent visits and a visit round,
 * a park's series of exchange days, the policy pack and FAQ, and the near-scale enterprises'
 * upgrade files with 18 months of figures. Each part is safe to run twice.
 */
export async function seedDemoExtras(now: Date): Promise<ExtrasSummary> {
  const [{ seedVisits }, { seedVisitRounds }, { seedExchangeEvents }, { seedKit }, { seedKitDelivery }, { seedUpgrade }] = await Promise.all([
    import('./seed-visits'),
    import('./seed-visit-rounds'),
    import('./seed-exchange-events'),
    import('./seed-kit'),
    import('./seed-kit-delivery'),
    import('./seed-upgrade'),
  ])
  const visits = await seedVisits(now)
  const rounds = await seedVisitRounds(now)
  const events = await seedExchangeEvents(now)
  const kit = await seedKit(now)
  // Policies sent to some enterprises and opened by some (送政策), after the policies exist.
  await seedKitDelivery(now)
  const upgradeFiles = await seedUpgrade(now)
  return { visits, rounds, events, policies: kit.policies, faq: kit.faq, upgradeFiles }
}
