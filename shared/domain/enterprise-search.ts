/*
 * Searching the enterprise roster (企业名册): one box for the name, the unified social credit
 * code, and the contact's name or phone. What a term matches is decided here; the store asks
 * DynamoDB the same questions as a filter on the caller's own area or portfolio. Pure.
 */

export const ENTERPRISE_SEARCH_MAX = 50

export interface EnterpriseSearchTerms {
  /** As typed (cleaned): part of the name or of the contact's name. */
  text: string
  /** Capitals: part of the credit code (its letters are capitals). */
  code: string
  /** Digits only, when the term is a phone number or part of one (spaces and dashes dropped); else null. */
  phone: string | null
}

export function enterpriseSearchTerms(term: string): EnterpriseSearchTerms {
  const text = term.trim()
  const compact = text.replace(/[\s-]/g, '')
  return { text, code: compact.toUpperCase(), phone: /^\+?\d{3,}$/.test(compact) ? compact.replace(/^\+?86(?=1\d{10}$)/, '').replace('+', '') : null }
}

export interface SearchableEnterprise {
  name: string
  creditCode: string
  contact?: { name: string; phone: string }
}

/** Whether an enterprise answers a search: the rule the store's filter expresses. */
export function matchesEnterpriseSearch(enterprise: SearchableEnterprise, terms: EnterpriseSearchTerms): boolean {
  return (
    enterprise.name.includes(terms.text) ||
    enterprise.creditCode.includes(terms.code) ||
    (enterprise.contact?.name.includes(terms.text) ?? false) ||
    (terms.phone !== null && (enterprise.contact?.phone.includes(terms.phone) ?? false))
  )
}
