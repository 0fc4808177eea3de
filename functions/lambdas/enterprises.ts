/** One Lambda: Enterprises, their staff, specialists and handovers, officials' invitations. */
import { handler as listEnterprises } from '../enterprises/list-enterprises'
import { handler as reassignEnterprise } from '../enterprises/reassign-enterprise'
import { handler as listStaff } from '../enterprises/list-staff'
import { handler as decideStaff } from '../enterprises/decide-staff'
import { handler as listPendingStaff } from '../enterprises/list-pending-staff'
import { handler as listSpecialists } from '../specialists/list-specialists'
import { handler as handoverPortfolio } from '../specialists/handover'
import { handler as inviteOfficial } from '../auth/invite-official'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/enterprises': listEnterprises,
  'POST /api/enterprises/{id}/reassign': reassignEnterprise,
  'GET /api/enterprises/{id}/staff': listStaff,
  'POST /api/enterprises/{id}/staff/{userId}': decideStaff,
  'GET /api/staff-requests': listPendingStaff,
  'GET /api/specialists': listSpecialists,
  'POST /api/specialists/{id}/handover': handoverPortfolio,
  'POST /api/users/{id}/invitation': inviteOfficial,
})
