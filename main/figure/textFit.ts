/** Fitting text into a width: cut with an ellipsis, or wrap into lines. Widths come from the font. */
import type { FontMetrics } from './fontMetrics'

const ELLIPSIS = '…'

/** The text, cut at a character with "…" so it is no wider than `max` px. */
export function truncate(text: string, metrics: FontMetrics, size: number, max: number): string {
  if (metrics.width(text, size) <= max) return text
  const chars = Array.from(text)
  let low = 0
  let high = chars.length
  while (low < high) {
    const mid = Math.ceil((low + high) / 2)
    if (metrics.width(chars.slice(0, mid).join('') + ELLIPSIS, size) <= max) low = mid
    else high = mid - 1
  }
  return low === 0 ? '' : chars.slice(0, low).join('').trimEnd() + ELLIPSIS
}

/** Wraps at spaces into at most `maxLines` lines of `max` px; the last line ends in "…" if text remains. */
export function wrap(text: string, metrics: FontMetrics, size: number, max: number, maxLines: number): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const lines: string[] = []
  let current = ''
  let index = 0
  for (; index < words.length; index++) {
    const word = words[index]!
    const candidate = current ? `${current} ${word}` : word
    if (metrics.width(candidate, size) <= max || !current) {
      current = candidate
      continue
    }
    lines.push(current)
    current = word
    if (lines.length === maxLines) break
  }
  if (lines.length < maxLines && current) {
    lines.push(current)
    current = ''
    index = words.length
  }
  const leftOver = index < words.length || current !== ''
  return lines.map((line, i) => {
    const last = i === lines.length - 1
    if (last && leftOver) return truncate(`${line} ${ELLIPSIS}`, metrics, size, max).replace(/ …$/, ELLIPSIS)
    return truncate(line, metrics, size, max)
  })
}
