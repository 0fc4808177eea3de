/**
 * A Content-Disposition that makes browsers and WeChat save a file under its Chinese name:
 * `filename*` (RFC 5987/6266, UTF-8, percent-encoded) for everyone who reads it — every current
 * browser — and a plain ASCII `filename` for the few that do not.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`
}

/** encodeURIComponent leaves ' ( ) * unescaped, which RFC 5987's attr-char does not allow. */
export const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
