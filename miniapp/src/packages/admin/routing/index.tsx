import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { categoryRoutingSchema, type Catalog, type Category, type CategoryRouting } from '@shared/schemas/catalog.schema'
import type { FieldErrors } from '@shared/errors'
import { mayEditRouting } from '@shared/domain/policy'
import { ChipGroup } from '../../../components/chip-group'
import { FormField } from '../../../components/form-field'
import { ErrorState, LoadingState } from '../../../components/page-state'
import { useLoader } from '../../../hooks/use-loader'
import { useSessionUser } from '../../../hooks/use-session-user'
import { fetchCatalog } from '../../../services/api'
import { editCategoryRouting, listRoutingChanges } from '../../../services/admin-api'
import { formatShortDateTime } from '../../../utils/format'
import { fieldErrorsFromZod } from '../../../utils/validation'
import { showSubmitError } from '../../../utils/submit-error'
import { AccessGate } from '../../../components/access-gate'
import { useTextSizeClass } from '../../../hooks/use-text-size'
import '../components/admin.css'
import './index.css'

interface Draft {
  departments: string[]
  taskForce: boolean
  firstResponseDays: string
  resolveDays: string
}

const draftOf = (c: Category): Draft => ({
  departments: [...c.departments],
  taskForce: c.taskForce,
  firstResponseDays: String(c.firstResponseDays),
  resolveDays: String(c.resolveDays),
})

const departmentNames = (catalog: Catalog, ids: readonly string[]) => ids.map((id) => catalog.departments.find((d) => d.id === id)?.name ?? id).join('、')

/**
 * 诉求类别与时限 (city admin): the routing table as data — which departments co-handle each
 * category, whether the industry task force joins, and its deadlines — with the change history.
 */
export default function RoutingPage() {
  const textClass = useTextSizeClass()
  const user = useSessionUser()
  const mayEdit = mayEditRouting(user)
  const catalog = useLoader(mayEdit ? 'routing-catalog' : null, fetchCatalog)
  const changes = useLoader(mayEdit ? 'routing-changes' : null, listRoutingChanges)
  const [editing, setEditing] = useState<Category | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [fields, setFields] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)

  const open = (category: Category) => {
    setEditing(category)
    setDraft(draftOf(category))
    setFields({})
  }

  const save = async () => {
    if (!editing || !draft || busy) return
    const parsed = categoryRoutingSchema.safeParse({
      departments: draft.departments,
      taskForce: draft.taskForce,
      firstResponseDays: Number(draft.firstResponseDays),
      resolveDays: Number(draft.resolveDays),
    })
    if (!parsed.success) {
      setFields(fieldErrorsFromZod(parsed.error))
      return
    }
    setBusy(true)
    try {
      await saveRouting(editing, parsed.data)
      setEditing(null)
      await Promise.all([catalog.reload(), changes.reload()])
    } catch (e) {
      showSubmitError(e, setFields)
    } finally {
      setBusy(false)
    }
  }

  if (!mayEdit) {
    return (
      <View className={`page ${textClass}`}>
        <AccessGate scope={{ kind: 'none', message: '诉求类别与时限由市级管理员维护' }} signedIn={user !== null} />
      </View>
    )
  }
  if (catalog.loading && !catalog.data) return <LoadingState />
  if (catalog.error || !catalog.data) return <ErrorState message={catalog.error?.message ?? '加载失败'} onRetry={() => void catalog.reload()} />
  const data = catalog.data

  return (
    <View className={`page ${textClass}`}>
      <Text className='muted routing-intro'>修改后新提交的诉求按新规则分派和计时，已提交的诉求不变；每次修改都留有记录。</Text>
      {data.categories.map((c) => (
        <View key={c.id} id={`routing-${c.id}`} className='card admin-item' onClick={() => open(c)}>
          <View className='admin-item-head'>
            <Text className='admin-item-title'>{c.name}</Text>
            <Text className='chip-static'>
              首次响应 {c.firstResponseDays} 日 · 办结 {c.resolveDays} 日
            </Text>
          </View>
          <Text className='muted small'>
            经办部门：{departmentNames(data, c.departments)}
            {c.taskForce ? ' · 行业专班协办' : ''}
          </Text>
          {editing?.id === c.id && draft ? (
            <View id='routing-panel' className='routing-panel' onClick={(e) => e.stopPropagation()}>
              <FormField label='经办部门' required error={fields.departments ?? fields['departments.0']}>
                <ChipGroup
                  idPrefix='routing-department'
                  options={data.departments.map((d) => ({ value: d.id, label: d.name }))}
                  selected={draft.departments}
                  onSelect={(id) =>
                    setDraft({ ...draft, departments: draft.departments.includes(id) ? draft.departments.filter((d) => d !== id) : [...draft.departments, id] })
                  }
                />
              </FormField>
              <FormField label='行业专班协办'>
                <ChipGroup
                  idPrefix='routing-taskforce'
                  options={[
                    { value: 'yes', label: '需要' },
                    { value: 'no', label: '不需要' },
                  ]}
                  selected={draft.taskForce ? 'yes' : 'no'}
                  onSelect={(v) => setDraft({ ...draft, taskForce: v === 'yes' })}
                />
              </FormField>
              <FormField id='routing-first' label='首次响应（工作日）' required error={fields.firstResponseDays}>
                <Input className='input' type='number' value={draft.firstResponseDays} onInput={(e) => setDraft({ ...draft, firstResponseDays: e.detail.value })} />
              </FormField>
              <FormField id='routing-resolve' label='办结时限（工作日）' required error={fields.resolveDays}>
                <Input className='input' type='number' value={draft.resolveDays} onInput={(e) => setDraft({ ...draft, resolveDays: e.detail.value })} />
              </FormField>
              <View className='admin-item-actions'>
                <Button className='btn btn-small' onClick={() => setEditing(null)}>
                  取消
                </Button>
                <Button id='routing-save' className={busy ? 'btn btn-primary btn-small btn-busy' : 'btn btn-primary btn-small'} disabled={busy || undefined} onClick={() => void save()}>
                  {busy ? '保存中…' : '保存'}
                </Button>
              </View>
            </View>
          ) : null}
        </View>
      ))}

      <View className='card'>
        <Text className='section-title'>修改记录</Text>
        {(changes.data ?? []).length === 0 ? (
          <Text className='muted'>暂无修改</Text>
        ) : (
          (changes.data ?? []).map((change) => (
            <View key={`${change.at}|${change.categoryId}`} className='routing-change'>
              <Text>
                {formatShortDateTime(change.at)} {change.by} 修改「{change.categoryName}」
              </Text>
              <Text className='muted small'>
                办结 {change.before.resolveDays} → {change.after.resolveDays} 日；首次响应 {change.before.firstResponseDays} → {change.after.firstResponseDays} 日；部门 {departmentNames(data, change.before.departments)} → {departmentNames(data, change.after.departments)}
              </Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}

async function saveRouting(category: Category, routing: CategoryRouting): Promise<void> {
  await editCategoryRouting(category.id, routing)
  void Taro.showToast({ title: `「${category.name}」已更新`, icon: 'success' })
}
