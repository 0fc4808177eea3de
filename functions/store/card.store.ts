import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { TABLE, dynamo } from '../lib/dynamo'
import { stripKeys } from './keys'
import type { TransactItems } from './transact'

/*
 * CARD#<id> / CARD         the card: which enterprise it opens (the specialist is read live from
 *                          the enterprise, so a reassignment changes what every old card shows)
 * CARD#<id> / CODE#<kind>  the rendered code image, kept so that printing a park's cards does
 *                          not call WeChat's getUnlimited once per card per print
 */
export interface CardRecord {
  id: string
  enterpriseId: string
  issuedAt: string
}

export interface CodeImage {
  contentType: string
  body: Uint8Array
}

const cardKey = (id: string) => ({ pk: `CARD#${id}`, sk: 'CARD' })
const codeKey = (id: string, kind: string) => ({ pk: `CARD#${id}`, sk: `CODE#${kind}` })

/** Access pattern: the card behind a scanned code. */
export async function getCard(id: string): Promise<CardRecord | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: cardKey(id) }))
  return result.Item ? stripKeys<CardRecord>(result.Item) : undefined
}

/**
 * Access pattern: issue a card, as a transaction item (with the enterprise's pointer to it, which
 * the enterprise's store writes only if it has no card yet).
 */
export const cardPut = (card: CardRecord): TransactItems[number] => ({
  Put: { TableName: TABLE, Item: { ...cardKey(card.id), entity: 'CARD', ...card }, ConditionExpression: 'attribute_not_exists(pk)' },
})

/** Access pattern: a card's code image as rendered before for this kind of code. */
export async function getCodeImage(cardId: string, kind: string): Promise<CodeImage | undefined> {
  const result = await dynamo.send(new GetCommand({ TableName: TABLE, Key: codeKey(cardId, kind) }))
  if (!result.Item) return undefined
  return { contentType: String(result.Item.contentType), body: result.Item.body as Uint8Array }
}

/** Access pattern: keep a rendered code image (tens of KB, well inside an item's 400 KB). */
export async function putCodeImage(cardId: string, kind: string, image: CodeImage, at: string): Promise<void> {
  await dynamo.send(new PutCommand({ TableName: TABLE, Item: { ...codeKey(cardId, kind), entity: 'CARD_CODE', ...image, createdAt: at } }))
}
