import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

/*
 * scripts/ci/lint-template.sh, the CI gate on the packaged CloudFormation template: an error fails
 * it, a warning is shown and passes. Run on small templates holding the table as infra/table.cjs
 * declares it (the real package is linted by CI itself, after `npm run package`).
 */
const require = createRequire(import.meta.url)
const { resource } = require('../../infra/table.cjs') as { resource: () => { Type: string; Properties: Record<string, unknown> } }

const dir = mkdtempSync(join(tmpdir(), 'qinshang-lint-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function templateWith(table: { Type: string; Properties: Record<string, unknown> }, extra: Record<string, unknown> = {}): string {
  const path = join(dir, `template-${Math.random().toString(36).slice(2)}.json`)
  const properties = { ...table.Properties, TableName: 'qinshang-direct-prod' }
  writeFileSync(path, JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { AppTable: { ...table, Properties: properties }, ...extra } }))
  return path
}

function lint(path: string) {
  const run = spawnSync('scripts/ci/lint-template.sh', [path], { encoding: 'utf8', timeout: 120_000 })
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

// cfn-lint takes a few seconds to start (longer on a busy machine): two runs, each with room.
const LINT_MS = 90_000

describe('the template lint (scripts/ci/lint-template.sh)', () => {
  it('passes the table as infra/table.cjs renders it for CloudFormation, listing warnings', () => {
    // A DependsOn that a Ref already implies, as the Serverless Framework writes for every route: W3005.
    const topic = { Type: 'AWS::SNS::Topic', DependsOn: 'AppTable', Properties: { TopicName: { Ref: 'AppTable' } } }
    const result = lint(templateWith(resource(), { Topic: topic }))
    expect(result.output).toContain('W3005')
    expect(result.output).not.toMatch(/^E\d{4}/m)
    expect(result.output).toContain('lint-template: passed with warnings')
    expect(result.status).toBe(0)
  }, LINT_MS)

  it('fails on an error, such as CreateTable’s StreamEnabled in a CloudFormation template', () => {
    const table = resource()
    const result = lint(templateWith({ ...table, Properties: { ...table.Properties, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } } }))
    expect(result.output).toMatch(/^E3002 .*'StreamEnabled' was unexpected/m)
    expect(result.output).toContain('lint-template: FAILED')
    expect(result.status).toBe(1)
  }, LINT_MS)

  it('fails when there is no template to lint', () => {
    const result = lint(join(dir, 'missing.json'))
    expect(result.output).toContain('npm run package')
    expect(result.status).toBe(1)
  })
})
