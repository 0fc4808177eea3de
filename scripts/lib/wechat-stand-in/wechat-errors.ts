/**
 * WeChat's own error answers, with the texts WeChat really sends, so that code written against
 * the stand-in meets the same `{errcode, errmsg}` bodies it will meet in production.
 */
export const ERRMSG: Readonly<Record<number, string>> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  40169: 'invalid length for scene, or the data is not json string',
  41008: 'missing code',
  41030: 'invalid page rule',
  43001: 'require GET method',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
}

export interface WeChatErrorBody {
  errcode: number
  errmsg: string
}

export function wechatError(errcode: number): WeChatErrorBody {
  return { errcode, errmsg: ERRMSG[errcode] ?? 'error injected by the WeChat stand-in' }
}

/** WeChat's rule for `scene`: 1–32 of digits, letters and !#$&'()*+,/:;=?@-._~ (no %, so no URL-encoding). */
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

/** A page path as WeChat takes it: relative ('pages/x/index'), without query. */
export const PAGE_PATTERN = /^[^/?\s][^?\s]*$/
