import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const outDir = mkdtempSync(join(tmpdir(), 'qinshang-package-'))
let template: { Resources: Record<string, { Type: string; Properties: Record<string, any> }> }

const WORK_FOLDER = '.esbuild-test-package'

beforeAll(async () => {
  // As `npm run package` does: a clean build folder, so nothing stale can slip into a zip.
  rmSync(WORK_FOLDER, { recursive: true, force: true })
  await run('node_modules/.bin/osls', ['package', '--stage', 'prod', '--package', outDir], {
    env: { ...process.env, TOKEN_SECRET: 'packaging-only-secret-not-used-0123456789', ESBUILD_WORK_FOLDER: WORK_FOLDER },
    timeout: 120_000,
  })
  template = JSON.parse(readFileSync(join(outDir, 'cloudformation-template-update-stack.json'), 'utf8'))
}, 150_000)

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('the deployed stage (osls package --stage prod)', () => {
  it('has no demo login routes', () => {
    const routes = Object.values(template.Resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => String(r.Properties.RouteKey))
    expect(routes).toEqual(expect.arrayContaining(['POST /api/appeals', 'GET /api/appeals', 'GET /api/appeals/{id}', 'POST /api/appeals/{id}/actions']))
    expect(routes.some((route) => route.includes('dev-'))).toBe(false)
  })

  it('runs Node.js 22 with the login switch off and no local endpoint', () => {
    const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function')
    expect(functions.length).toBeGreaterThanOrEqual(7)
    for (const fn of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x')
      expect(fn.Properties.Environment.Variables.DEV_LOGIN).toBe('false')
      expect(fn.Properties.Environment.Variables.DYNAMODB_ENDPOINT).toBe('')
    }
  })

  it('declares one on-demand table with point-in-time recovery, TTL and a stream', () => {
    const tables = Object.values(template.Resources).filter((r) => r.Type === 'AWS::DynamoDB::Table')
    expect(tables).toHaveLength(1)
    expect(tables[0]!.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    })
    // CloudFormation's shape, not CreateTable's: a `StreamEnabled` here is rejected (cfn-lint E3002).
    expect(tables[0]!.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' })
  })

  it('pushes notifications from the table’s stream, reporting failed records one by one', () => {
    const mappings = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping')
    expect(mappings).toHaveLength(2)
    const notifications = mappings.find((m) => JSON.stringify(m.Properties.FilterCriteria).includes('NOTIFICATION'))!
    expect(notifications.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': ['AppTable', 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    })
  })

  it('starts report exports from the inserts of export jobs on the same stream, one job at a time', () => {
    const mappings = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping')
    const exports = mappings.find((m) => JSON.stringify(m.Properties.FilterCriteria).includes('EXPORT_JOB'))!
    expect(exports.Properties).toMatchObject({ EventSourceArn: { 'Fn::GetAtt': ['AppTable', 'StreamArn'] }, BatchSize: 1 })
    expect(JSON.stringify(exports.Properties.FilterCriteria)).toContain('INSERT')
    // Exported files expire after a week.
    expect(template.Resources.ExportBucket?.Type).toBe('AWS::S3::Bucket')
    expect(JSON.stringify(template.Resources.ExportBucket?.Properties.LifecycleConfiguration)).toContain('"ExpirationInDays":7')
  })

  it('ships in each package its own bundle and nothing else, demo login never', async () => {
    for (const zip of readdirSync(outDir).filter((f) => f.endsWith('.zip'))) {
      const { stdout } = await run('unzip', ['-Z1', join(outDir, zip)])
      const bundles = stdout.split('\n').filter((name) => name.endsWith('.js'))
      expect(bundles, zip).toHaveLength(1)
      expect(bundles[0]).not.toContain('dev-login')
    }
  })

  it('fits one CloudFormation stack with room to grow', () => {
    // CloudFormation refuses a stack of more than 500 resources (cfn-lint E3010). A function costs
    // five (function, log group, version, permission, integration) and a route one, which is why
    // one Lambda serves each part of the product (functions/lambdas/*.ts).
    expect(Object.keys(template.Resources).length).toBeLessThanOrEqual(350)
  })

  it('keeps every function package small (AWS SDK left to the runtime)', () => {
    // Only the spreadsheet Lambda and the export worker carry exceljs (1.3 MB minified); every
    // other stays lean. The source maps ship without the sources' text (sourcesContent: false).
    const SPREADSHEET = new Set(['spreadsheets.zip', 'exportReports.zip'])
    // Appeals and visits attach files, whose type they read from the bytes (file-type, with its
    // zip reader for Word/Excel), and so do policies (their original PDFs); the kit's search and
    // the similar-appeal suggestions carry the kit's Chinese terms and their traditional-to-
    // simplified dictionary (opencc-js t2cn); the catalog serves the OpenAPI document.
    const HEAVIER = new Set(['appeals.zip', 'visits.zip', 'kit.zip', 'kitSearch.zip', 'commonProblems.zip', 'catalog.zip'])
    const zips = readdirSync(outDir).filter((f) => f.endsWith('.zip'))
    expect(zips.length).toBeGreaterThanOrEqual(15)
    for (const zip of zips) {
      const budget = SPREADSHEET.has(zip) ? 1.5 * 1024 * 1024 : HEAVIER.has(zip) ? 320 * 1024 : 200 * 1024
      expect({ zip, size: statSync(join(outDir, zip)).size < budget }).toEqual({ zip, size: true })
    }
  })
})
