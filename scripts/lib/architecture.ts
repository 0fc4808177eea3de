import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/*
 * The shape of the server code, measured: which module imports which, by floor. Lower floors
 * know nothing of higher ones:
 *
 *   0 shared/            schemas and the pure domain (policy included)
 *   1 functions/lib/     configuration, HTTP wrapper, clients, codecs
 *   2 functions/store/   one module per entity: keys and access patterns, nothing else
 *   3 functions/services/ what several features use: the calendar, the outbox, WeChat, retries…
 *   4 functions/<feature>/ handlers and use cases, one folder per feature
 *   5 functions/lambdas/ the deployed Lambdas: each a route table of its part's handlers
 *
 * A feature imports no other feature; a store imports no other entity's store and no domain
 * rule (types only). `npm run architecture` prints the figures; tests/unit/architecture.test.ts
 * holds the line.
 */

export interface ImportEdge {
  from: string
  to: string
  /** `import type` (erased at build): allowed from a store into the domain's types. */
  typeOnly: boolean
}

export interface ArchitectureFigures {
  files: number
  edges: ImportEdge[]
  /** functions/<a>/ → functions/<b>/, both features, a ≠ b */
  crossFeature: ImportEdge[]
  /** a lower floor importing a higher one (lib → store, store → service, service → feature…) */
  wrongWay: ImportEdge[]
  /** a store importing another entity's store, or a domain module for more than its types */
  storeRules: ImportEdge[]
  /** places that compare a role outside the policy module */
  roleComparisons: { file: string; line: number; text: string }[]
  /** key strings spelled in a store outside the declarations of its keys */
  strayKeyStrings: { file: string; line: number; text: string }[]
}

const SHARED_INFRA_STORES = new Set(['keys.ts', 'transact.ts', 'query-all.ts', 'batch.ts'])

