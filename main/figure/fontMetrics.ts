/**
 * Text widths from the bundled TrueType font itself (read with fontkit, as pdfkit does), so label
 * placement in a figure matches what resvg and pdfkit will draw. A text's width is the sum of its
 * characters' advances, a lookup each, so measuring 10,000 labels stays cheap. Kerning is ignored:
 * it moves a label by a fraction of a pixel, and the placement keeps a gap between labels for
 * exactly such slack.
 */
import type * as Fontkit from 'fontkit'

export interface FontMetrics {
  /** Width in px of `text` set at `size` px. */
  width(text: string, size: number): number
  /** Whether the font draws this character (a code point). */
  draws(codePoint: number): boolean
}

/**
 * Builds the advance table once from the TTF bytes; `width()` is then a lookup per character.
 * fontkit takes ~0.2 s to load, so it is loaded with the first figure, not as the app starts (the
 * packaging test checks what the main process loads at start).
 */
export async function readFontMetrics(bytes: Uint8Array): Promise<FontMetrics> {
  const fontkit: typeof Fontkit = await import('fontkit')
  const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  if (!('characterSet' in font)) throw new Error('the font file is a collection of fonts, not one font')
  const advances = new Map<number, number>()
  for (const codePoint of font.characterSet) {
    const glyph = font.glyphForCodePoint(codePoint)
    // Glyph 0 is the font's "missing character" box: mapped to it, a character is not drawn.
    if (glyph.id !== 0) advances.set(codePoint, glyph.advanceWidth / font.unitsPerEm)
  }
  // Characters the font lacks (Arabic, Hebrew, CJK in IBM Plex Sans) are drawn by no font at all
  // when rasterising; count them as a wide glyph so the space they would need is still reserved.
  const missing = advances.get(0x4d) ?? 0.8
  return {
    width(text, size) {
      let total = 0
      for (const char of text) total += advances.get(char.codePointAt(0)!) ?? missing
      return total * size
    },
    draws: (codePoint) => advances.has(codePoint),
  }
}
