/**
 * A phone number as an export may show it (DESIGN §7: phone numbers masked): enough to tell two
 * contacts apart or confirm a number read out on the phone, never enough to dial.
 *
 *   13812345678 → 138****5678      +86 138 1234 5678 → 138****5678
 *   0731-58581234 → 0731****1234   (landlines keep their area code)  58581234 → ****1234
 *
 * Only digits count; at least four are always hidden, and anything too short to keep any is
 * hidden entirely. Empty in, empty out.
 */
export function maskPhone(phone: string | undefined | null): string {
  if (!phone) return ''
  let digits = phone.replace(/\D/g, '')
  // China's country code in front of a mobile number.
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2)
  if (digits.length === 0) return ''
  if (digits.length < 7) return '*'.repeat(digits.length)
  if (digits.length === 11 && digits.startsWith('1')) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  // A landline with its area code (010, 0731…) keeps the code; a bare local number only its last
  // digits, never more than leaves four hidden.
  if (digits.length >= 10 && digits.startsWith('0')) return `${digits.slice(0, /^0(10|2\d)/.test(digits) ? 3 : 4)}****${digits.slice(-4)}`
  return `****${digits.slice(-Math.min(4, digits.length - 4))}`
}
