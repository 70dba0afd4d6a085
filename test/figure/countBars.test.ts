/** Crowded lanes drawn as counts: which lanes, by which stretch, and what a reader of the figure sees. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { countBarsFor } from '../../main/figure/countBars'
import type { FigureEvent } from '../../main/figure/figureContent'
import { renderFigure } from '../../main/figure/renderFigure'
import { loadFigureFonts } from '../../main/figure/fonts'
import type { TimelineDocument, TimelineEvent } from '../../main/domain/timeline'
import { GENERATED_AT } from './fixtures'
import { textsOf } from './svgText'

const fonts = loadFigureFonts()
const DAY = 86_400_000

function figureEvent(laneId: string, start: number): FigureEvent {
  const span = { start, end: start + DAY - 1, precision: 'day', interval: false, uncertain: false, approximate: false, openStart: false, openEnd: false } as FigureEvent['span']
  return { event: { id: `${laneId}-${start}` } as TimelineEvent, laneId, span, drawnAsSpan: false, grade: '' }
}

test('only a lane with more events than twice the markers across the chart is counted', () => {
  const start = Date.UTC(2021, 0, 1)
  // 1,000 px of 11 px point markers (at one px per unit): up to 180 events a lane are drawn one by one.
  const events = [
    ...Array.from({ length: 181 }, (_, i) => figureEvent('crowded', start + (i % 300) * DAY)),
    ...Array.from({ length: 180 }, (_, i) => figureEvent('busy', start + (i % 300) * DAY)),
  ]
  const counting = countBarsFor({ start, end: start + 365 * DAY, events }, 1_000, 1)
  assert.deepEqual([...counting!.bars.keys()], ['crowded'])
  assert.equal(counting!.events, 181)
  assert.equal(countBarsFor({ start, end: start + 365 * DAY, events: events.slice(1) }, 1_000, 1), null)
})

test('the stretch is the finest calendar unit whose bars are at least the narrowest width', () => {
  const events = (from: number) => Array.from({ length: 500 }, (_, i) => figureEvent('a', from + i * 3_600_000))
  const unit = (from: number, to: number, width: number) => countBarsFor({ start: from, end: to, events: events(from) }, width, 1)!.unit
  assert.equal(unit(Date.UTC(1991, 0, 1), Date.UTC(2022, 11, 31), 1_650), 'month')
  assert.equal(unit(Date.UTC(2021, 5, 1), Date.UTC(2022, 1, 28), 1_650), 'day')
  assert.equal(unit(Date.UTC(2022, 0, 10), Date.UTC(2022, 0, 14), 1_650), 'hour')
  assert.equal(unit(Date.UTC(2015, 0, 1), Date.UTC(2022, 11, 31), 1_650), 'week')
  assert.equal(unit(Date.UTC(1900, 0, 1), Date.UTC(2022, 11, 31), 1_650), 'quarter')
  assert.equal(unit(Date.UTC(1600, 0, 1), Date.UTC(2022, 11, 31), 1_650), 'year')
})

test('events are counted in the UTC stretch they start in: months, and weeks from Monday', () => {
  const at = (iso: string) => Date.parse(iso)
  const many = (laneId: string, dates: string[]) => [...dates.map((d) => figureEvent(laneId, at(d))), ...Array.from({ length: 400 }, () => figureEvent(laneId, at('2021-06-15T12:00:00Z')))]
  const months = countBarsFor({ start: at('1991-01-01T00:00:00Z'), end: at('2022-12-31T00:00:00Z'), events: many('a', ['2021-01-31T23:59:59Z', '2021-02-01T00:00:00Z', '2021-02-28T12:00:00Z']) }, 1_650, 1)!
  assert.equal(months.unit, 'month')
  assert.deepEqual(
    months.bars.get('a')!.map((bar) => [new Date(bar.from).toISOString().slice(0, 10), new Date(bar.to).toISOString().slice(0, 10), bar.count]),
    [['2021-01-01', '2021-02-01', 1], ['2021-02-01', '2021-03-01', 2], ['2021-06-01', '2021-07-01', 400]],
  )
  assert.equal(months.tallest, 400)
  const weeks = countBarsFor({ start: at('2015-01-01T00:00:00Z'), end: at('2022-12-31T00:00:00Z'), events: many('a', ['2021-06-06T23:00:00Z', '2021-06-07T01:00:00Z']) }, 1_650, 1)!
  assert.equal(weeks.unit, 'week')
  // Sunday 6 June is in the week of Monday 31 May; Monday 7 June starts the next, with the 400 on the 15th.
  assert.deepEqual(
    weeks.bars.get('a')!.map((bar) => [new Date(bar.from).toISOString().slice(0, 10), bar.count]),
    [['2021-05-31', 1], ['2021-06-07', 1], ['2021-06-14', 400]],
  )
})

test('events that began before the range are counted in its first stretch', () => {
  const start = Date.UTC(2021, 5, 1)
  const long = (i: number) => ({ ...figureEvent('a', Date.UTC(1991, 11, 26)), span: { ...figureEvent('a', 0).span, start: Date.UTC(1991, 11, 26), end: Date.UTC(2022, 0, 1) }, event: { id: `long-${i}` } as TimelineEvent })
  const events = [...Array.from({ length: 400 }, (_, i) => long(i)), ...Array.from({ length: 10 }, () => figureEvent('a', Date.UTC(2021, 6, 15)))]
  const counting = countBarsFor({ start, end: Date.UTC(2021, 11, 31), events }, 1_650, 1)!
  const bars = counting.bars.get('a')!.map((bar) => [new Date(bar.from).toISOString().slice(0, 10), bar.count])
  assert.deepEqual(bars, [['2021-06-01', 400], ['2021-07-15', 10]])
  assert.equal(counting.tallest, 400)
})

/** `count` events a day from 1 January 2021 in lane "dense", and three in lane "sparse". */
function crowdedTimeline(count: number, perDay: (day: number) => number): TimelineDocument {
  const lanes = [
    { id: 'dense', name: 'Agency wires', hidden: false },
    { id: 'sparse', name: 'Summits', hidden: false },
    { id: 'echo', name: 'Echo', hidden: false },
  ]
  const event = (id: string, date: string, lane: string, title: string): TimelineEvent => ({ id, title, date, description: '', lanes: [lane], tags: [], sources: [] })
  const dense: TimelineEvent[] = []
  for (let day = 0; dense.length < count; day++) {
    const date = new Date(Date.UTC(2021, 0, 1) + day * DAY).toISOString().slice(0, 10)
    for (let i = 0; i < perDay(day) && dense.length < count; i++) dense.push(event(`wire-${dense.length}`, date, 'dense', `Wire report ${dense.length}`))
  }
  // The same events again in a second crowded lane, so both lanes' bars can be compared.
  const echo = dense.map((e) => ({ ...e, id: `echo-${e.id}`, lanes: ['echo'] }))
  const sparse = [event('summit-1', '2021-06-16', 'sparse', 'Geneva summit'), event('summit-2', '2021-12-07', 'sparse', 'Video summit'), event('summit-3', '2022-01-10', 'sparse', 'Strategic stability talks')]
  return { schemaVersion: 1, meta: { title: 'Crowded', description: '', created: GENERATED_AT, updated: GENERATED_AT }, lanes, events: [...dense, ...echo, ...sparse], annotations: [] }
}

