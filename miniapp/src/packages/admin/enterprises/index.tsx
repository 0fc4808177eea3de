import { useEffect, useState, type ReactNode } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import type { EnterpriseSummary } from '@shared/schemas/roster.schema'
import { ChipGroup } from '../../../components/chip-group'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { listEnterprises, listSpecialists, reassignEnterprise } from '../../../services/admin-api'
import { SCALE_LABEL } from '../admin-labels'
import { cardPageUrl, onBehalfFilingUrl, routeParam } from '../admin-navigation'
import { AccessGate } from '../../../components/access-gate'
import { AreaPicker } from '../components/area-picker'
import { ListFoot } from '../../../components/list-foot'
import { TransferPanel } from '../components/transfer-panel'
import { useAdminArea } from '../hooks/use-admin-area'
import { usePagedList, type PagedList } from '../../../hooks/use-paged-list'
import { buildReassignRequest, reassignDoneMessage } from '../transfer'
import {
  appealCountsText,
  appliedSearch,
  enterpriseListKey,
  enterpriseQuery,
  enterprisesView,
  PORTFOLIO_TITLE,
  portfolioEmptyText,
  portfolioFilters,
  portfolioListKey,
  SCALE_OPTIONS,
  specialistLabel,
  type EnterpriseFilters,
  type ScaleFilter,
} from './enterprise-filters'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { ROUTES } from '../../../settings'
import { formatDateTime } from '../../../utils/format'
import '../components/admin.css'
import './index.css'

/**
 * 企业名册 for admins: an area's enterprises with their specialist and appeals; 调整专员 per
 * enterprise. 我服务的企业 for a specialist: their own portfolio, read-only.
 */
export default function EnterprisesPage() {
  const view = enterprisesView(useSessionUser())
  return view.kind === 'portfolio' ? <PortfolioPage specialistId={view.specialistId} /> : <RosterPage />
}

/** A specialist's own enterprises: scale, appeals and card; no area, no specialists, no 调整专员. */
function PortfolioPage({ specialistId }: { specialistId: string }) {
  const textClass = useTextSizeClass()
  const [scale, setScale] = useState<ScaleFilter>('all')
  const [openOnly, setOpenOnly] = useState(false)
  const [search, setSearch] = useState('')
  const filters = portfolioFilters(specialistId, scale, openOnly, search)
  const list = usePagedList(portfolioListKey(filters), (cursor) => listEnterprises(enterpriseQuery(filters, cursor)))

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: PORTFOLIO_TITLE })
  }, [])

  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    list.refresh().then(stop, stop)
  })

  useReachBottom(() => {
    void list.loadMore()
  })

  return (
    <View className={`page ${textClass}`}>
      <Text id='portfolio-intro' className='banner banner-info'>
        您负责服务的企业。企业的服务专员如需调整，请联系属地管理员。
      </Text>
      <EnterpriseFilterCard scale={scale} onScale={setScale} openOnly={openOnly} onOpenOnly={setOpenOnly} onSearch={setSearch} />
      <EnterpriseListBody
        areaPicked
        list={list}
        emptyText={portfolioEmptyText(filters)}
        renderItem={(enterprise) => (
          <EnterpriseItem key={enterprise.id} enterprise={enterprise}>
            {enterprise.cardId ? (
              <Text
                id={`card-link-${enterprise.id}`}
                className='enterprise-card-link'
                onClick={() => void Taro.navigateTo({ url: cardPageUrl(enterprise.cardId!) })}
              >
                查看联系卡 ›
              </Text>
            ) : (
              <Text className='muted'>暂无联系卡</Text>
            )}
            <Text
              id={`phone-filing-${enterprise.id}`}
              className='enterprise-card-link'
              onClick={() => void Taro.navigateTo({ url: onBehalfFilingUrl(enterprise, 'phone') })}
            >
              电话代提诉求 ›
            </Text>
            <Text
              id={`record-visit-${enterprise.id}`}
              className='enterprise-card-link'
              onClick={() => void Taro.navigateTo({ url: `${ROUTES.recordVisit}?enterpriseId=${encodeURIComponent(enterprise.id)}&enterpriseName=${encodeURIComponent(enterprise.name)}` })}
            >
              记录走访 ›
            </Text>
          </EnterpriseItem>
        )}
      />
    </View>
  )
}

