import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { User } from '@shared/schemas/user.schema'
import { getUser } from '../services/session'

/**
 * The signed-in user, re-read each time the page shows: tab pages stay mounted, and the user
 * may have switched identity on another page meanwhile.
 */
export function useSessionUser(): User | null {
  const [user, setUser] = useState<User | null>(() => getUser())
  useDidShow(() => {
    const current = getUser()
    setUser((previous) => (previous?.id === current?.id && previous?.role === current?.role ? previous : current))
  })
  return user
}
