import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { hasUpgradeList, upgradeListing } from '@shared/domain/policy'
import { PROJECTION_METHOD } from '@shared/domain/upgrade-projection'
import { AccessGate } from '../../../components/access-gate'
import { ChipGroup } from '../../../components/chip-group'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { fetchCatalog } from '../../../services/api'
import { goToLogin } from '../../../services/navigation'
import { fetchUpgradeList } from '../../../services/upgrade-api'
import { ROUTES } from '../../../settings'
import { subjectOf } from '../../../utils/subject'
import { distanceText, missingText, SECTOR_LABELS, STAGE_LABELS } from '../upgrade-view'
import '../upgrade.css'

/**
 * 升规培育清单: the specialist's near-scale enterprises (an admin's area), nearest to the threshold
 * first, each with its stage, projected distance and what is missing this month.
 */
export default function UpgradeListPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const subject = subjectOf(user)
  const allowed = subject !== null && hasUpgradeList(subject)
  const needsArea = subject !== null && upgradeListing(subject, {}).kind === 'needsArea'
  const catalog = useLoader(allowed && needsArea ? 'catalog' : null, fetchCatalog)
  const [areaId, setAreaId] = useState<string | undefined>(undefined)
  const firstArea = catalog.data?.areas[0]?.id
  const area = needsArea ? (areaId ?? firstArea) : undefined
  const key = allowed && (!needsArea || area) ? `upgrade-list|${user?.id}|${area ?? ''}` : null
  const list = useLoader(key, () => fetchUpgradeList(area ? { areaId: area } : {}))

  useEffect(() => {
    if (!user) goToLogin()
  }, [user])
  usePullDownRefresh(() => {
    const stop = () => Taro.stopPullDownRefresh()
    list.reload().then(stop, stop)
  })

  if (!allowed) {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={{ kind: 'none', message: user ? '升规培育清单仅供企业服务专员和管理员使用' : '请先登录' }} signedIn={user !== null} />
      </View>
    )
  }

  return (
    <View className={`page ${textClass}`}>
      {needsArea && catalog.data ? (
        <View className='card'>
          <Text className='muted small'>属地</Text>
          <ChipGroup idPrefix='upgrade-area' label='属地' options={catalog.data.areas.map((a) => ({ value: a.id, label: a.name }))} selected={area} onSelect={setAreaId} />
        </View>
      ) : null}
      <View className='card'>
        <Text className='section-title'>按预计距规上门槛从近到远排列</Text>
        <Text className='muted small upgrade-method'>{PROJECTION_METHOD}</Text>
      </View>
      {list.loading && !list.data ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState message={list.error.message} onRetry={() => void list.reload()} />
      ) : !list.data || list.data.items.length === 0 ? (
        <EmptyState text='暂无临规企业' />
      ) : (
        <View id='upgrade-list'>
          {list.data.items.map((item) => (
            <View
              key={item.enterpriseId}
              id={`upgrade-${item.enterpriseId}`}
              className='card upgrade-row'
              onClick={() => void Taro.navigateTo({ url: `${ROUTES.upgradeFile}?id=${encodeURIComponent(item.enterpriseId)}` })}
            >
              <View className='upgrade-row-head'>
                <Text className='upgrade-name'>{item.enterpriseName}</Text>
                <Text className='upgrade-stage'>{STAGE_LABELS[item.stage]}</Text>
              </View>
              <Text className='muted small'>
                {SECTOR_LABELS[item.sector]}
                {item.lastFigureMonth ? ` · 最近数据 ${item.lastFigureMonth}` : ' · 尚无数据'}
              </Text>
              <Text className={item.projection.likely ? 'upgrade-distance upgrade-likely' : 'upgrade-distance'}>{distanceText(item.projection)}</Text>
              {item.missing.length > 0 ? (
                <View className='upgrade-missing'>
                  {missingText(item, list.data!.dueMonth).map((text) => (
                    <Text key={text} className='upgrade-warning'>
                      {text}
                    </Text>
                  ))}
                </View>
              ) : null}
              {item.guide.length > 0 ? (
                <View id={`upgrade-guide-${item.enterpriseId}`} className='upgrade-guide'>
                  <Text className='muted small'>升规指南：</Text>
                  {item.guide.map((policy) => (
                    <Text
                      key={policy.id}
                      className='upgrade-guide-link'
                      onClick={(e) => {
                        // The row opens the file; this opens the policy.
                        e.stopPropagation()
                        void Taro.navigateTo({ url: `${ROUTES.kitPolicy}?id=${encodeURIComponent(policy.id)}` })
                      }}
                    >
                      {policy.title}
                    </Text>
                  ))}
                </View>
              ) : null}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
