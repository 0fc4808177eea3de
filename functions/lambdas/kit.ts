/** One Lambda: the specialist's kit: policies (their original PDFs included), 送政策, the FAQ handbook and deflections. */
import { handler as listPolicies } from '../kit/list-policies'
import { handler as createPolicy } from '../kit/create-policy'
import { handler as getPolicy } from '../kit/get-policy'
import { handler as actOnPolicy } from '../kit/act-on-policy'
import { handler as getPolicyCode } from '../kit/get-policy-code'
import { handler as sendPolicy } from '../kit/send-policy'
import { handler as policyCoverage } from '../kit/policy-coverage'
import { handler as listFaq } from '../kit/list-faq'
import { handler as createFaq } from '../kit/create-faq'
import { handler as draftFaqFromAppeal } from '../kit/draft-faq-from-appeal'
import { handler as getFaq } from '../kit/get-faq'
import { handler as actOnFaq } from '../kit/act-on-faq'
import { handler as recordDeflection } from '../kit/record-deflection'
import { handler as deflectionReport } from '../kit/deflection-report'
import { routeTable } from '../lib/route-table'

export const handler = routeTable({
  'GET /api/policies': listPolicies,
  'POST /api/policies': createPolicy,
  'GET /api/policies/{id}': getPolicy,
  'POST /api/policies/{id}/actions': actOnPolicy,
  'GET /api/policies/{id}/code': getPolicyCode,
  'POST /api/policies/{id}/deliveries': sendPolicy,
  'GET /api/policies/{id}/coverage': policyCoverage,
  'GET /api/faq': listFaq,
  'POST /api/faq': createFaq,
  'POST /api/faq/from-appeal': draftFaqFromAppeal,
  'GET /api/faq/{id}': getFaq,
  'POST /api/faq/{id}/actions': actOnFaq,
  'POST /api/kit/deflections': recordDeflection,
  'GET /api/kit/deflections': deflectionReport,
})
