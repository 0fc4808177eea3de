// First: zod must be jitless before any shared schema is built (WeChat forbids `new Function`).
import '@shared/schemas/zod-setup'
import type { PropsWithChildren } from 'react'
import { listenForWeChatPrivacyChecks } from './services/privacy'
import { focusablePages } from './utils/h5-page-focus'
import './app.css'

// weapp: WeChat's privacy checks (wx.login, choosing files…) are answered by the consent sheet.
listenForWeChatPrivacyChecks()
// h5: long pages scroll from the keyboard too.
focusablePages()

/** The app shell: pages render themselves; session and data live in services and hooks. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
