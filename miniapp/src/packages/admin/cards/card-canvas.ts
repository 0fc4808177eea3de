import type { CardView } from '@shared/schemas/card.schema'
import { CARD_TITLE, SCAN_HINT, cardIdLine, specialistLines, wrapText } from './card-sheet'

/**
 * h5 only: draws one contact card on a canvas, for 保存图片. Sizes are CSS pixels of a
 * 640 × 440 card, drawn at 2× so that the saved PNG stays sharp when printed.
 */
const WIDTH = 640
const HEIGHT = 440
const RATIO = 2
const PAD = 28
const FONT_STACK = '"PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
const ACCENT = '#1f6feb'
const TEXT = '#1f2328'
const MUTED = '#57606a'

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    // The API serves codes with CORS `*`; without this the canvas is tainted and cannot export.
    image.crossOrigin = 'anonymous'
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('二维码图片加载失败，请稍后重试'))
    image.src = url
  })
}

function roundedRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}

const font = (size: number, weight = 400): string => `${weight} ${size}px ${FONT_STACK}`

/** The card as a PNG data URL. Rejects when the code image cannot be loaded. */
export async function renderCardPng(card: CardView, codeUrl: string): Promise<string> {
  const [code] = await Promise.all([loadImage(codeUrl), document.fonts ? document.fonts.ready : Promise.resolve()])
  const canvas = document.createElement('canvas')
  canvas.width = WIDTH * RATIO
  canvas.height = HEIGHT * RATIO
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('当前浏览器不支持生成图片')
  ctx.scale(RATIO, RATIO)
  ctx.textBaseline = 'top'

  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, WIDTH, HEIGHT)
  roundedRect(ctx, 4, 4, WIDTH - 8, HEIGHT - 8, 16)
  ctx.lineWidth = 2
  ctx.strokeStyle = ACCENT
  ctx.stroke()

  // Title band.
  ctx.fillStyle = ACCENT
  ctx.font = font(30, 600)
  ctx.fillText(CARD_TITLE, PAD, PAD)
  ctx.fillStyle = MUTED
  ctx.font = font(18)
  const areaWidth = ctx.measureText(card.enterprise.areaName).width
  ctx.fillText(card.enterprise.areaName, WIDTH - PAD - areaWidth, PAD + 8)
  ctx.fillStyle = ACCENT
  ctx.fillRect(PAD, PAD + 46, WIDTH - PAD * 2, 2)

  // Code on the left, with the scan hint under it.
  const codeSize = 196
  const top = PAD + 66
  ctx.drawImage(code, PAD, top, codeSize, codeSize)
  ctx.fillStyle = MUTED
  ctx.font = font(16)
  const hintWidth = ctx.measureText(SCAN_HINT).width
  ctx.fillText(SCAN_HINT, PAD + (codeSize - hintWidth) / 2, top + codeSize + 6)

  // Enterprise and specialist on the right.
  const left = PAD + codeSize + 24
  const textWidth = WIDTH - PAD - left
  let y = top
  ctx.fillStyle = TEXT
  ctx.font = font(26, 600)
  for (const line of wrapText(card.enterprise.name, textWidth, (s) => ctx.measureText(s).width, 3)) {
    ctx.fillText(line, left, y)
    y += 36
  }
  y += 10
  const lines = specialistLines(card)
  ctx.font = font(22, 600)
  for (const line of wrapText(lines.name, textWidth, (s) => ctx.measureText(s).width, 1)) {
    ctx.fillText(line, left, y)
    y += 32
  }
  ctx.fillStyle = MUTED
  ctx.font = font(18)
  for (const line of wrapText(lines.organisation, textWidth, (s) => ctx.measureText(s).width, 2)) {
    ctx.fillText(line, left, y)
    y += 26
  }
  if (lines.phone) {
    ctx.fillStyle = TEXT
    ctx.font = font(22, 600)
    ctx.fillText(lines.phone, left, y + 4)
  }

  // Promise and card id along the bottom.
  ctx.fillStyle = MUTED
  ctx.font = font(16)
  let bottom = HEIGHT - PAD - 18 - 4
  const promise = wrapText(card.servicePromise, WIDTH - PAD * 2, (s) => ctx.measureText(s).width, 2)
  bottom -= promise.length * 22
  for (const line of promise) {
    ctx.fillText(line, PAD, bottom)
    bottom += 22
  }
  ctx.fillStyle = '#8c959f'
  ctx.font = font(13)
  ctx.fillText(cardIdLine(card), PAD, HEIGHT - PAD - 14)

  return canvas.toDataURL('image/png')
}
