import { describe, expect, it } from 'vitest'
import { ENTERPRISE_SEARCH_MAX, enterpriseSearchTerms, matchesEnterpriseSearch } from '@shared/domain/enterprise-search'
import { listEnterprisesQuerySchema } from '@shared/schemas/roster.schema'
import {
  appliedSearch,
  enterpriseListKey,
  enterpriseQuery,
  portfolioEmptyText,
  portfolioFilters,
  portfolioListKey,
} from '../../miniapp/src/packages/admin/enterprises/enterprise-filters'

const jincheng = { name: '湖南锦程汽车零部件有限公司', creditCode: '91430304379045501Y', contact: { name: '范波艳', phone: '18955066490' } }
const matches = (term: string) => matchesEnterpriseSearch(jincheng, enterpriseSearchTerms(term))

describe('searching the enterprise roster', () => {
  it('matches part of the name or of the contact’s name', () => {
    expect(matches('锦程')).toBe(true)
    expect(matches('汽车零部件')).toBe(true)
    expect(matches('波艳')).toBe(true)
    expect(matches('立恒')).toBe(false)
  })

  it('matches the credit code in any case, and the phone with spaces, dashes or +86', () => {
    expect(matches('91430304379045501y')).toBe(true)
    expect(matches('501Y')).toBe(true)
    expect(matches('189 5506 6490')).toBe(true)
    expect(matches('189-5506-6490')).toBe(true)
    expect(matches('+8618955066490')).toBe(true)
    expect(matches('13800000000')).toBe(false)
  })

  it('looks at the phone only for a term of digits', () => {
    expect(enterpriseSearchTerms('锦程').phone).toBeNull()
    expect(enterpriseSearchTerms('6490').phone).toBe('6490')
    expect(enterpriseSearchTerms('49').phone).toBeNull()
    expect(matchesEnterpriseSearch({ ...jincheng, contact: undefined }, enterpriseSearchTerms('范波艳'))).toBe(false)
  })

  it('validates the query: cleaned, empty means no search, too long is refused in words', () => {
    expect(listEnterprisesQuerySchema.parse({ q: '  锦程\u200b ' }).q).toBe('锦程')
    expect(listEnterprisesQuerySchema.parse({ q: '   ' }).q).toBeUndefined()
    const long = listEnterprisesQuerySchema.safeParse({ q: '锦'.repeat(ENTERPRISE_SEARCH_MAX + 1) })
    expect(long.success).toBe(false)
    expect(long.error?.issues[0]).toMatchObject({ path: ['q'], message: `搜索内容不能超过 ${ENTERPRISE_SEARCH_MAX} 个字` })
    expect(listEnterprisesQuerySchema.safeParse({ q: '锦'.repeat(ENTERPRISE_SEARCH_MAX) }).success).toBe(true)
  })
})

describe('the search box of the enterprise list', () => {
  const filters = { areaId: 'xt-hitech', scale: 'all' as const, openOnly: false, specialistId: null }

  it('sends the applied term as q, and starts a new list when it changes', () => {
    expect(enterpriseQuery({ ...filters, search: '锦程' }, null)).toMatchObject({ areaId: 'xt-hitech', q: '锦程' })
    expect(enterpriseQuery({ ...filters, search: '' }, null).q).toBeUndefined()
    expect(enterpriseListKey({ ...filters, search: '锦程' })).not.toBe(enterpriseListKey(filters))
    expect(portfolioListKey(portfolioFilters('sp-007', 'all', false, '锦程'))).not.toBe(portfolioListKey(portfolioFilters('sp-007', 'all', false)))
  })

  it('says "nothing matches" rather than "no enterprises" for a search that finds none', () => {
    expect(portfolioEmptyText(portfolioFilters('sp-007', 'all', false, '无此企业'))).toBe('没有符合条件的企业')
  })

  it('checks the term by the server’s rule before sending it', () => {
    expect(appliedSearch('  锦程 ')).toEqual({ search: '锦程' })
    expect(appliedSearch('')).toEqual({ search: '' })
    expect(appliedSearch('锦'.repeat(ENTERPRISE_SEARCH_MAX + 1))).toEqual({ problem: `搜索内容不能超过 ${ENTERPRISE_SEARCH_MAX} 个字` })
  })
})
