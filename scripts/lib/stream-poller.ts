import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb'
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamsRecord,
  type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams'
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda'

/**
 * What Lambda's DynamoDB Streams event source does in production, for DynamoDB Local: read the
 * table's stream shard by shard and hand batches of records to a handler in Lambda's event shape;
 * records the handler reports as batch item failures are handed over again with backoff.
 * Unlike Lambda, a failed record does not hold back the records after it (notifications need
 * no order), and the stream is read from its start (TRIM_HORIZON): the handler is idempotent.
 */
export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>

export interface StreamPollerOptions {
  endpoint: string
  tableName: string
  handler: StreamHandler
  /** Pause after a read that found nothing new. */
  idleMs?: number
  /** How often closed shards are replaced by new ones. */
  discoverMs?: number
  /** Pauses before each redelivery of a failed record; past the last one it is given up (and logged). */
  retryDelaysMs?: readonly number[]
  batchSize?: number
  log?: (line: string) => void
}

export interface StreamPoller {
  /** Resolves once every record written before the call has been handed over and no redelivery is waiting. */
  caughtUp(timeoutMs?: number): Promise<void>
  /** Records handed to the handler so far (redeliveries included). */
  readonly delivered: number
  stop(): Promise<void>
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' }
const STREAM_LAG_MS = 60

/** DynamoDB Local's records as Lambda hands them over: an event source ARN, and creation time in epoch seconds. */
export function toLambdaRecord(record: StreamsRecord, streamArn: string): DynamoDBRecord {
  const created = record.dynamodb?.ApproximateCreationDateTime
  return {
    ...record,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(record.dynamodb as DynamoDBRecord['dynamodb']),
      ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
    },
  } as DynamoDBRecord
}

interface Retry {
  record: DynamoDBRecord
  attempt: number
  at: number
}

export async function startStreamPoller(options: StreamPollerOptions): Promise<StreamPoller> {
  const idleMs = options.idleMs ?? 100
  const discoverMs = options.discoverMs ?? 2000
  const retryDelaysMs = options.retryDelaysMs ?? [250, 500, 1000, 2000, 4000, 8000]
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const region = 'local'
  const dynamo = new DynamoDBClient({ endpoint: options.endpoint, region, credentials: LOCAL_CREDENTIALS })
  const streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region, credentials: LOCAL_CREDENTIALS })
  const table = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }))
  dynamo.destroy()
  // LatestStreamArn, not ListStreams: DynamoDB Local keeps listing the streams of deleted tables.
  const streamArn = table.Table?.LatestStreamArn
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`)

  let running = true
  let delivered = 0
  let inFlight = 0
  const retries: Retry[] = []
  /** Per shard: when its last read that found nothing was asked for (it had caught up then). */
  const shards = new Map<string, { caughtUpAt: number; done: boolean; loop: Promise<void> }>()

  async function deliver(records: DynamoDBRecord[], attempt: number): Promise<void> {
    inFlight++
    try {
      let failed: string[]
      try {
        const response = await options.handler({ Records: records })
        failed = (response.batchItemFailures ?? []).map((f) => f.itemIdentifier)
      } catch (error) {
        log(`stream poller: handler threw (${(error as Error).message}); the batch is handed over again`)
        failed = records.map((r) => r.dynamodb?.SequenceNumber ?? '')
      }
      delivered += records.length
      for (const record of records.filter((r) => failed.includes(r.dynamodb?.SequenceNumber ?? ''))) {
        const delay = retryDelaysMs[attempt]
        if (delay === undefined) log(`stream poller: gave up on record ${record.dynamodb?.SequenceNumber} after ${attempt + 1} deliveries`)
        else retries.push({ record, attempt: attempt + 1, at: Date.now() + delay })
      }
    } finally {
      inFlight--
    }
  }

  async function iterator(shardId: string, type: ShardIteratorType, after?: string): Promise<string | undefined> {
    const answer = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: after }))
    return answer.ShardIterator
  }

  async function readShard(shardId: string): Promise<void> {
    const state = shards.get(shardId)!
    let lastSequence: string | undefined
    let next = await iterator(shardId, 'TRIM_HORIZON')
    while (running && next) {
      try {
        const asked = Date.now()
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: next, Limit: options.batchSize ?? 100 }))
        next = page.NextShardIterator
        const records = page.Records ?? []
        if (records.length > 0) {
          lastSequence = records.at(-1)?.dynamodb?.SequenceNumber
          await deliver(records.map((r) => toLambdaRecord(r, streamArn!)), 0)
        } else {
          state.caughtUpAt = asked
          await sleep(idleMs)
        }
      } catch (error) {
        if (!running) break
        if (!(error instanceof ExpiredIteratorException)) log(`stream poller: reading shard ${shardId} failed (${(error as Error).message}); trying again`)
        await sleep(error instanceof ExpiredIteratorException ? 0 : 1000)
        next = await iterator(shardId, lastSequence ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON', lastSequence).catch(() => next)
      }
    }
    // A closed shard has no NextShardIterator: it has nothing more to give.
    state.done = true
    state.caughtUpAt = Number.POSITIVE_INFINITY
  }

  async function discover(): Promise<void> {
    let startShard: string | undefined
    do {
      const page = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: startShard }))
      for (const shard of page.StreamDescription?.Shards ?? []) {
        const id = shard.ShardId
        if (!id || shards.has(id)) continue
        const state = { caughtUpAt: 0, done: false, loop: Promise.resolve() }
        shards.set(id, state)
        state.loop = readShard(id)
      }
      startShard = page.StreamDescription?.LastEvaluatedShardId
    } while (startShard)
  }

  async function redeliverLoop(): Promise<void> {
    while (running) {
      const due = retries.filter((r) => r.at <= Date.now())
      for (const retry of due) retries.splice(retries.indexOf(retry), 1)
      // One at a time: each keeps its own count of deliveries.
      for (const retry of due) await deliver([retry.record], retry.attempt)
      await sleep(Math.min(idleMs, 50))
    }
  }

  async function discoverLoop(): Promise<void> {
    while (running) {
      await sleep(discoverMs)
      if (running) await discover().catch((error: Error) => log(`stream poller: listing shards failed (${error.message})`))
    }
  }

  await discover()
  const loops = [redeliverLoop(), discoverLoop()]

  return {
    get delivered() {
      return delivered
    },
    async caughtUp(timeoutMs = 10_000) {
      // A write shows in DynamoDB Local's stream some 15–25 ms after it returns: only a read
      // asked for well after this call proves that everything written before it was seen.
      const since = Date.now() + STREAM_LAG_MS
      const deadline = Date.now() + timeoutMs
      await discover()
      while (Date.now() < deadline) {
        const shardsCaughtUp = [...shards.values()].every((s) => s.caughtUpAt > since)
        if (shardsCaughtUp && retries.length === 0 && inFlight === 0) return
        await sleep(20)
      }
      throw new Error(`stream poller: not caught up within ${timeoutMs} ms`)
    },
    async stop() {
      running = false
      await Promise.all([...loops, ...[...shards.values()].map((s) => s.loop)])
      streams.destroy()
    },
  }
}
