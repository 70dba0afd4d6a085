import { test } from 'node:test'
import assert from 'node:assert/strict'
import { noteTitle, shortened } from '../../main/domain/shortText'

test('a short text stays whole, on one line', () => {
  assert.equal(shortened('  Geneva\n talks  ', 60), 'Geneva talks')
  assert.equal(shortened('x'.repeat(60), 60), 'x'.repeat(60))
})

test('a long text is cut after the last whole word that fits, with an ellipsis, within the room', () => {
  const title = 'US–Russia Strategic Stability Dialogue, Geneva (Sherman, Ryabkov)'
  const short = shortened(title, 50)
  assert.equal(short, 'US–Russia Strategic Stability Dialogue, Geneva…')
  assert.ok(short.length <= 50)
  assert.equal(shortened(title, 59), 'US–Russia Strategic Stability Dialogue, Geneva (Sherman…', 'no comma left before the ellipsis')
})

test('one very long word is cut inside it', () => {
  assert.equal(shortened('Zhanaozen'.repeat(10), 20), `${'Zhanaozen'.repeat(3).slice(0, 19)}…`)
})

test("a note's title: its label, else the first line with words, else a placeholder", () => {
  assert.equal(noteTitle({ label: '  Withdrawal timing ', text: 'Watch whether the CSTO withdraws.' }, 80), 'Withdrawal timing')
  assert.equal(noteTitle({ label: '', text: '\n  \nWatch whether the CSTO withdraws.\nSecond line.' }, 80), 'Watch whether the CSTO withdraws.')
  assert.equal(noteTitle({ label: ' ', text: ' \n ' }, 80), 'Untitled note')
  const long = noteTitle({ label: '', text: 'It is almost certain that the Ukrainian president holds talks on naval patrols in the Black Sea before the summit' }, 80)
  assert.equal(long, 'It is almost certain that the Ukrainian president holds talks on naval patrols…')
})
