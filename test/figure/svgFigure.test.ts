/**
 * The SVG figure as a reader checks it: well-formed, every event in range labelled (or counted as
 * omitted), nothing from outside the range, notes numbered with their text, author and judgement,
 * key, banner and "generated on" line present.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { XMLValidator } from 'fast-xml-parser'
import { readDate } from '../../main/domain/dates'
import { renderFigure } from '../../main/figure/renderFigure'
import { loadFigureFonts } from '../../main/figure/fonts'
import { FigureRangeError } from '../../main/figure/figureContent'
import { annotatedSeed, GENERATED_AT, SEED_NOTES } from './fixtures'
import { textsOf } from './svgText'

const fonts = loadFigureFonts()
const BANNER = 'UNCLASSIFIED // FOR OFFICIAL USE ONLY'

function winter(overrides: Parameters<typeof renderFigure>[1] = {}) {
  return renderFigure(
    annotatedSeed(),
    { range: { kind: 'dates', from: '2021-11', to: '2022-02' }, title: 'Russia–West crisis', subtitle: 'Winter 2021–22', banner: BANNER, generatedAt: GENERATED_AT, ...overrides },
    { fonts },
  )
}

test('the figure is well-formed XML of the requested size', () => {
  const figure = winter()
  assert.equal(XMLValidator.validate(figure.svg), true)
  assert.match(figure.svg, /<svg [^>]*width="1920" height="1080"/)
  const a4 = winter({ size: { preset: 'a4-portrait' } })
  assert.equal(XMLValidator.validate(a4.svg), true)
  assert.match(a4.svg, /<svg [^>]*width="794" height="1123"/)
})

test('every event in the range is labelled or listed as omitted, and nothing outside the range appears', () => {
  const document = annotatedSeed()
  // 2021-11 to 2022-02: from 1 November 2021 to the last instant of 28 February 2022.
  const start = Date.UTC(2021, 10, 1)
  const end = Date.UTC(2022, 2, 1) - 1
  for (const size of [{ preset: 'slide' as const }, { preset: 'a4-landscape' as const }, { width: 700, height: 500 }]) {
    const figure = winter({ size })
    const texts = textsOf(figure.svg)
    const dropped = new Set(figure.dropped.map((d) => d.eventId))
    let inRange = 0
    for (const event of document.events) {
      const reading = readDate(event.date)
      assert.ok(reading.ok)
      const within = reading.span.end >= start && reading.span.start <= end
      const labelled = texts.some((t) => t.startsWith(event.title))
      if (within) {
        inRange++
        assert.ok(labelled !== dropped.has(event.id), `${event.title} (${JSON.stringify(size)}) is labelled or dropped, not both or neither`)
        assert.ok(figure.eventIds.includes(event.id))
      } else {
        assert.ok(!labelled, `${event.title} lies outside the range but is in the figure`)
        assert.ok(!figure.eventIds.includes(event.id))
      }
    }
    assert.equal(figure.eventIds.length, inRange)
    if (figure.dropped.length) assert.ok(texts.some((t) => t.startsWith(`${figure.dropped.length} label`)), 'the figure says how many labels it omitted')
  }
})

test('a cramped figure drops labels, says so, and returns them to the caller', () => {
  const figure = winter({ size: { width: 480, height: 360 } })
  assert.ok(figure.dropped.length > 0)
  assert.ok(textsOf(figure.svg).includes(`${figure.dropped.length} labels omitted for space (markers shown)`))
})

test('notes are numbered in time order and listed below the chart with author and judgement', () => {
  const texts = textsOf(winter().svg)
  // Time order: the summit (7 Dec) is 1, the Kazakhstan span (2 Jan) 2, the 10 January moment 3.
  for (const [number, label] of [['1', 'Sanctions warning'], ['2', 'Kazakhstan unrest'], ['3', 'Week of talks opens']] as const) {
    assert.ok(texts.filter((t) => t === number).length >= 2, `badge ${number} appears in the chart and beside its note`)
    assert.ok(texts.includes(label), `note label ${label}`)
  }
  assert.ok(texts.includes('JA (Jane Analyst) · likely (moderate confidence)'))
  assert.ok(texts.includes('JA (Jane Analyst) · very likely (high confidence)'))
  assert.ok(texts.includes('TR (Tom Reader)'))
  const body = texts.join(' ')
  for (const note of SEED_NOTES) assert.ok(body.includes(note.text.split(' ').slice(0, 6).join(' ')), `text of ${note.id}`)
})

test('the figure carries title, subtitle, banner top and bottom, key, lane legend, grades and generated line', () => {
  const figure = winter({ footnotes: true })
  const texts = textsOf(figure.svg)
  assert.equal(texts.filter((t) => t === BANNER).length, 2)
  for (const expected of ['Russia–West crisis', 'Winter 2021–22', 'KEY', 'exact day or time', 'month, year or interval', 'SOURCE GRADES', 'A1', 'completely reliable; confirmed by other sources']) {
    assert.ok(texts.includes(expected), `missing "${expected}"`)
  }
  // Lanes with events are rows named on the left; the others are named under the chart, not drawn empty.
  const under = texts.find((t) => t.startsWith('All dates and times UTC'))
  assert.equal(under, 'All dates and times UTC · No events in this range: Ukraine, Central Asia & Afghanistan')
  for (const lane of annotatedSeed().lanes) assert.ok(texts.includes(lane.name) || under.includes(lane.name), `lane ${lane.name}`)
  assert.ok(texts.some((t) => t.startsWith('SOURCES (')))
  assert.ok(texts.some((t) => t.startsWith('Generated on 28 November 2026 from “Russia, the US and NATO')))
})

test('lane and event filters follow the caller', () => {
  const onlyTwo = winter({ laneIds: ['kazakhstan-csto', 'china'] })
  const texts = textsOf(onlyTwo.svg)
  assert.ok(texts.includes('Kazakhstan & CSTO') && texts.includes('China'))
  assert.ok(!texts.includes('United States'))
  // An event in several lanes is drawn in the first one shown, as in the timeline window.
  assert.deepEqual(new Set(onlyTwo.eventIds), new Set(['kazakhstan-unrest-2022', 'csto-kazakhstan-deployment', 'wang-yi-tileuberdi-call', 'putin-rahmon-call-2022-01']))
  const picked = winter({ eventIds: ['geneva-ssd-2022'] })
  assert.deepEqual(picked.eventIds, ['geneva-ssd-2022'])
  // The summit's note goes with the summit: filtered out, so is its callout.
  assert.ok(!textsOf(picked.svg).includes('Sanctions warning'))
})

test('the whole timeline spans 1991 to 2022; a view range in ms is honoured exactly', () => {
  const whole = renderFigure(annotatedSeed(), { generatedAt: GENERATED_AT }, { fonts })
  assert.equal(whole.eventIds.length, annotatedSeed().events.length)
  const texts = textsOf(whole.svg)
  assert.ok(texts.includes('1992') || texts.includes('1995'))
  const view = renderFigure(annotatedSeed(), { range: { kind: 'view', start: Date.UTC(2022, 0, 10, 6), end: Date.UTC(2022, 0, 10, 20) } }, { fonts })
  assert.ok(view.eventIds.includes('geneva-ssd-2022'))
  assert.ok(!view.eventIds.includes('nato-russia-council-2022'))
  assert.ok(textsOf(view.svg).includes('12:00'), 'hour ticks for a day-long view')
})

test('a range that ends before it starts is refused in words', () => {
  assert.throws(() => winter({ range: { kind: 'dates', from: '2022-02', to: '2021-11' } }), FigureRangeError)
  assert.throws(() => winter({ range: { kind: 'view', start: 10, end: 5 } }), /ends before it starts/)
})

test('an SVG file embeds its font as a data: URI; a preview does not', () => {
  const preview = winter()
  assert.doesNotMatch(preview.svg, /<style/)
  const file = renderFigure(annotatedSeed(), { generatedAt: GENERATED_AT }, { fonts, embedFont: true })
  assert.match(file.svg, /@font-face\{font-family:'IBM Plex Sans';font-weight:400;src:url\(data:font\/ttf;base64,/)
  assert.equal(XMLValidator.validate(file.svg), true)
})

test('small and odd sizes still give a sound figure: no negative or NaN geometry, text inside the page', () => {
  for (const [width, height] of [[320, 320], [320, 2000], [2000, 320], [480, 360], [10_000, 10_000]] as const) {
    const figure = renderFigure(
      annotatedSeed(),
      { size: { width, height }, banner: 'UNCLASSIFIED // FOR OFFICIAL USE ONLY AND A LONG CAVEAT', subtitle: 'A long subtitle for a small page', footnotes: true },
      { fonts },
    )
    assert.equal(XMLValidator.validate(figure.svg), true)
    assert.doesNotMatch(figure.svg, /NaN|Infinity/)
    assert.doesNotMatch(figure.svg, /\s(width|height|r)="-/, `${width}×${height}: negative size`)
    for (const match of figure.svg.matchAll(/<text x="([-\d.]+)" y="([-\d.]+)"/g)) {
      const [x, y] = [Number(match[1]), Number(match[2])]
      assert.ok(x >= 0 && x <= width && y >= 0 && y <= height, `${width}×${height}: text at ${x},${y}`)
    }
  }
})