test('a crowded lane is drawn as bars, to one scale with the other crowded lanes; a sparse lane keeps its labelled events', () => {
  const document = crowdedTimeline(1_500, (day) => (day % 30 === 0 ? 40 : 5))
  const figure = renderFigure(document, { range: { kind: 'dates', from: '2021-01', to: '2022-01' }, generatedAt: GENERATED_AT }, { fonts })
  assert.deepEqual(figure.counted, { events: 3_000, unit: 'day', lanes: ['Agency wires', 'Echo'] })
  const texts = textsOf(figure.svg)
  assert.ok(texts.includes('Geneva summit') && texts.includes('Video summit'), 'the sparse lane is labelled')
  assert.ok(!texts.some((text) => text.startsWith('Wire report')), 'no event of a crowded lane is labelled')
  assert.ok(texts.some((text) => /^crowded lane: events per day, one scale \(tallest 40\)$/.test(text)), texts.join(' | '))
  assert.ok(texts.some((text) => text.includes('3000 events in crowded lanes drawn as counts per day')))
  assert.equal(figure.dropped.length, 0)
  // One path of bars per crowded lane; the same counts give the same bars in both lanes.
  const barPaths = [...figure.svg.matchAll(/<path d="([^"]+)" fill="[^"]+" fill-opacity="0.85"/g)].map((match) => match[1]!)
  assert.equal(barPaths.length, 2)
  const heights = (d: string) => [...d.matchAll(/M[\d.]+ ([\d.]+)V([\d.]+)/g)].map((m) => Math.round((Number(m[1]) - Number(m[2])) * 100) / 100)
  assert.deepEqual(heights(barPaths[0]!), heights(barPaths[1]!))
  // Bars are as tall as their counts: days of 40 events eight times the days of 5.
  const drawn = heights(barPaths[0]!)
  assert.ok(Math.abs(Math.max(...drawn) / Math.min(...drawn) - 8) < 0.1, `tallest ${Math.max(...drawn)}, shortest ${Math.min(...drawn)}`)
})

