import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * WeChat disables a privacy interface that the user privacy guide (用户隐私保护指引) does not
 * declare. miniapp/privacy.json is the list; the code under miniapp/src and the README's deploy
 * section must agree with it.
 */

const ROOT = resolve(__dirname, '..', '..')

interface PrivacyFile {
  declared: { api: string; guide: string; purpose: string; where: string[] }[]
  typed: { guide: string; purpose: string; where: string; field: string }[]
  notPrivacy: { apis: string[] }
  privacyInterfaces: Record<string, string[]>
}

const privacy = JSON.parse(readFileSync(join(ROOT, 'miniapp', 'privacy.json'), 'utf8')) as PrivacyFile
const catalogue = Object.entries(privacy.privacyInterfaces).filter(([guide]) => guide !== '$comment') as [string, string[]][]
const guideOf = new Map(catalogue.flatMap(([guide, apis]) => apis.map((api) => [api, guide] as const)))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(tsx?|jsx?)$/.test(name) ? [path] : []
  })
}

/** Every native API a source calls (Taro.x(…), wx.x(…), a named import from @tarojs/taro) and every privacy-bearing component attribute. */
function nativeUses(source: string): Set<string> {
  const found = new Set<string>()
  for (const [, api = ''] of source.matchAll(/\b(?:Taro|wx)\s*\.\s*([a-zA-Z]\w*)\s*\(/g)) found.add(api)
  for (const [, names = ''] of source.matchAll(/import\s*(?:\w+\s*,\s*)?\{([^}]*)\}\s*from\s*['"]@tarojs\/taro['"]/g)) {
    for (const name of names.split(',')) {
      const imported = (name.trim().split(/\s+as\s+/)[0] ?? '').replace(/^type\s+/, '')
      if (imported) found.add(imported)
    }
  }
  for (const [, openType = ''] of source.matchAll(/\bopen-?[tT]ype\s*=\s*\{?\s*['"](\w+)['"]/g)) found.add(`open-type=${openType}`)
  if (/\btype\s*=\s*\{?\s*['"]nickname['"]/.test(source)) found.add('type=nickname')
  if (/<Camera\b/.test(source)) found.add('<camera')
  if (/<LivePusher\b/.test(source)) found.add('<live-pusher')
  return found
}

const usesByFile = new Map(sourceFiles(join(ROOT, 'miniapp', 'src')).map((file) => [relative(ROOT, file), nativeUses(readFileSync(file, 'utf8'))]))
const privacyUses = new Map<string, string[]>()
for (const [file, uses] of usesByFile) for (const use of uses) if (guideOf.has(use)) privacyUses.set(use, [...(privacyUses.get(use) ?? []), file])

const deploySection = (() => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const start = readme.indexOf('\n## Deploy')
  const end = readme.indexOf('\n## ', start + 1)
  return start < 0 ? '' : readme.slice(start, end < 0 ? undefined : end)
})()

describe('privacy declarations', () => {
  it('finds native calls the way the code writes them (the scanner can fail)', () => {
    const uses = nativeUses(
      "import Taro, { chooseMedia, type Foo } from '@tarojs/taro'\nawait Taro.chooseImage({})\nwx.getLocation()\n<Button openType='getPhoneNumber' />\n<Input type='nickname' />",
    )
    expect([...uses].sort()).toEqual(['Foo', 'chooseImage', 'chooseMedia', 'getLocation', 'open-type=getPhoneNumber', 'type=nickname'])
  })

  it('every privacy interface the mini-program calls is declared', () => {
    const declared = new Set(privacy.declared.map((entry) => entry.api))
    const undeclared = [...privacyUses.entries()].filter(([api]) => !declared.has(api)).map(([api, files]) => `${api} (${files.join(', ')}) → ${guideOf.get(api)}`)
    expect(undeclared).toEqual([])
  })

  it('every declaration is used where it says, under the guide item WeChat names for it', () => {
    for (const entry of privacy.declared) {
      expect(guideOf.get(entry.api), entry.api).toBe(entry.guide)
      expect(privacyUses.get(entry.api)?.sort(), entry.api).toEqual([...entry.where].sort())
    }
  })

  it('the personal details typed on a page are still asked for there', () => {
    for (const entry of privacy.typed) {
      const source = readFileSync(join(ROOT, entry.where), 'utf8')
      expect(source, entry.where).toMatch(/<Input\b/)
      expect(source, `${entry.where}: ${entry.field}`).toContain(`'${entry.field}'`)
    }
  })

  it('no API is both declared and listed as needing no declaration', () => {
    const declared = new Set(privacy.declared.map((entry) => entry.api))
    expect(privacy.notPrivacy.apis.filter((api) => declared.has(api) || guideOf.has(api))).toEqual([])
  })

  it("the README's deploy section lists every declaration with its guide item", () => {
    expect(deploySection).not.toBe('')
    for (const entry of privacy.declared) {
      expect(deploySection, entry.api).toContain(`\`${entry.api}\``)
      expect(deploySection, entry.guide).toContain(entry.guide)
    }
    for (const entry of privacy.typed) expect(deploySection, entry.guide).toContain(entry.guide)
  })
})
