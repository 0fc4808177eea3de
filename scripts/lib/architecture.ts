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
}

const SHARED_INFRA_STORES = new Set(['keys.ts', 'transact.ts', 'query-all.ts', 'batch.ts'])
const FLOOR_FOLDERS: Record<string, number> = { lib: 1, store: 2, services: 3 }

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

/** shared → 0, lib → 1, store → 2, services → 3, any other functions/ folder → 4. */
export function floorOf(path: string): number | undefined {
  if (path.startsWith('shared/')) return 0
  const match = /^functions\/([^/]+)\//.exec(path)
  if (!match) return undefined
  return FLOOR_FOLDERS[match[1]!] ?? 4
}

const featureOf = (path: string) => (floorOf(path) === 4 ? /^functions\/([^/]+)\//.exec(path)![1] : undefined)

/**
 * A role compared as a string: `role === 'staff'`, `role !== …`, `case 'city_admin':`,
 * `.role === …`. The policy module (shared/domain/policy/) is the one place allowed to.
 */
const ROLE_NAMES = ['staff', 'specialist', 'department_handler', 'taskforce_handler', 'area_admin', 'city_admin']
const ROLE_COMPARISON = new RegExp(
  `(role\\s*[!=]==?\\s*['"](${ROLE_NAMES.join('|')})['"])|(['"](${ROLE_NAMES.join('|')})['"]\\s*[!=]==?\\s*[\\w.]*role)|(case\\s+['"](${ROLE_NAMES.join('|')})['"]\\s*:)`,
)

export function isPolicyModule(path: string): boolean {
  return path.startsWith('shared/domain/policy')
}

export function roleComparisonsIn(path: string, source: string): { file: string; line: number; text: string }[] {
  if (isPolicyModule(path)) return []
  return source
    .split('\n')
    .map((text, i) => ({ file: path, line: i + 1, text: text.trim() }))
    .filter(({ text }) => ROLE_COMPARISON.test(text))
}

export function analyseArchitecture(root: string): ArchitectureFigures {
  const files = [...walk(join(root, 'functions')), ...walk(join(root, 'shared'))].map((f) => relative(root, f))
  const edges: ImportEdge[] = []
  const roleComparisons: ArchitectureFigures['roleComparisons'] = []
  for (const file of files) {
    const source = readFileSync(join(root, file), 'utf8')
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
    if (floorOf(e.to) === 2) return !SHARED_INFRA_STORES.has(target) && !SHARED_INFRA_STORES.has(e.from.split('/').pop()!)
    return e.to.startsWith('shared/domain/') && !e.typeOnly
  })
  return { files: files.length, edges, crossFeature, wrongWay, storeRules, roleComparisons }
}