/** A key string: an upper-case prefix and '#', as a literal or the head of a template. */
const KEY_STRING = /[`'"][A-Z][A-Z_-]*#/
const FLOOR_FOLDERS: Record<string, number> = { lib: 1, store: 2, services: 3, lambdas: 5 }

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path, out)
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function resolveImport(root: string, file: string, spec: string): string | undefined {
  let base: string
  if (spec.startsWith('@shared/')) base = join(root, 'shared', spec.slice('@shared/'.length))
  else if (spec.startsWith('.')) base = resolve(dirname(file), spec)
  else return undefined
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return relative(root, candidate)
    } catch {
      // try the next spelling
    }
  }
  return undefined
}

/** shared → 0, lib → 1, store → 2, services → 3, lambdas → 5, any other functions/ folder → 4. */
export function floorOf(path: string): number | undefined {
  if (path.startsWith('shared/')) return 0
  const match = /^functions\/([^/]+)\//.exec(path)
  if (!match) return undefined
  return FLOOR_FOLDERS[match[1]!] ?? 4
}

const featureOf = (path: string) => (floorOf(path) === 4 ? /^functions\/([^/]+)\//.exec(path)![1] : undefined)

/*
 * A decision taken on a role outside the policy module (shared/domain/policy/, the one place
 * allowed to): a role compared with a role's name either way round (`user?.role === 'staff'`,
 * `'city_admin' !== actor.role`, any quotes), a role looked up in a list of roles
 * (`ADMINS.includes(user.role)`, `roles.indexOf(role) >= 0`, `set.has(actor.role)`), a table
 * indexed by role (`ROLE_TEMPLATES[role]`; ROLE_LABEL, a role's name for people, decides nothing),
 * and `case 'area_admin':` in a switch over a role. A `case 'specialist':` in a switch over
 * something else (a report's dimension, a scope's kind) names no role and is not counted.
 */
const ROLE_NAMES = ['staff', 'specialist', 'department_handler', 'taskforce_handler', 'area_admin', 'city_admin']
const NAME = `(?:${ROLE_NAMES.join('|')})`
const QUOTE = `['"\`]`
/** An expression holding a role: `role`, `user.role`, `user?.role`, `appeal.filedBy.role`. */
const ROLE_EXPR = `[\\w$.?]*\\brole\\b`
const ROLE_FORMS: readonly RegExp[] = [
  new RegExp(`${ROLE_EXPR}\\s*[!=]==?\\s*${QUOTE}${NAME}${QUOTE}`),
  new RegExp(`${QUOTE}${NAME}${QUOTE}\\s*[!=]==?\\s*${ROLE_EXPR}`),
  new RegExp(`\\.(?:includes|indexOf|has)\\(\\s*${ROLE_EXPR}\\s*\\)`),
  new RegExp(`(?<![\\w$])(?!ROLE_LABEL\\b)[A-Za-z_$][\\w$]*\\s*\\[\\s*${ROLE_EXPR}\\s*\\]`),
]
const ROLE_CASE = new RegExp(`\\bcase\\s+${QUOTE}${NAME}${QUOTE}\\s*:`)
const SWITCH_SUBJECT = /\bswitch\s*\(([^)]*)\)/

export function isPolicyModule(path: string): boolean {
  return path.startsWith('shared/domain/policy/')
}

/** Whether the switch a `case` line belongs to (the nearest one above it) is over a role; unknown counts as yes. */
function switchesOverRole(lines: readonly string[], caseLine: number): boolean {
  for (let i = caseLine; i >= 0; i--) {
    const subject = SWITCH_SUBJECT.exec(lines[i]!)?.[1]
    if (subject !== undefined) return /\brole\b/i.test(subject)
  }
  return true
}

export function roleComparisonsIn(path: string, source: string): { file: string; line: number; text: string }[] {
  if (isPolicyModule(path)) return []
  const lines = source.split('\n')
  return lines
    .map((text, i) => ({ file: path, line: i + 1, text: text.trim() }))
    .filter(({ text, line }) => ROLE_FORMS.some((form) => form.test(text)) || (ROLE_CASE.test(text) && switchesOverRole(lines, line - 1)))
}

/**
 * Each entity declares its keys once, at the top of its store, as top-level constants (a key
 * builder, a prefix, a KEYS object); every access pattern builds its keys through them. A key
 * string anywhere else in a store — inside a function body, an item, a query — is a second
 * spelling of a key.
 */
export function strayKeyStringsIn(path: string, source: string): { file: string; line: number; text: string }[] {
  if (!/^functions\/store\//.test(path)) return []
  const found: { file: string; line: number; text: string }[] = []
  let inDeclaration = false
  source.split('\n').forEach((text, i) => {
    const trimmed = text.trim()
    if (/^(export )?const \w+/.test(text)) inDeclaration = !/^(export )?const \w+\s*=\s*(async\s*)?\(?[^)]*\)?\s*(:\s*[^=]+)?=>\s*\{\s*$/.test(text)
    else if (/^\S/.test(text) && !text.startsWith('}')) inDeclaration = false
    const comment = trimmed.startsWith('*') || trimmed.startsWith('//') || trimmed.startsWith('/*')
    if (!inDeclaration && !comment && KEY_STRING.test(text)) found.push({ file: path, line: i + 1, text: trimmed })
    if (text.startsWith('}')) inDeclaration = false
  })
  return found
}

export function analyseArchitecture(root: string): ArchitectureFigures {
  const files = [...walk(join(root, 'functions')), ...walk(join(root, 'shared'))].map((f) => relative(root, f))
  const edges: ImportEdge[] = []
  const roleComparisons: ArchitectureFigures['roleComparisons'] = []
  const strayKeyStrings: ArchitectureFigures['strayKeyStrings'] = []
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8')
    strayKeyStrings.push(...strayKeyStringsIn(file, source))
    for (const match of source.matchAll(IMPORT)) {
      const spec = match[3] ?? match[4]
      if (!spec) continue
      const to = resolveImport(root, join(root, file), spec)
      if (to) edges.push({ from: file, to, typeOnly: Boolean(match[2]) })
    }
    roleComparisons.push(...roleComparisonsIn(file, source))
  }
  for (const file of walk(join(root, 'miniapp', 'src')).map((f) => relative(root, f))) {
    roleComparisons.push(...roleComparisonsIn(file, readFileSync(join(root, file), 'utf8')))
  }
  const crossFeature = edges.filter((e) => featureOf(e.from) && featureOf(e.to) && featureOf(e.from) !== featureOf(e.to))
  const wrongWay = edges.filter((e) => (floorOf(e.from) ?? 0) < (floorOf(e.to) ?? 0))
  const storeRules = edges.filter((e) => {
    if (floorOf(e.from) !== 2) return false
    const target = e.to.split('/').pop()!
    const source = e.from.split('/').pop()!
    // One entity may keep its keys, writes and lists in files of its own name (appeal.keys, appeal-lists.store).
    const entityOf = (file: string) => file.split(/[.-]/)[0]
    if (floorOf(e.to) === 2) return !SHARED_INFRA_STORES.has(target) && !SHARED_INFRA_STORES.has(source) && entityOf(target) !== entityOf(source)
    return e.to.startsWith('shared/domain/') && !e.typeOnly
  })
  return { files: files.length, edges, crossFeature, wrongWay, storeRules, roleComparisons, strayKeyStrings }
}
