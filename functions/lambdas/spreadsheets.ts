/** One Lambda: Every XLSX import and template: only this Lambda carries exceljs. */
import { handler as importRoster } from '../roster/import-roster'
import { handler as rosterTemplate } from '../roster/roster-template'
import { handler as importUpgradeFigures } from '../upgrade/import-figures'
import { handler as upgradeFigureTemplate } from '../upgrade/figure-template'
import { handler as importPolicies } from '../kit/import-policies'
import { handler as policyTemplate } from '../kit/policy-template'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'POST /api/roster/import': importRoster,
  'GET /api/roster/template': rosterTemplate,
  'POST /api/upgrade/figures/import': importUpgradeFigures,
  'GET /api/upgrade/figures/template': upgradeFigureTemplate,
  'POST /api/policies/import': importPolicies,
  'GET /api/kit/policy-template': policyTemplate,
})
