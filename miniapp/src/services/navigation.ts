import Taro from '@tarojs/taro'
import { DEV_LOGIN_ENABLED, ROUTES } from '../settings'

let redirecting = false

/**
 * Sends a signed-out user to the demo login page. Builds without it (production) stay put:
 * each page then shows its own "请先登录" state.
 */
export function goToLogin(): void {
  if (!DEV_LOGIN_ENABLED || redirecting) return
  const path = Taro.getCurrentInstance().router?.path ?? ''
  if (path.indexOf(ROUTES.login.slice(1)) >= 0) return
  redirecting = true
  const done = () => {
    redirecting = false
  }
  Taro.reLaunch({ url: ROUTES.login }).then(done, done)
}

export function openAppeal(id: string, replace = false): void {
  const url = `${ROUTES.appealDetail}?id=${encodeURIComponent(id)}`
  if (replace) void Taro.redirectTo({ url })
  else void Taro.navigateTo({ url })
}

export function openNewAppeal(enterpriseId?: string): void {
  const query = enterpriseId ? `?enterpriseId=${encodeURIComponent(enterpriseId)}` : ''
  void Taro.navigateTo({ url: `${ROUTES.newAppeal}${query}` })
}
