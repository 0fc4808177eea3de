import { Text } from '@tarojs/components'
import type { Highlighted } from '@shared/schemas/policy.schema'
import './highlighted-text.css'

/** A search hit's text with the matched words marked (bold, in the accent colour). */
export function HighlightedText({ pieces, className }: { pieces: Highlighted; className?: string }) {
  return (
    <Text className={className}>
      {pieces.map((piece, i) =>
        piece.hit ? (
          <Text key={i} className='hit'>
            {piece.text}
          </Text>
        ) : (
          piece.text
        ),
      )}
    </Text>
  )
}
