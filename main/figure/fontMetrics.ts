/**
 * Text widths from the bundled TrueType font itself, so label placement in a figure matches what
 * resvg and pdfkit will draw. Reads only what widths need: `head` (units per em), `hhea` and `hmtx`
 * (advance widths) and `cmap` (character → glyph). Kerning is ignored: it moves a label by a
 * fraction of a pixel, and the placement keeps a gap between labels for exactly such slack.
 */

export interface FontMetrics {
  /** Width in px of `text` set at `size` px. */
  width(text: string, size: number): number
  /** Whether the font draws this character (a code point). */
  draws(codePoint: number): boolean
}

interface Table {
  offset: number
  length: number
}

function tables(view: DataView): Map<string, Table> {
  const count = view.getUint16(4)
  const found = new Map<string, Table>()
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3))
    found.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) })
  }
  return found
}

function need(found: Map<string, Table>, tag: string): Table {
  const table = found.get(tag)
  if (!table) throw new Error(`the font has no "${tag}" table`)
  return table
}

/** cmap format 4 (Basic Multilingual Plane): segments of consecutive characters. */
function readFormat4(view: DataView, at: number, into: Map<number, number>): void {
  const segments = view.getUint16(at + 6) / 2
  const ends = at + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2)
    const start = view.getUint16(starts + s * 2)
    const delta = view.getInt16(deltas + s * 2)
    const rangeOffset = view.getUint16(rangeOffsets + s * 2)
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number
      if (rangeOffset === 0) {
        glyph = (code + delta) & 0xffff
      } else {
        const glyphAt = rangeOffsets + s * 2 + rangeOffset + (code - start) * 2
        glyph = view.getUint16(glyphAt)
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff
      }
      if (glyph !== 0) into.set(code, glyph)
    }
  }
}

/** cmap format 12: groups covering any Unicode plane. */
function readFormat12(view: DataView, at: number, into: Map<number, number>): void {
  const groups = view.getUint32(at + 12)
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + g * 12
    const start = view.getUint32(group)
    const end = view.getUint32(group + 4)
    const firstGlyph = view.getUint32(group + 8)
    for (let code = start; code <= end; code++) into.set(code, firstGlyph + (code - start))
  }
}

function readCmap(view: DataView, cmap: Table): Map<number, number> {
  const count = view.getUint16(cmap.offset + 2)
  let format4 = -1
  let format12 = -1
  for (let i = 0; i < count; i++) {
    const record = cmap.offset + 4 + i * 8
    const platform = view.getUint16(record)
    const encoding = view.getUint16(record + 2)
    const at = cmap.offset + view.getUint32(record + 4)
    const format = view.getUint16(at)
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))
    if (!unicode) continue
    if (format === 12) format12 = at
    if (format === 4) format4 = at
  }
  const map = new Map<number, number>()
  if (format12 >= 0) readFormat12(view, format12, map)
  else if (format4 >= 0) readFormat4(view, format4, map)
  else throw new Error('the font has no Unicode character map')
  return map
}

/** Builds the advance table once from the TTF bytes; `width()` is then a lookup per character. */
export function readFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const found = tables(view)
  const unitsPerEm = view.getUint16(need(found, 'head').offset + 18)
  const metricCount = view.getUint16(need(found, 'hhea').offset + 34)
  const hmtx = need(found, 'hmtx').offset
  const advanceOf = (glyph: number) => view.getUint16(hmtx + Math.min(glyph, metricCount - 1) * 4)
  const advances = new Map<number, number>()
  for (const [code, glyph] of readCmap(view, need(found, 'cmap'))) advances.set(code, advanceOf(glyph) / unitsPerEm)
  // Characters the font lacks (Arabic, Hebrew, CJK in IBM Plex Sans) are drawn by no font at all
  // when rasterising; count them as a wide glyph so the space they would need is still reserved.
  const missing = (advances.get(0x4d) ?? 0.8)
  return {
    width(text, size) {
      let total = 0
      for (const char of text) total += advances.get(char.codePointAt(0)!) ?? missing
      return total * size
    },
    draws: (codePoint) => advances.has(codePoint),
  }
}
