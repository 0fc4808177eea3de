import { fetchUnreadCount } from './notifications-api'
import { getUser } from './session'

/*
 * The unread count the bells show. One number for the signed-in user, held in memory (never
 * persisted): every bell re-reads it when its page shows, and the inbox sets it from the
 * server's answers as soon as something is read, so the bells agree without waiting.
 */
type Listener = (count: number | null) => void

let current: { userId: string; count: number } | null = null
const listeners: Listener[] = []
/** The request under way, shared by bells that show at the same moment (mount and page show). */
let asking: { userId: string; done: Promise<void> } | null = null

/** The signed-in user's last known unread count; null before the first answer. */
export function unreadNow(): number | null {
  const userId = getUser()?.id
  return current && current.userId === userId ? current.count : null
}

/** Records a count the server just gave (an inbox page, a mark-read answer) and tells the bells. */
export function setUnread(count: number, userId: string | undefined = getUser()?.id): void {
  if (!userId || userId !== getUser()?.id) return
  current = { userId, count }
  for (const listener of listeners.slice()) listener(count)
}

/** Calls `listener` with each new count; returns the unsubscribe. */
export function onUnread(listener: Listener): () => void {
  listeners.push(listener)
  return () => {
    const at = listeners.indexOf(listener)
    if (at >= 0) listeners.splice(at, 1)
  }
}

/** Asks the server; on failure the bells keep their last number (a bell has no error state). */
export function refreshUnread(): Promise<void> {
  const userId = getUser()?.id
  if (!userId) return Promise.resolve()
  if (asking?.userId === userId) return asking.done
  const done = fetchUnreadCount().then(
    // Counted for the user who asked: an answer that arrives after a switch of identity is dropped.
    (count) => setUnread(count, userId),
    // Quiet on purpose: the next page show tries again.
    () => undefined,
  )
  asking = { userId, done }
  void done.then(() => {
    if (asking?.done === done) asking = null
  })
  return done
}
