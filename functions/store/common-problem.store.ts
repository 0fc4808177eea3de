import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import type { CommonProblem } from '@shared/schemas/common-problem.schema'
import type { CommonProblemListing } from '@shared/domain/policy'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'
import { queryAll } from './query-all'
import type { TransactItems } from './transact'

/*
 * Common problems (共性问题):
 *   COMMON#<id> / COMMON          the problem
 *     gsi1 COMMONS#<scope> / <createdAt>#<id>   one scope's problems (<scope>: AREA#<areaId>, or CITY
 *                                               for problems spanning areas)
 *     gsi2 COMMONS#HOLDER#<userId> / …          the problems an official holds
 *     gsi4 COMMONS / …                          every problem of the city
 *   COMMON#<id> / AP#<appealId>   one linked appeal (its enterprise, for the count of enterprises);
 *                                 written in the transaction that marks the appeal linked
 */
const problemKey = (id: string) => ({ pk: `COMMON#${id}`, sk: 'COMMON' })
const linkKey = (problemId: string, appealId: string) => ({ pk: `COMMON#${problemId}`, sk: `AP#${appealId}` })
const LINK_PREFIX = 'AP#'
const scopeProblems = (areaId: string | null) => `COMMONS#${areaId ? `AREA#${areaId}` : 'CITY'}`
const holderProblems = (userId: string) => `COMMONS#HOLDER#${userId}`
const CITY_PROBLEMS = 'COMMONS'
const order = (problem: Pick<CommonProblem, 'createdAt' | 'id'>) => `${problem.createdAt}#${problem.id}`

export interface CommonProblemLink {
  appealId: string
  enterpriseId: string
  linkedAt: string
}

const item = (problem: CommonProblem) => ({
  ...problemKey(problem.id),
  entity: 'COMMON_PROBLEM',
  gsi1pk: scopeProblems(problem.areaId),
  gsi1sk: order(problem),
  gsi2pk: holderProblems(problem.holder.id),
  gsi2sk: order(problem),
  gsi4pk: CITY_PROBLEMS,
  gsi4sk: order(problem),
  ...problem,
})

/** Access pattern: one problem by id. */
export async function getCommonProblem(id: string): Promise<CommonProblem | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: problemKey(id), ConsistentRead: true }))
  return result.Item ? stripKeys<CommonProblem>(result.Item) : undefined
}

/** Access pattern: a new problem (its id is new: nothing is replaced). */
export async function putNewCommonProblem(problem: CommonProblem): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: item(problem), ConditionExpression: 'attribute_not_exists(pk)' }))
}

/** Access pattern: the problem changed, only if still at `expectedVersion`; false when someone changed it meanwhile. */
export async function saveCommonProblem(problem: CommonProblem, expectedVersion: number): Promise<boolean> {
  try {
    await dynamo.send(
      new PutCommand({
        TableName: TABLE,
        Item: item(problem),
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': expectedVersion },
      }),
    )
    return true
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false
    throw error
  }
}

/** The link of one appeal, for the transaction that marks the appeal linked (fails if already there). */
export function linkWrite(problemId: string, appeal: { id: string; enterpriseId: string }, linkedAt: string): TransactItems[number] {
  const link: CommonProblemLink = { appealId: appeal.id, enterpriseId: appeal.enterpriseId, linkedAt }
  return { Put: { TableName: TABLE, Item: { ...linkKey(problemId, appeal.id), entity: 'COMMON_PROBLEM_LINK', ...link }, ConditionExpression: 'attribute_not_exists(pk)' } }
}

/** The link's removal, for the transaction that marks the appeal unlinked. */
export function unlinkWrite(problemId: string, appealId: string): TransactItems[number] {
  return { Delete: { TableName: TABLE, Key: linkKey(problemId, appealId) } }
}

/** Access pattern: the appeals linked to a problem, in the order they were linked. */
export async function listCommonProblemLinks(problemId: string): Promise<CommonProblemLink[]> {
  const items = await queryAll<CommonProblemLink>({
    TableName: TABLE,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': problemKey(problemId).pk, ':prefix': LINK_PREFIX },
    ConsistentRead: true,
  })
  return items.sort((a, b) => a.linkedAt.localeCompare(b.linkedAt))
}

type Listing = CommonProblemListing

const LISTING_INDEX: Record<Listing['kind'], { index: 'gsi1' | 'gsi2' | 'gsi4'; pk: (listing: Listing) => string }> = {
  scope: { index: 'gsi1', pk: (l) => scopeProblems((l as { areaId: string | null }).areaId) },
  holder: { index: 'gsi2', pk: (l) => holderProblems((l as { userId: string }).userId) },
  city: { index: 'gsi4', pk: () => CITY_PROBLEMS },
}

/**
 * Access pattern: the problems of a scope, an official's, or the city's, newest first; `createdIn`
 * narrows to those created in [from, to) (the monthly report).
 */
export function listCommonProblems(listing: Listing, createdIn?: { from: string; to: string }): Promise<CommonProblem[]> {
  const { index, pk } = LISTING_INDEX[listing.kind]
  return queryAll<CommonProblem>({
    TableName: TABLE,
    IndexName: index,
    KeyConditionExpression: createdIn ? `${index}pk = :pk AND ${index}sk BETWEEN :from AND :to` : `${index}pk = :pk`,
    ExpressionAttributeValues: { ':pk': pk(listing), ...(createdIn ? { ':from': createdIn.from, ':to': createdIn.to } : {}) },
    ScanIndexForward: false,
  })
}
