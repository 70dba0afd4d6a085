/**
 * The export dialog's switches as a reader of the figure sees them: lane names, source grades and
 * analyst notes are in the figure when on (the default) and gone when off.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { XMLValidator } from 'fast-xml-parser'
import { renderFigure } from '../../main/figure/renderFigure'
import { loadFigureFonts } from '../../main/figure/fonts'
import { RememberedOptionsSchema } from '../../main/figure/options'
import { annotatedSeed, GENERATED_AT, SEED_NOTES } from './fixtures'
import { textsOf } from './svgText'

const fonts = loadFigureFonts()

function winter(overrides: Parameters<typeof renderFigure>[1] = {}) {
  const figure = renderFigure(
    annotatedSeed(),
    { range: { kind: 'dates', from: '2021-11', to: '2022-02' }, title: 'Russia–West crisis', generatedAt: GENERATED_AT, ...overrides },
    { fonts },
  )
  assert.equal(XMLValidator.validate(figure.svg), true)
  return { ...figure, texts: textsOf(figure.svg) }
}

test('by default the figure names its lanes, grades its events and lists the notes', () => {
  const { texts, svg } = winter()
  assert.ok(texts.includes('Russia'), 'lane name')
  assert.ok(texts.includes('SOURCE GRADES'))
  assert.ok(texts.includes('A1'), 'a grade after a label or in the key')
  for (const note of SEED_NOTES) assert.ok(texts.some((t) => t.includes(note.label!)), `note ${note.label}`)
  assert.match(svg, /annalist-figure-lane-names"><rect/)
})

test('lane names off: no name column, the rows keep their colours', () => {
  const { svg, texts } = winter({ legend: { lanes: false, grades: true } })
  assert.match(svg, /id="annalist-figure-lane-names"><\/g>/)
  assert.ok(!texts.includes('Kazakhstan & CSTO'), 'no lane name drawn')
  assert.ok(texts.includes('SOURCE GRADES'))
})

test('source grades off: no grade key and no grade code after any label', () => {
  const { texts } = winter({ legend: { lanes: true, grades: false } })
  assert.ok(!texts.includes('SOURCE GRADES'))
  assert.ok(!texts.some((t) => /^[A-F][1-6]$/.test(t)), `a grade code is still drawn: ${texts.filter((t) => /^[A-F][1-6]$/.test(t))}`)
  assert.ok(texts.includes('Russia'), 'lane names stay')
})

test('notes off: no callouts, bands or note text', () => {
  const on = winter()
  const off = winter({ notes: false })
  for (const note of SEED_NOTES) {
    assert.ok(!off.texts.some((t) => t.includes(note.label!)), `note ${note.label} still drawn`)
    assert.ok(!off.texts.some((t) => t.includes(note.text.slice(0, 30))), `note text of ${note.label} still listed`)
  }
  assert.ok(!off.texts.includes('analyst note, listed above'), 'no note entry in the key')
  assert.ok(on.texts.includes('analyst note, listed above'))
  assert.match(off.texts.find((t) => t.startsWith('Generated on'))!, /· 0 notes/)
})

test('remembered options from before the switches existed still load, with the switches on', () => {
  const old = RememberedOptionsSchema.parse({ range: { kind: 'whole' }, size: { preset: 'slide' }, scale: 2, title: 'x', subtitle: '', banner: '', footnotes: false })
  assert.deepEqual(old.legend, { lanes: true, grades: true })
  assert.equal(old.notes, true)
})

test("the timeline window's filter carries into the figure: tags, and a source graded this well or better", () => {
  const all = winter({ legend: { lanes: true, grades: false } })
  const unrest = winter({ legend: { lanes: true, grades: false }, filter: { tags: ['unrest'] } })
  assert.equal(unrest.eventIds.length, 3, 'Kazakhstan unrest, CSTO deployment, Wang Yi call')
  assert.ok(unrest.texts.some((t) => t.startsWith('Unrest in Kazakhstan')))
  assert.ok(!unrest.texts.some((t) => t.startsWith('Biden–Putin video summit')), 'an untagged event is left out')
  assert.ok(all.eventIds.length > unrest.eventIds.length)
  // A1 or better: the video summit (an A1 source) stays, the Kazakhstan unrest (best source B2) goes.
  const graded = winter({ filter: { minGrade: 'A1' } })
  assert.ok(graded.eventIds.includes('biden-putin-video-summit'))
  assert.ok(!graded.eventIds.some((id) => id.includes('kazakhstan-unrest')), 'best source B2 is below A1')
})
