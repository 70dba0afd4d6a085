/**
 * Text widths from the bundled fonts' own advance widths, so label placement in a figure matches
 * what resvg and pdfkit will draw. fontkit reads them from the TTFs when the fonts change
 * (`npm run fonts`, scripts/fontAdvances.ts) into `data/fonts/advances.json`; a figure only looks
 * them up. A text's width is the sum of its characters' advances. Kerning is ignored: it moves a
 * label by a fraction of a pixel, and the placement keeps a gap between labels for exactly such
 * slack.
 */

/** One face's advance widths as `npm run fonts` stores them: in font units, by code point. */
export interface FaceAdvances {
  /** The TTF they were read from. */
  file: string
  unitsPerEm: number
  advances: Record<string, number>
}

export interface FontMetrics {
  /** Width in px of `text` set at `size` px. */
  width(text: string, size: number): number
  /** Whether the font draws this character (a code point). */
  draws(codePoint: number): boolean
}

/** `width()` is a lookup per character. */
export function fontMetrics({ unitsPerEm, advances: table }: FaceAdvances): FontMetrics {
  const advances = new Map<number, number>()
  for (const [codePoint, advance] of Object.entries(table)) advances.set(Number(codePoint), advance / unitsPerEm)
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
