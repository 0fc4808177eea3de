/**
 * A random UUID v4 for Idempotency-Key headers. WeChat has no crypto.randomUUID, so fall back
 * to getRandomValues, then Math.random: the key only has to be unique per attempt.
 */
export function randomUuid(): string {
  const bytes = new Array<number>(16)
  const cryptoApi = typeof crypto !== 'undefined' ? crypto : undefined
  if (cryptoApi && typeof cryptoApi.getRandomValues === 'function') {
    const random = cryptoApi.getRandomValues(new Uint8Array(16))
    for (let i = 0; i < 16; i++) bytes[i] = random[i] ?? 0
  } else {
    for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256)
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = bytes.map((b) => (b + 0x100).toString(16).slice(1))
  return `${hex.slice(0, 4).join('')}-${hex.slice(4, 6).join('')}-${hex.slice(6, 8).join('')}-${hex.slice(8, 10).join('')}-${hex.slice(10).join('')}`
}
