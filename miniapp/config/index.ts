import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'

/** The repo's shared zod schemas and labels: compiled by Taro like our own sources. */
const sharedDir = path.resolve(__dirname, '..', '..', 'shared')

/**
 * The holiday calendar of the 延期 date wheel (shared/domain/chinese-calendar.ts): its CommonJS
 * bundle. Its ES build would be read as CommonJS too (the package says "type": "commonjs") and
 * refused for its `export`.
 */
const chineseDaysBundle = path.resolve(__dirname, '..', '..', 'node_modules', 'chinese-days', 'dist', 'index.min.js')

/**
 * Build-time settings come from the shell. Taro itself only reads TARO_APP_* from .env files,
 * so we forward them explicitly; `env` entries become `process.env.<NAME>` in the bundle.
 */
const apiBase = process.env.TARO_APP_API_BASE || 'http://localhost:3000'
const devLogin = process.env.TARO_APP_DEV_LOGIN === 'false' ? 'false' : 'true'
/** Local h5 builds only: the WeChat stand-in that hands out login codes in place of wx.login. */
const wechatStandIn = process.env.TARO_APP_WECHAT_STAND_IN || ''

/**
 * Taro splits only the initial chunk on h5, so every lazily loaded page carried its own copy of
 * zod, the services and the shared components (~200 KB each). Splitting all chunks shares them.
 */
const shareH5Chunks = (chain: {
  optimization: { get: (key: 'splitChunks') => object; splitChunks: (value: object) => unknown }
}): void => {
  chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
}

const outputRoot = process.env.TARO_OUTPUT_ROOT || 'dist'

/**
 * h5 only: the site icon, served from the output root where browsers ask for /favicon.ico, and
 * linked from src/index.html. favicon.svg is the source; favicon.ico holds it drawn at 16, 32
 * and 48 px. The weapp has no use for them (the mini-program's icon is set in WeChat's console).
 */
const siteIcons =
  process.env.TARO_ENV === 'h5'
    ? ['favicon.ico', 'favicon.svg'].map((file) => ({ from: `public/${file}`, to: path.join(outputRoot, file) }))
    : []

/** weapp only: what WeChat's search may index (app.config.ts sitemapLocation); Taro does not copy it by itself. */
const sitemap = process.env.TARO_ENV === 'weapp' ? [{ from: 'src/sitemap.json', to: path.join(outputRoot, 'sitemap.json') }] : []

export default defineConfig<'webpack5'>(() => {
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'qinshang-direct',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
      TARO_APP_DEV_LOGIN: JSON.stringify(devLogin),
      TARO_APP_WECHAT_STAND_IN: JSON.stringify(wechatStandIn),
    },
    defineConstants: {},
    alias: { '@shared': sharedDir, 'chinese-days$': chineseDaysBundle },
    copy: { patterns: [...siteIcons, ...sitemap], options: {} },
    framework: 'react',
    // errorLevel 1: a compile error fails the build (exit code 1) on both targets.
    compiler: { type: 'webpack5', errorLevel: 1 },
    cache: { enable: false },
    mini: {
      // zod, taro-react-echarts and chinese-days (the 延期 date wheel's calendar) ship ES2015+;
      // compiling them keeps the weapp output ES5.
      compile: { include: [sharedDir, (file: string) => /node_modules[\\/](zod|taro-react-echarts|chinese-days)[\\/]/.test(file)] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      webpackChain: shareH5Chunks,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [sharedDir] },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  return config
})
