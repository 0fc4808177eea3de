import { NotFoundError } from '@shared/errors'
import { getCard, getCodeImage, putCodeImage, type CodeImage } from '../store/card.store'
import type { CardCodeProvider } from './card-code-provider'

/** A card's code image: rendered once per kind of code, then served from the table. */
export async function cardCode(cardId: string, provider: CardCodeProvider, now: Date): Promise<CodeImage> {
  const cached = await getCodeImage(cardId, provider.kind)
  if (cached) return cached
  if (!(await getCard(cardId))) throw new NotFoundError('联系卡不存在或已失效')
  const image = await provider.render(cardId)
  await putCodeImage(cardId, provider.kind, image, now.toISOString())
  return image
}
