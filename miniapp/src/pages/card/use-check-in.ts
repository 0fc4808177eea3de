import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { keepsVisits } from '@shared/domain/policy'
import type { User } from '@shared/schemas/user.schema'
import { checkInByCard } from '../../services/visits-api'
import { ROUTES } from '../../settings'
import { stampCheckIn } from '../../utils/visit-draft'

const store = {
  get: (key: string) => Taro.getStorageSync(key) || undefined,
  set: (key: string, value: unknown) => Taro.setStorageSync(key, value),
  remove: (key: string) => Taro.removeStorageSync(key),
}

/** The query value of a card opened from inside the app to be looked at (查看联系卡), not scanned. */
export const CARD_VIEW = 'card'

/**
 * 扫码签到: an official who records visits opens a card → the server checks them in if they work
 * on site for its enterprise, and 记录走访 opens stamped with the time of the scan. Anyone else
 * (refused, or not an official) stays on the card page as it is.
 */
export function useCheckIn(cardId: string | null, user: User | null): { checking: boolean } {
  const [checking, setChecking] = useState(false)
  const official = keepsVisits(user)
  useEffect(() => {
    if (!cardId || !official) return
    let cancelled = false
    setChecking(true)
    checkInByCard(cardId)
      .then((checkIn) => {
        if (cancelled) return
        stampCheckIn(store, checkIn)
        void Taro.redirectTo({ url: `${ROUTES.recordVisit}?enterpriseId=${encodeURIComponent(checkIn.enterpriseId)}&checkedIn=1` })
      })
      .catch(() => undefined)
      .finally(() => {
        if (!cancelled) setChecking(false)
      })
    return () => {
      cancelled = true
    }
  }, [cardId, official])
  return { checking }
}