test('a figure with no crowded lane draws every event as before and says nothing about counts', () => {
  const document = crowdedTimeline(60, () => 1)
  const figure = renderFigure(document, { generatedAt: GENERATED_AT }, { fonts })
  assert.equal(figure.counted, null)
  assert.ok(!textsOf(figure.svg).some((text) => text.includes('counts') || text.includes('crowded')))
})

test('crowded lanes are drawn as tall as each other, even when the page cannot give each the rows it asks for', () => {
  const base = crowdedTimeline(400, (day) => (day % 7 === 0 ? 20 : 2))
  const dense = base.events.filter((e) => e.lanes[0] === 'dense')
  // Fifteen lanes with the same events: the slide has room for fewer than two rows each.
  const lanes = Array.from({ length: 15 }, (_, i) => ({ id: `lane-${i}`, name: `Lane ${i + 1}`, hidden: false }))
  const events = lanes.flatMap((lane) => dense.map((e) => ({ ...e, id: `${lane.id}-${e.id}`, lanes: [lane.id] })))
  const figure = renderFigure({ ...base, lanes, events }, { generatedAt: GENERATED_AT }, { fonts })
  assert.equal(figure.counted?.lanes.length, 15)
  const barPaths = [...figure.svg.matchAll(/<path d="([^"]+)" fill="[^"]+" fill-opacity="0.85"/g)].map((match) => match[1]!)
  const tallest = barPaths.map((d) => Math.max(...[...d.matchAll(/M[\d.]+ ([\d.]+)V([\d.]+)/g)].map((m) => Number(m[1]) - Number(m[2]))))
  assert.equal(tallest.length, 15)
  for (const height of tallest) assert.ok(Math.abs(height - tallest[0]!) < 0.02, `bars ${tallest.join(', ')}`)
})

test('stretches in early years and before 1970 start where they should', () => {
  const at = (year: number, month: number, day: number) => {
    const d = new Date(0)
    d.setUTCFullYear(year, month, day)
    return d.getTime()
  }
  // Years 0–99 are not 1900–1999, and negative years and months count back correctly.
  for (const [year, width, unit] of [[45, 1_650, 'year'], [1815, 1_650, 'month'], [-44, 1_650, 'quarter']] as const) {
    const start = at(year, 0, 1)
    const spanMs = { year: 600, month: 30, quarter: 120 }[unit] * 365.25 * DAY
    const events = Array.from({ length: 400 }, (_, i) => figureEvent('a', at(year, 1 + (i % 5), 10)))
    const counting = countBarsFor({ start, end: start + spanMs, events }, width, 1)!
    assert.equal(counting.unit, unit)
    const first = counting.bars.get('a')![0]!
    assert.ok(first.from <= at(year, 1, 10) && at(year, 1, 10) < first.to, `${unit} of year ${year}: ${new Date(first.from).toISOString()}–${new Date(first.to).toISOString()}`)
  }
})
