import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { Appeal } from '@shared/schemas/appeal.schema'
import { appealNumberQuerySchema } from '@shared/schemas/appeal.schema'
import { listAppeals } from '../services/api'
import { asApiError } from '../services/request'
import { AppealCard } from './appeal-card'

type Found = { state: 'idle' } | { state: 'searching' } | { state: 'found'; appeal: Appeal } | { state: 'none'; number: string } | { state: 'error'; message: string }

/**
 * 按编号查找: an official types the number an enterprise read out on the phone and opens the
 * appeal. The server answers only with an appeal the caller may see; anything else is "not found".
 */
export function NumberSearch({ onOpen, task }: { onOpen: (id: string) => void; task?: (appeal: Appeal) => Appeal['coHandlers'][number] | undefined }) {
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [found, setFound] = useState<Found>({ state: 'idle' })

  const search = async () => {
    const parsed = appealNumberQuerySchema.safeParse(typed)
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '诉求编号格式应如 XT-20261205-0012')
      return
    }
    setProblem(null)
    setFound({ state: 'searching' })
    try {
      const page = await listAppeals({ number: parsed.data, limit: 1 })
      const appeal = page.items[0]
      setFound(appeal ? { state: 'found', appeal } : { state: 'none', number: parsed.data })
    } catch (e) {
      setFound({ state: 'error', message: asApiError(e).message })
    }
  }

  const clear = () => {
    setTyped('')
    setProblem(null)
    setFound({ state: 'idle' })
  }

  return (
    <View id='number-search' className='number-search'>
      <View className={problem ? 'number-search-row field-invalid' : 'number-search-row'}>
        <Input
          id='number-search-input'
          className='input number-search-input'
          placeholder='按诉求编号查找，如 XT-20261205-0012'
          value={typed}
          maxlength={40}
          confirmType='search'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button id='number-search-go' className='btn btn-primary btn-small' disabled={found.state === 'searching' || undefined} onClick={() => void search()}>
          查找
        </Button>
      </View>
      {problem ? (
        <Text id='number-search-problem' className='field-error'>
          {problem}
        </Text>
      ) : null}
      {found.state === 'searching' ? <Text className='muted small'>正在查找…</Text> : null}
      {found.state === 'error' ? (
        <Text id='number-search-error' className='field-error'>
          {found.message}
        </Text>
      ) : null}
      {found.state === 'none' ? (
        <Text id='number-search-none' className='muted small'>
          未找到编号为 {found.number} 的诉求，或您无权查看
        </Text>
      ) : null}
      {found.state === 'found' ? (
        <View className='number-search-found'>
          <Text className='muted small'>查找结果</Text>
          <AppealCard appeal={found.appeal} showEnterprise task={task?.(found.appeal)} onOpen={onOpen} idPrefix='found' />
        </View>
      ) : null}
      {found.state === 'found' || found.state === 'none' ? (
        <Text id='number-search-clear' className='small number-search-clear' onClick={clear}>
          清除查找
        </Text>
      ) : null}
    </View>
  )
}
