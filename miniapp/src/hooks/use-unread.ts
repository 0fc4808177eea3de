import { useEffect, useState } from 'react'
import { onUnread, unreadNow } from '../services/unread'

/** The signed-in user's unread count as the bells show it; null until the server has said. */
export function useUnread(): number | null {
  const [count, setCount] = useState<number | null>(() => unreadNow())
  useEffect(() => onUnread(setCount), [])
  return count
}
