import type { PropsWithChildren } from 'react'
import './app.css'

/** The app shell: pages render themselves; session and data live in services and hooks. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
