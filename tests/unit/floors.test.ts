import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyseArchitecture, floorOf, strayKeyStringsIn } from '../../scripts/lib/architecture'

/*
 * The house rules of the server code (scripts/lib/architecture.ts): shared → lib → store →
 * services → features, nothing importing upwards, no feature importing another, stores knowing
 * only their own entity and declaring each key once. A failure names the offending imports.
 */

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..')
const figures = analyseArchitecture(ROOT)
const named = (edges: { from: string; to: string }[]) => edges.map((e) => `${e.from} → ${e.to}`)

describe('the floors of the server code', () => {
  it('reads the real import graph', () => {
    expect(figures.files).toBeGreaterThan(150)
    expect(figures.edges.some((e) => e.from === 'functions/appeals/act-on-appeal.use-case.ts' && e.to === 'functions/services/appeal-writer.ts')).toBe(true)
  })

  it('has no feature importing another feature', () => {
    expect(named(figures.crossFeature)).toEqual([])
  })

  it('has no import from a lower floor to a higher one', () => {
    expect(named(figures.wrongWay)).toEqual([])
  })

  it('has no store importing another entity’s store or a domain rule', () => {
    expect(named(figures.storeRules)).toEqual([])
  })

  it('spells every key of an entity once, where its store declares its keys', () => {
    expect(figures.strayKeyStrings.map((k) => `${k.file}:${k.line} ${k.text}`)).toEqual([])
  })
})

describe('the detectors themselves', () => {
  it('place each folder on its floor', () => {
    expect(['shared/domain/x.ts', 'functions/lib/x.ts', 'functions/store/x.ts', 'functions/services/x.ts', 'functions/appeals/x.ts', 'functions/lambdas/x.ts'].map(floorOf)).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('find a key spelled inside an access pattern, and accept it in a top-level declaration', () => {
    const source = [
      "const itemKey = (id: string) => ({ pk: `ITEM#${id}`, sk: 'ITEM' })",
      'export async function getItem(id: string) {',
      "  return get({ Key: { pk: `ITEM#${id}`, sk: 'ITEM' } })",
      '}',
      'const KEYS = {',
      "  list: (a: string) => `LIST#${a}`,",
      '}',
    ].join('\n')
    expect(strayKeyStringsIn('functions/store/item.store.ts', source).map((k) => k.line)).toEqual([3])
    expect(strayKeyStringsIn('functions/appeals/x.ts', source)).toEqual([])
  })
})
