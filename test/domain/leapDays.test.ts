/**
 * 29 February in a year without one: the EDTF grammar lets it through and reads it as 1 March, so
 * Annalist refuses it where dates are entered, while a file that already holds one still opens and
 * says which dates to correct.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import fc from 'fast-check'
import { DatesToCorrect } from '../../main/domain/datesToCorrect'
import { readDate, readEnteredDate } from '../../main/domain/dates'
import { applyEdit } from '../../main/edits/edit'
import { readDateStyle } from '../../main/formats/dateStyles'
import { serializeTimeline } from '../../main/store/timelineFile'
import { TimelineSession } from '../../main/timelineSession'
import { seedDocument, testContexts, GENEVA } from '../edits/fixtures'
import { note, sampleDocument, tempLibrary } from '../store/helpers'

const refusal = (text: string) => {
  const reading = readEnteredDate(text)
  return reading.ok ? null : reading.error
}

test('an entered 29 February is refused in a common year, in the words used for 30 February', () => {
  assert.equal(refusal('2021-02-29'), 'February 2021 has only 28 days, so "2021-02-29" is not a date')
  for (const text of ['2021-02-29?', '2021-02-29~', '2021-02-29T10:00:00Z', '2021-02-20/2021-02-29', '2020-02-29/2021-02-29', '[2021-02-29,2021-03-02]', '1900-02-29', '-0043-02-29']) {
    assert.match(refusal(text) ?? 'accepted', /has only 28 days/, text)
  }
  // Leap years: every fourth year, not centuries, but every fourth century; astronomical years BC.
  for (const text of ['2020-02-29', '2000-02-29', '2024-02-29/2024-03-01', '-0044-02-29', '2021-02-28', '2021-02', '2021-12-29']) {
    assert.equal(refusal(text), null, text)
  }
  // Other impossible days were already refused by the grammar itself.
  assert.match(refusal('2021-02-30') ?? 'accepted', /has only 28 days/)
})

test('a date already in a file is still read where it was drawn before (1 March)', () => {
  const reading = readDate('2021-02-29')
  assert.ok(reading.ok)
  assert.equal(new Date(reading.span.start).toISOString(), '2021-03-01T00:00:00.000Z')
})

test('editing and importing refuse it; the event date and source dates alike', () => {
  const seed = seedDocument()
  const context = testContexts()
  const event = { title: 'Talks', date: '2021-02-29', lanes: ['russia'], tags: [], sources: [] }
  assert.throws(() => applyEdit(seed, { kind: 'addEvent', event }, context()), { message: 'The event date: February 2021 has only 28 days, so "2021-02-29" is not a date' })
  const sourced = { ...event, date: '2021-03-01', sources: [{ title: 'Cable', publisher: '', grade: 'B2', date: '2021-02-29' }] }
  assert.throws(() => applyEdit(seed, { kind: 'updateEvent', id: GENEVA, event: sourced }, context()), /The date of source 1 \(“Cable”\): February 2021 has only 28 days/)
  assert.match((readDateStyle('29/02/2021') as { message?: string }).message ?? 'accepted', /has only 28 days/)
  assert.match((readDateStyle('2021-02-29') as { message?: string }).message ?? 'accepted', /has only 28 days/)
  assert.deepEqual(readDateStyle('29/02/2020'), { kind: 'date', edtf: '2020-02-29' })
})

test('a file holding such dates opens, names them, and the notice goes once they are corrected', async () => {
  const library = await tempLibrary()
  const document = sampleDocument()
  document.events[0]!.date = '2021-02-29'
  document.events[0]!.sources[0]!.date = '1900-02-29'
  document.annotations.push({ ...note('note-1', 'Troops massing'), label: 'Build-up', anchor: { kind: 'span', date: '2022-02-01/2023-02-29' } })
  await writeFile(library.file(), serializeTimeline(document))
  const session = await TimelineSession.open(library.file(), { dataDir: library.dataDir })
  try {
    const [notice, ...more] = session.view().notices
    assert.equal(more.length, 0)
    assert.equal(
      notice,
      '3 dates name 29 February in a year that has none, and are drawn on 1 March: the event “US–Russia Strategic Stability Dialogue, Geneva” (2021-02-29); the source “state.gov travel notice” of “US–Russia Strategic Stability Dialogue, Geneva” (1900-02-29); the note “Build-up” (2022-02-01/2023-02-29). Correct them in the details to keep them where intended.',
    )
    const fixed = { title: document.events[0]!.title, date: '2021-02-28', lanes: ['russia'], tags: [], sources: [{ title: 'state.gov travel notice', publisher: '', grade: 'A1', date: '1900-02-28' }] }
    await session.applyEdit({ kind: 'updateEvent', id: 'geneva', event: fixed })
    assert.match(session.view().notices.join(''), /^One date names 29 February in a year that has none, and is drawn on 1 March: the note “Build-up” \(2022-02-01\/2023-02-29\)\. Correct it/)
    await session.applyEdit({ kind: 'updateAnnotation', id: 'note-1', content: { anchor: { kind: 'span', date: '2022-02-01/2023-02-28' }, text: 'Troops massing' } }, { name: 'Jane Analyst', initials: 'JA' })
    assert.deepEqual(session.view().notices, [])
  } finally {
    await session.close()
    await library.remove()
  }
})

test('the notice kept from version to version names what a fresh reading of each version names', () => {
  // Each step makes the next version as edits and restores do: the lists copied, entries replaced,
  // removed or inserted in place, the rest the very same objects.
  const base = seedDocument()
  const event = (at: number, date: string, sourceDate?: string, title?: string) => {
    const original = base.events[at % base.events.length]!
    const sources = original.sources.map((source, n) => (n === 0 && sourceDate ? { ...source, date: sourceDate } : source))
    return { ...original, id: `e-${at}-${date}`, date, title: title ?? original.title, sources }
  }
  const span = (id: string, date: string) => ({ ...note(id, 'Build-up'), label: `Note ${id}`, anchor: { kind: 'span' as const, date } })
  const step = fc.oneof(
    fc.record({ kind: fc.constant('put' as const), at: fc.nat(30), date: fc.constantFrom('2021-02-29', '2020-02-29', '1999-05-01'), source: fc.constantFrom(undefined, '1900-02-29', '2000-02-29'), title: fc.constantFrom(undefined, 'Renamed talks') }),
    fc.record({ kind: fc.constant('remove' as const), at: fc.nat(30) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(30), date: fc.constantFrom('2023-02-29', '2024-02-29') }),
    fc.record({ kind: fc.constant('note' as const), at: fc.nat(5), date: fc.constantFrom('2022-02-01/2023-02-29', '2022-02-01/2023-02-28') }),
  )
  fc.assert(
    fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
      const kept = new DatesToCorrect()
      let document = { ...base, events: base.events.map((_, at) => event(at, at % 3 === 0 ? '2021-02-29' : '1999-05-01')), annotations: [span('n0', '2022-02-01/2023-02-29')] }
      assert.deepEqual(kept.notice(document), new DatesToCorrect().notice(document))
      for (const change of steps) {
        const events = [...document.events]
        const annotations = [...document.annotations]
        const at = change.at % Math.max(1, events.length)
        if (change.kind === 'put') events[at] = event(at, change.date, change.source, change.title)
        if (change.kind === 'remove') events.splice(at, 1)
        if (change.kind === 'insert') events.splice(at, 0, event(at, change.date))
        if (change.kind === 'note') annotations[change.at % (annotations.length + 1)] = span(`n${change.at}`, change.date)
        document = { ...document, events, annotations }
        assert.deepEqual(kept.notice(document), new DatesToCorrect().notice(document))
      }
    }),
  )
})
