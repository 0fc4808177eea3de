/**
 * `npm run architecture`: the import graph of the server code by floor (scripts/lib/architecture.ts)
 * — cross-feature imports, imports that run the wrong way, stores reaching past their entity — and
 * the places outside the policy module that compare roles. `--list` names each one.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { analyseArchitecture } from './lib/architecture'

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..')
const root = process.argv.find((a) => a.startsWith('--root='))?.slice('--root='.length) ?? ROOT
const list = process.argv.includes('--list')
const figures = analyseArchitecture(root)
const lines = (path: string) => readFileSync(join(root, path), 'utf8').split('\n').length - 1
const show = (title: string, items: string[]) => {
  process.stdout.write(`${title}: ${items.length}\n`)
  if (list) for (const item of items) process.stdout.write(`  ${item}\n`)
}
process.stdout.write(`modules: ${figures.files}, imports between them: ${figures.edges.length}\n`)
show('cross-feature imports', figures.crossFeature.map((e) => `${e.from} → ${e.to}`))
show('wrong-way imports (a lower floor importing a higher one)', figures.wrongWay.map((e) => `${e.from} → ${e.to}`))
show('stores importing another store or a domain rule', figures.storeRules.map((e) => `${e.from} → ${e.to}`))
show('key strings in a store outside its key declarations', figures.strayKeyStrings.map((c) => `${c.file}:${c.line}  ${c.text}`))
show('role comparisons outside the policy module', figures.roleComparisons.map((c) => `${c.file}:${c.line}  ${c.text}`))
const files = new Set(figures.roleComparisons.map((c) => c.file))
process.stdout.write(`  … in ${files.size} files (${[...files].filter((f) => f.startsWith('functions/')).length} server, ${[...files].filter((f) => f.startsWith('miniapp/')).length} mini-program, ${[...files].filter((f) => f.startsWith('shared/')).length} shared)\n`)
try {
  process.stdout.write(`functions/store/appeal.store.ts: ${lines('functions/store/appeal.store.ts')} lines\n`)
} catch {
  // moved or gone
}
