/**
 * The notes as the window asks for them at scale: the timeline gets only the notes on the stretch
 * it draws (capped, with a count of the rest), the Notes tab a page of rows with the counts, and
 * neither ever the whole set of 10,000.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { annotationSummary, listAnnotations, noteCountsByEvent, notesInWindow } from '../../main/domain/annotationList'
import { readDate } from '../../main/domain/dates'
import { noteTitle } from '../../main/domain/shortText'
import { syntheticTimeline } from '../../bench/synthetic'

const document = syntheticTimeline({ events: 2_000, annotations: 10_000 })
const spanOf = (date: string) => {
  const reading = readDate(date)
  assert.ok(reading.ok, date)
  return reading.span
}

test('the timeline gets the live span and moment notes overlapping its stretch, in time order, capped, with the rest counted', () => {
  const window = { start: Date.UTC(1998, 0, 1), end: Date.UTC(2006, 0, 1) }
  const expected = document.annotations.filter((note) => {
    if (note.deleted || note.anchor.kind === 'event') return false
    const span = spanOf(note.anchor.date)
    return span.end >= window.start && span.start <= window.end
  })
  assert.ok(expected.length > 150, `the synthetic set puts more than 150 notes in eight years (${expected.length})`)

  const drawn = notesInWindow(document, window, { most: 150 })
  assert.equal(drawn.notes.length, 150)
  assert.equal(drawn.moreNotes, expected.length - 150)
  const wanted = new Set(expected.map((note) => note.id))
  assert.ok(drawn.notes.every((note) => wanted.has(note.id)))
  const starts = drawn.notes.map((note) => note.span.start)
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'earliest first')
  const first = expected.find((note) => note.id === drawn.notes[0]!.id)!
  assert.deepEqual(drawn.notes[0], {
    id: first.id,
    kind: first.anchor.kind,
    label: noteTitle(first, 80),
    colour: first.colour,
    initials: first.author.initials,
    updated: first.updated,
    span: { start: drawn.notes[0]!.span.start, end: drawn.notes[0]!.span.end },
  }, 'only what the timeline draws travels')

  const newest = [...expected].sort((a, b) => (a.updated === b.updated ? (a.id < b.id ? -1 : 1) : a.updated > b.updated ? -1 : 1)).slice(0, 150)
  assert.deepEqual(new Set(drawn.notes.map((note) => note.id)), new Set(newest.map((note) => note.id)), 'the most recently edited are drawn')

  const all = notesInWindow(document, window, { most: 100_000 })
  assert.equal(all.notes.length, expected.length)
  assert.equal(all.moreNotes, 0)
  assert.deepEqual(notesInWindow(document, { start: Date.UTC(1800, 0, 1), end: Date.UTC(1801, 0, 1) }, { most: 150 }), { notes: [], moreNotes: 0, moreNotesAcross: 0 })
})

test('a note edited, deleted or added is drawn as the notes now are, not as they were last drawn', () => {
  const window = { start: Date.UTC(1998, 0, 1), end: Date.UTC(2006, 0, 1) }
  const before = notesInWindow(document, window, { most: 20 })
  const drawnIds = new Set(before.notes.map((note) => note.id))
  const overlapping = (note: (typeof document.annotations)[number]) => {
    if (note.deleted || note.anchor.kind === 'event') return false
    const span = spanOf(note.anchor.date)
    return span.end >= window.start && span.start <= window.end
  }
  // Edits replace the notes (and the list holding them), as the edits module does.
  const older = document.annotations.find((note) => overlapping(note) && !drawnIds.has(note.id))!
  const gone = before.notes[0]!.id
  const added = { ...older, id: 'note-added-now', updated: '2099-01-01T00:00:00.000Z' }
  const edited = { ...document, annotations: [...document.annotations.map((note) => (note.id === older.id ? { ...note, updated: '2099-01-02T00:00:00.000Z' } : note.id === gone ? { ...note, deleted: '2099-01-03T00:00:00.000Z' } : note)), added] }
  const after = notesInWindow(edited, window, { most: 20 })
  const afterIds = after.notes.map((note) => note.id)
  assert.ok(afterIds.includes(older.id), 'the note just edited is among the newest, so drawn')
  assert.ok(afterIds.includes(added.id), 'the note just added is drawn')
  assert.ok(!afterIds.includes(gone), 'the note deleted is not drawn')
  assert.equal(after.moreNotes, before.moreNotes, 'one note added, one deleted')
  // The document as it was still draws as it did.
  assert.deepEqual(notesInWindow(document, window, { most: 20 }), before)
})

const DAY = 86_400_000

test('spaced out, the notes drawn are at most two starting in each stretch, the newest there, and the rest counted', () => {
  const window = { start: Date.UTC(1998, 0, 1), end: Date.UTC(2006, 0, 1) }
  const spacing = { ms: 64 * DAY, notes: 2, beyond: 12, across: 3 }
  const drawn = notesInWindow(document, window, { most: 1_000, spacing })
  const candidates = document.annotations.flatMap((note) => {
    if (note.deleted || note.anchor.kind === 'event') return []
    const span = spanOf(note.anchor.date)
    return span.end >= window.start && span.start <= window.end ? [{ ...note, start: span.start }] : []
  })
  const byStretch = new Map<number, typeof candidates>()
  for (const note of candidates) {
    const stretch = Math.floor(note.start / spacing.ms)
    byStretch.set(stretch, [...(byStretch.get(stretch) ?? []), note])
  }
  const newestTwo = [...byStretch.values()].flatMap((notes) => notes.sort((a, b) => (a.updated === b.updated ? (a.id < b.id ? -1 : 1) : a.updated > b.updated ? -1 : 1)).slice(0, 2))
  assert.deepEqual(new Set(drawn.notes.map((note) => note.id)), new Set(newestTwo.map((note) => note.id)))
  assert.equal(drawn.moreNotes, candidates.length - drawn.notes.length)
  assert.ok(drawn.moreNotes > 0)

  const few = { start: Date.UTC(2003, 0, 1), end: Date.UTC(2003, 0, 4) }
  const inFew = notesInWindow(document, few, { most: 1_000 })
  assert.ok(inFew.notes.length > 2 && inFew.notes.length <= 12, `a stretch with a few notes (${inFew.notes.length})`)
  assert.deepEqual(notesInWindow(document, few, { most: 1_000, spacing: { ms: 365 * DAY, notes: 2, beyond: 12, across: 3 } }), inFew, 'a few notes are all drawn')
})


test('the note the analyst has chosen is drawn where it overlaps the stretch, however many notes crowd it out', () => {
  const window = { start: Date.UTC(1998, 0, 1), end: Date.UTC(2006, 0, 1) }
  const spacing = { ms: 64 * DAY, notes: 2, beyond: 12, across: 3 }
  const unchosen = notesInWindow(document, window, { most: 60, spacing })
  const drawnIds = new Set(unchosen.notes.map((note) => note.id))
  const left = document.annotations.find((note) => {
    if (note.deleted || note.anchor.kind === 'event' || drawnIds.has(note.id)) return false
    const span = spanOf(note.anchor.date)
    return span.end >= window.start && span.start <= window.end
  })
  assert.ok(left, 'a note in the stretch that is not drawn when nothing is chosen')

  const chosen = notesInWindow(document, window, { most: 60, spacing, chosen: left.id })
  assert.ok(chosen.notes.some((note) => note.id === left.id), 'the chosen note is drawn')
  assert.equal(chosen.notes.length, 60, 'still no more than the Notes lane shows')
  assert.equal(chosen.notes.length + chosen.moreNotes, unchosen.notes.length + unchosen.moreNotes, 'every note overlapping is drawn or counted, once')
  const starts = chosen.notes.map((note) => note.span.start)
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'in time order with the rest')

  // The Notes lane folded: none drawn but the chosen one, and the rest counted.
  const folded = notesInWindow(document, window, { most: 0, spacing, chosen: left.id })
  assert.deepEqual(folded.notes.map((note) => note.id), [left.id])
  assert.equal(folded.moreNotes, unchosen.notes.length + unchosen.moreNotes - 1)
  assert.deepEqual(notesInWindow(document, window, { most: 0, spacing }).notes, [], 'folded, nothing chosen: none drawn')

  const elsewhere = { start: Date.UTC(1800, 0, 1), end: Date.UTC(1801, 0, 1) }
  assert.deepEqual(notesInWindow(document, elsewhere, { most: 60, chosen: left.id }), { notes: [], moreNotes: 0, moreNotesAcross: 0 }, 'a chosen note outside the stretch is not drawn')
})
const runsAcross = (span: { start: number; end: number }, stretch: { start: number; end: number }) => span.start < stretch.start && span.end > stretch.end
const newerFirst = (a: { updated: string; id: string }, b: { updated: string; id: string }) => (a.updated === b.updated ? (a.id < b.id ? -1 : 1) : a.updated > b.updated ? -1 : 1)

test('a note drawn stays drawn as the analyst zooms in, while it is still in the stretch, unless three newer ones run across it too', () => {
  let stretch = { start: Date.UTC(1992, 0, 1), end: Date.UTC(2016, 0, 1) }
  let spacingMs = 2 ** 34 // about 200 days; halved at each step, as the engine's buckets are
  const spacing = () => ({ ms: spacingMs, notes: 2, beyond: 12, across: 3 })
  let before = notesInWindow(document, stretch, { most: 1_000, spacing: spacing() })
  let kept = 0
  // Zoomed in until the notes in the stretch are few enough to be drawn without spacing.
  while (before.moreNotes > 0) {
    const quarter = (stretch.end - stretch.start) / 4
    stretch = { start: stretch.start + quarter, end: stretch.end - quarter }
    spacingMs /= 2
    const after = notesInWindow(document, stretch, { most: 1_000, spacing: spacing() })
    const drawnAfter = new Set(after.notes.map((note) => note.id))
    const acrossAfter = after.notes.filter((note) => runsAcross(note.span, stretch))
    assert.ok(acrossAfter.length <= 3, `${acrossAfter.length} notes drawn across the whole stretch`)
    for (const note of before.notes.filter((note) => note.span.end >= stretch.start && note.span.start <= stretch.end)) {
      if (drawnAfter.has(note.id)) {
        kept++
        continue
      }
      assert.ok(runsAcross(note.span, stretch), `note ${note.id} was drawn before zooming in, is still in the stretch and does not run across it`)
      assert.equal(acrossAfter.length, 3)
      assert.ok(acrossAfter.every((drawn) => newerFirst(drawn, note) < 0), `the notes drawn across the stretch instead of ${note.id} are newer`)
    }
    before = after
  }
  assert.ok(kept > 50, `${kept} notes stayed drawn`)
})

test('at a day\'s zoom, the notes running across the whole stretch are three, the newest, and the rest are counted', () => {
  // Sixteen notes of a few months each around 9 November 1991 (the crowd the 10,000-event benchmark
  // timeline has there), and four on the day itself, hours apart.
  const template = document.annotations.find((note) => !note.deleted && note.anchor.kind === 'span')!
  const note = (n: number, date: string) => ({ ...template, id: `crowd-${n}`, anchor: { kind: 'span' as const, date }, updated: `2024-01-${String(n + 1).padStart(2, '0')}T00:00:00Z`, history: [] })
  const long = Array.from({ length: 16 }, (_, n) => note(n, `1991-${String(1 + (n % 9)).padStart(2, '0')}-0${1 + (n % 7)}/1992-0${1 + (n % 5)}-15`))
  const short = ['00', '06', '12', '18'].map((hour, n) => note(20 + n, `1991-11-09T${hour}:00Z/1991-11-09T${hour}:30Z`))
  const crowded = { ...document, annotations: [...long, ...short] }
  const stretch = { start: Date.UTC(1991, 10, 8), end: Date.UTC(1991, 10, 11) }
  const spacing = { ms: 2 ** 24, notes: 2, beyond: 12, across: 3 }

  const drawn = notesInWindow(crowded, stretch, { most: 60, spacing })
  const drawnAcross = drawn.notes.filter((drawnNote) => runsAcross(drawnNote.span, stretch))
  assert.deepEqual(drawnAcross.map((drawnNote) => drawnNote.id).sort(), ['crowd-13', 'crowd-14', 'crowd-15'], 'the three most recently edited')
  assert.deepEqual(drawn.notes.filter((drawnNote) => !runsAcross(drawnNote.span, stretch)).map((drawnNote) => drawnNote.id).sort(), short.map((n) => n.id).sort(), 'the notes on the day are all drawn')
  assert.equal(drawn.moreNotes, 13, 'the rest are counted')
  assert.equal(drawn.moreNotesAcross, 13, 'all thirteen run across the stretch: zooming in would not draw them')
  const unspaced = notesInWindow(crowded, stretch, { most: 60, spacing: { ...spacing, across: 60 } })
  assert.equal(unspaced.notes.length, 20, 'without the limit they are all drawn')
})

test('badge counts are the live notes on each event', () => {
  const counts = noteCountsByEvent(document)
  const byHand = new Map<string, number>()
  for (const note of document.annotations) {
    if (note.deleted || note.anchor.kind !== 'event') continue
    byHand.set(note.anchor.eventId, (byHand.get(note.anchor.eventId) ?? 0) + 1)
  }
  assert.ok(byHand.size > 0)
  assert.deepEqual(new Map(counts), byHand)
  const edited: typeof document = { ...document, annotations: document.annotations.map((note) => (note.anchor.kind === 'event' ? { ...note, deleted: '2026-11-28T10:00:00.000Z' } : note)) }
  assert.equal(noteCountsByEvent(edited).size, 0, 'counted again when the notes change')
})

test('the Notes tab gets one page of rows, with how many match and every author and tag', () => {
  const filter = { kind: 'span' as const }
  const page = listAnnotations(document, { ...filter, limit: 300 })
  const whole = listAnnotations(document, filter)
  assert.equal(page.length, 300)
  assert.deepEqual(page, whole.slice(0, 300), 'the page is the start of the full list')

  const summary = annotationSummary(document, filter)
  assert.equal(summary.matching, whole.length)
  assert.equal(summary.all, document.annotations.length)
  assert.deepEqual(summary.tags, [...new Set(document.annotations.flatMap((note) => note.tags))].sort())
  assert.deepEqual(summary.authors.map((a) => a.name), [...new Set(document.annotations.map((note) => note.author.name))].sort((a, b) => a.localeCompare(b)))

  const eventId = document.annotations.find((note) => note.anchor.kind === 'event' && !note.deleted)!.anchor
  assert.equal(eventId.kind, 'event')
  const onEvent = listAnnotations(document, { eventId: eventId.eventId })
  assert.equal(onEvent.length, noteCountsByEvent(document).get(eventId.eventId))
  assert.ok(onEvent.every((row) => row.annotation.anchor.kind === 'event' && row.annotation.anchor.eventId === eventId.eventId))
})