/**
 * The search box, the scale chips and 有未办结诉求, which the server answers for admins and
 * specialists alike. The search applies on 搜索 (or the keyboard's search key), not on every key.
 */
function EnterpriseFilterCard(props: {
  scale: ScaleFilter
  onScale: (scale: ScaleFilter) => void
  openOnly: boolean
  onOpenOnly: (openOnly: boolean) => void
  onSearch: (search: string) => void
}) {
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const apply = (text: string) => {
    const result = appliedSearch(text)
    if ('problem' in result) return setProblem(result.problem)
    setProblem(null)
    props.onSearch(result.search)
  }
  return (
    <View className='card enterprise-filters'>
      <View className={problem ? 'enterprise-search field-invalid' : 'enterprise-search'}>
        <Input
          id='enterprise-search-input'
          className='input enterprise-search-input'
          placeholder='企业名称、信用代码、联系人或电话'
          value={typed}
          maxlength={60}
          confirmType='search'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => apply(typed)}
        />
        <Button id='enterprise-search-go' className='btn btn-primary btn-small' onClick={() => apply(typed)}>
          搜索
        </Button>
        {typed ? (
          <Text
            id='enterprise-search-clear'
            className='enterprise-search-clear'
            onClick={() => {
              setTyped('')
              apply('')
            }}
          >
            清除
          </Text>
        ) : null}
      </View>
      {problem ? (
        <Text id='enterprise-search-problem' className='field-error'>
          {problem}
        </Text>
      ) : null}
      <ChipGroup idPrefix='scale' options={SCALE_OPTIONS} selected={props.scale} onSelect={props.onScale} />
      <View className='chips'>
        <View
          id='open-appeals-only'
          className={props.openOnly ? 'chip chip-selected' : 'chip'}
          onClick={() => props.onOpenOnly(!props.openOnly)}
        >
          {props.openOnly ? '✓ ' : ''}有未办结诉求
        </View>
      </View>
    </View>
  )
}

function RosterPage() {
  const textClass = useTextSizeClass()
  const { params } = useRouter()
  const area = useAdminArea(routeParam(params.areaId))
  const [scale, setScale] = useState<ScaleFilter>('all')
  const [openOnly, setOpenOnly] = useState(false)
  const [specialistId, setSpecialistId] = useState<string | null>(() => routeParam(params.specialistId))
  const [search, setSearch] = useState('')
  const [reassigning, setReassigning] = useState<EnterpriseSummary | null>(null)

  const filters: EnterpriseFilters = { areaId: area.areaId, scale, openOnly, specialistId, search }
  const list = usePagedList(enterpriseListKey(filters), (cursor) => listEnterprises(enterpriseQuery(filters, cursor)))
  const specialists = useLoader(area.areaId ? `specialists|${area.areaId}` : null, () =>
    listSpecialists(area.areaId ?? undefined),
  )

  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    Promise.all([list.refresh(), specialists.reload()]).then(stop, stop)
  })

  useReachBottom(() => {
    void list.loadMore()
  })

  const gate = <AccessGate scope={area.scope} signedIn={area.user !== null} />
  if (area.scope.kind === 'none') return <View className={`page ${textClass}`}>{gate}</View>

  const portfolioOwner = specialistId ? specialists.data?.find((s) => s.id === specialistId) : undefined

  return (
    <View className={`page ${textClass}`}>
      <AreaPicker area={area} />
      {area.areaId ? <EnterpriseFilterCard scale={scale} onScale={setScale} openOnly={openOnly} onOpenOnly={setOpenOnly} onSearch={setSearch} /> : null}

      {specialistId ? (
        <View id='portfolio-banner' className='banner banner-info enterprise-portfolio'>
          <Text>仅显示{portfolioOwner ? `「${portfolioOwner.name}」` : '所选专员'}名下的企业</Text>
          <Text id='portfolio-clear' className='enterprise-portfolio-clear' onClick={() => setSpecialistId(null)}>
            查看全部
          </Text>
        </View>
      ) : null}

      <EnterpriseListBody
        areaPicked={area.areaId !== null}
        list={list}
        emptyText='没有符合条件的企业'
        renderItem={(enterprise) => (
          <EnterpriseItem key={enterprise.id} enterprise={enterprise} showSpecialist>
            <Button id={`reassign-${enterprise.id}`} className='btn btn-outline btn-small' onClick={() => setReassigning(enterprise)}>
              调整专员
            </Button>
          </EnterpriseItem>
        )}
      />

      {reassigning ? (
        <TransferPanel
          ids={{ panel: 'reassign-panel', picker: 'reassign-specialist', reason: 'reassign-reason', submit: 'reassign-submit' }}
          title='调整专员'
          intro={`将「${reassigning.name}」调整给其他专员，企业的联系卡和未办结诉求随企业转移。当前专员：${specialistLabel(reassigning)}。`}
          submitLabel='确认调整'
          specialists={specialists}
          currentId={reassigning.specialistId}
          config={{
            build: buildReassignRequest,
            send: (body) => reassignEnterprise(reassigning.id, body),
            pickerField: 'specialistId',
            doneMessage: reassignDoneMessage,
            onDone: () => {
              setReassigning(null)
              void list.refresh()
              void specialists.reload()
            },
          }}
          onClose={() => setReassigning(null)}
        />
      ) : null}
    </View>
  )
}

