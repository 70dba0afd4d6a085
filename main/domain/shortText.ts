/**
 * How Annalist shortens a text to fit a list, a label or a menu: on one line, and when it is too
 * long, cut after the last whole word that fits, with "…". A single word longer than half the room
 * is cut inside it rather than leaving next to nothing.
 */
export function shortened(text: string, most: number): string {
  const single = text.replace(/\s+/g, ' ').trim()
  if (single.length <= most) return single
  const room = single.slice(0, most - 1)
  const lastSpace = room.lastIndexOf(' ')
  const cut = lastSpace >= most / 2 ? room.slice(0, lastSpace) : room
  // "Geneva (Sherman,…" reads as a slip; "Geneva (Sherman…" as a cut.
  return `${cut.replace(/[\s,;:–—-]+$/u, '')}…`
}

/**
 * A note's title wherever notes are listed or drawn: its label, or else the first line of its text
 * that has words in it, shortened to `most` characters.
 */
export function noteTitle(note: { label: string; text: string }, most: number): string {
  const firstLine = note.text.split('\n').find((line) => line.trim() !== '') ?? ''
  return shortened(note.label.trim() || firstLine, most) || 'Untitled note'
}
