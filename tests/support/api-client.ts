/** A thin HTTP client for tests: real fetch against the running API. */
export interface ApiReply<T = any> {
  status: number
  body: T
  headers: Headers
}

export function apiClient(baseUrl: string) {
  async function call<T = any>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {}): Promise<ApiReply<T>> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers }
  }

  async function login(as: string): Promise<string> {
    const reply = await call<{ token: string }>('POST', '/api/auth/dev-login', { body: { as } })
    if (reply.status !== 200) throw new Error(`dev-login as ${as} failed: ${reply.status} ${JSON.stringify(reply.body)}`)
    return reply.body.token
  }

  return { call, login }
}