function EnterpriseListBody(props: {
  areaPicked: boolean
  list: PagedList<EnterpriseSummary>
  emptyText: string
  renderItem: (enterprise: EnterpriseSummary) => ReactNode
}) {
  const { list } = props
  if (!props.areaPicked) return <EmptyState text='请先选择属地' />
  if (list.loading) return <LoadingState />
  if (list.error) return <ErrorState message={list.error.message} onRetry={() => void list.refresh()} />
  if (list.items.length === 0) return <EmptyState text={props.emptyText} />
  return (
    <View className='enterprise-list'>
      {list.refreshing ? <Text className='list-foot'>正在刷新…</Text> : null}
      {list.items.map(props.renderItem)}
      <ListFoot list={list} />
    </View>
  )
}

/** One enterprise; `children` are its actions (调整专员 for admins, the card for its specialist). */
function EnterpriseItem(props: { enterprise: EnterpriseSummary; showSpecialist?: boolean; children: ReactNode }) {
  const { enterprise } = props
  const unassigned = enterprise.specialistId === null
  return (
    <View id={`enterprise-${enterprise.id}`} className='card admin-item'>
      <View className='admin-item-head'>
        <Text className='admin-item-title'>{enterprise.name}</Text>
        <Text className='chip-static'>{SCALE_LABEL[enterprise.scale]}</Text>
      </View>
      <Text className='muted small admin-item-sub'>统一社会信用代码 {enterprise.creditCode}</Text>
      {props.showSpecialist ? (
        <View className='kv'>
          <Text className='kv-key'>服务专员</Text>
          <Text className={unassigned ? 'kv-value enterprise-unassigned' : 'kv-value'}>{specialistLabel(enterprise)}</Text>
        </View>
      ) : null}
      <View className='kv'>
        <Text className='kv-key'>诉求</Text>
        <Text className={enterprise.openAppeals > 0 ? 'kv-value enterprise-open' : 'kv-value'}>
          {appealCountsText(enterprise)}
        </Text>
      </View>
      <View className='kv'>
        <Text className='kv-key'>最近走访</Text>
        <Text id={`last-visit-${enterprise.id}`} className='kv-value'>
          {enterprise.lastVisitAt ? formatDateTime(enterprise.lastVisitAt) : '尚未走访'}
        </Text>
      </View>
      <View className='admin-item-actions'>{props.children}</View>
    </View>
  )
}
