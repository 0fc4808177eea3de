import { randomBytes } from 'node:crypto'
import { CARD_ID_LENGTH, cardIdFromRandomBytes } from '@shared/domain/card-id'

/** A fresh card id from the platform's cryptographic random source. */
export const newCardId = (): string => cardIdFromRandomBytes(randomBytes(CARD_ID_LENGTH))
