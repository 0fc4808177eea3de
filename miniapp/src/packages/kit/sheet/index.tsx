import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import { mayManageKit } from '@shared/domain/policy'
import type { Industry, Scale } from '@shared/schemas/catalog.schema'
import type { PolicyDocView } from '@shared/schemas/policy.schema'
import { ChipGroup } from '../../../components/chip-group'
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import { listPolicies, policyCodeUrl } from '../../../services/kit-api'
import { INDUSTRY_WORDS, SCALE_WORDS } from '../kit-view'
import {
  chunkPolicies,
  POLICIES_PER_SHEET,
  SHEET_SCAN_HINT,
  sheetFilterOf,
  sheetIssuerLine,
  sheetKeyPoints,
  sheetPageCount,
  sheetPhoneLine,
  sheetPolicies,
  sheetTitle,
} from './policy-sheet'
import '../kit.css'
import './index.css'

const IS_H5 = process.env.TARO_ENV === 'h5'
const ALL = 'all'

/**
 * 政策口袋书: the published policies in force of a chosen scale and/or industry, each with its
 * 文号, key points, consultation phone and its own code, laid out for A4 portrait (print CSS in
 * index.css). Printing needs a desktop browser; the weapp shows the sheet and says so.
 */
export default function PolicySheetPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const initial = sheetFilterOf(useRouter().params)
  const [scale, setScale] = useState<Scale | typeof ALL>(initial.scale ?? ALL)
  const [industry, setIndustry] = useState<Industry | typeof ALL>(initial.industry ?? ALL)
  const allowed = user !== null && mayManageKit(user)
  const list = useLoader(user && allowed ? `kit-sheet|${user.id}` : null, () => listPolicies({ status: 'published' }))

  if (!allowed) {
    return (
      <View className={`page ${textClass}`}>
        <EmptyState text='只有属地或市级管理员可以打印政策口袋书' />
      </View>
    )
  }

  const filter = { ...(scale !== ALL ? { scale } : {}), ...(industry !== ALL ? { industry } : {}) }
  const policies = list.data ? sheetPolicies(list.data.items, filter) : []
  const title = sheetTitle(filter)

  return (
    <View className={`page policy-sheet-screen ${textClass}`}>
      <View className='policy-sheet-toolbar'>
        <ChipGroup
          idPrefix='sheet-scale'
          label='企业规模'
          options={[{ value: ALL, label: '全部规模' }, ...(Object.keys(SCALE_WORDS) as Scale[]).map((s) => ({ value: s, label: SCALE_WORDS[s] }))]}
          selected={scale}
          onSelect={setScale}
        />
        <ChipGroup
          idPrefix='sheet-industry'
          label='行业'
          options={[{ value: ALL, label: '全部行业' }, ...(Object.keys(INDUSTRY_WORDS) as Industry[]).map((i) => ({ value: i, label: INDUSTRY_WORDS[i] }))]}
          selected={industry}
          onSelect={setIndustry}
        />
        {IS_H5 ? null : (
          <Text id='sheet-weapp-notice' className='banner banner-info'>
            请在电脑浏览器中打开本页打印
          </Text>
        )}
        {list.data && policies.length > 0 ? (
          <View className='card policy-sheet-summary'>
            <View className='policy-sheet-summary-text'>
              <Text className='section-title'>{title}</Text>
              <Text id='sheet-summary' className='muted small'>
                共 {policies.length} 条政策，A4 纵向每页 {POLICIES_PER_SHEET} 条，共 {sheetPageCount(policies.length)} 页
              </Text>
            </View>
            {IS_H5 ? (
              <Button id='print-sheet' className='btn btn-primary btn-small' onClick={() => window.print()}>
                打印
              </Button>
            ) : null}
          </View>
        ) : null}
      </View>

      {list.loading && !list.data ? (
        <LoadingState text='正在整理政策…' />
      ) : list.error && !list.data ? (
        <ErrorState message={list.error.message} onRetry={() => void list.reload()} />
      ) : policies.length === 0 ? (
        <EmptyState text='没有适用于所选规模和行业的现行政策' />
      ) : (
        <View id='policy-sheet' className='policy-sheet'>
          {chunkPolicies(policies).map((page, index) => (
            <View key={index} className='policy-sheet-page'>
              {index === 0 ? <Text className='policy-sheet-heading'>{title}</Text> : null}
              {page.map((policy) => (
                <SheetItem key={policy.id} policy={policy} />
              ))}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function SheetItem({ policy }: { policy: PolicyDocView }) {
  return (
    <View id={`sheet-${policy.id}`} className='policy-sheet-item'>
      <View className='policy-sheet-text'>
        <Text className='policy-sheet-title'>{policy.title}</Text>
        <Text className='policy-sheet-issuer'>{sheetIssuerLine(policy)}</Text>
        {sheetKeyPoints(policy).map((point, i) => (
          <Text key={i} className='policy-sheet-point'>
            {point}
          </Text>
        ))}
        <Text className='policy-sheet-phone'>{sheetPhoneLine(policy)}</Text>
      </View>
      <View className='policy-sheet-code-box'>
        <Image className='policy-sheet-code' src={policyCodeUrl(policy.id)} mode='aspectFit' nativeProps={{ alt: `${policy.title}的政策码` }} />
        <Text className='policy-sheet-hint'>{SHEET_SCAN_HINT}</Text>
      </View>
    </View>
  )
}
