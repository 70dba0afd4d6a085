/** The pieces a figure's layout rests on: text widths from the font, ticks for any range, label rows. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import PDFDocument from 'pdfkit'
import { loadFigureFonts } from '../../main/figure/fonts'
import { placeLabels, shareRows, type PlacementItem } from '../../main/figure/labelPlacement'
import { timeAxis } from '../../main/figure/timeAxis'
import { truncate, wrap } from '../../main/figure/textFit'

const fonts = loadFigureFonts()

test('text widths read from the TTF agree with pdfkit (which kerns) within 1.5 %', () => {
  const doc = new PDFDocument()
  for (const face of ['regular', 'semibold'] as const) {
    doc.font(fonts.file(face)).fontSize(15)
    for (const text of ['Biden–Putin video summit', 'NATO–Russia Council meets in Brussels', 'Путин – Рахмон', 'Zhanaozen 1991–2022 (A1)']) {
      const ours = fonts.metrics(face).width(text, 15)
      const theirs = doc.widthOfString(text)
      assert.ok(Math.abs(ours - theirs) / theirs < 0.015, `${face} "${text}": ${ours} vs ${theirs}`)
    }
  }
})

const utc = (text: string) => Date.parse(`${text}Z`)

test('ticks suit the range: decades to years, months, days, hours, minutes', () => {
  const cases: [string, string, RegExp, string[]][] = [
    ['1991-01-01T00:00', '2022-12-31T00:00', /^\d{4}$/, []],
    ['2021-06-01T00:00', '2022-06-01T00:00', /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/, ['2021', '2022']],
    ['2022-01-01T00:00', '2022-01-20T00:00', /^\d{1,2}$/, ['January 2022']],
    ['2022-01-10T06:00', '2022-01-11T06:00', /^\d\d:00$/, ['Mon 10 Jan 2022', 'Tue 11 Jan 2022']],
    ['2022-01-10T10:00', '2022-01-10T11:00', /^10:\d\d$|^11:00$/, ['Mon 10 Jan 2022']],
  ]
  for (const [from, to, shape, context] of cases) {
    const axis = timeAxis(utc(from), utc(to), 16)
    assert.ok(axis.minor.length >= 3 && axis.minor.length <= 17, `${from}–${to}: ${axis.minor.length} ticks`)
    for (const tick of axis.minor) {
      assert.match(tick.label, shape, `${from}–${to}`)
      assert.ok(tick.at >= utc(from) && tick.at <= utc(to))
    }
    assert.deepEqual(axis.major.map((t) => t.label), context)
  }
  // Years before 1 AD are labelled BC (ticks align to astronomical years, so -400 reads 401 BC).
  assert.deepEqual(timeAxis(Date.UTC(-500, 0), Date.UTC(1500, 0), 10).minor.slice(0, 2).map((t) => t.label), ['401 BC', '201 BC'])
})

test('labels never overlap in a row; what has no room is dropped, marker kept', () => {
  const bounds = { left: 0, right: 1000, gap: 10, offset: 5 }
  const items: PlacementItem[] = Array.from({ length: 40 }, (_, i) => ({ markerStart: i * 20, markerEnd: i * 20 + 10, labelWidth: 150, lead: 0, fitsInside: false }))
  const { placements, rows } = placeLabels(items, bounds, 3)
  assert.equal(rows, 3)
  const occupied: [number, number, number][] = []
  placements.forEach((p, i) => {
    if (p.side === 'none') return
    const it = items[i]!
    const span: [number, number] = p.side === 'right' ? [it.markerStart, it.markerEnd + 5 + it.labelWidth] : [it.markerStart - 5 - it.labelWidth, it.markerEnd]
    assert.ok(span[0] >= 0 && span[1] <= 1000)
    for (const [row, a, b] of occupied) if (row === p.row) assert.ok(span[0] >= b + 10 || span[1] + 10 <= a, 'no overlap')
    occupied.push([p.row, ...span])
  })
  const dropped = placements.filter((p) => p.side === 'none').length
  assert.ok(dropped > 0 && dropped < 40)
  // Markers are never dropped, and no marker lies on a label, however crowded the lane.
  const crowded: PlacementItem[] = Array.from({ length: 300 }, (_, i) => ({ markerStart: (i * 37) % 990, markerEnd: ((i * 37) % 990) + 8, labelWidth: 60 + (i % 5) * 30, lead: 0, fitsInside: false }))
  crowded.sort((a, b) => a.markerStart - b.markerStart)
  const dense = placeLabels(crowded, bounds, 4)
  assert.equal(dense.placements.length, 300)
  dense.placements.forEach((p, i) => {
    if (p.side === 'none') return
    const it = crowded[i]!
    const label = p.side === 'right' ? [it.markerEnd, it.markerEnd + 5 + it.labelWidth] : [it.markerStart - 5 - it.labelWidth, it.markerStart]
    dense.placements.forEach((q, j) => {
      if (j === i || q.row !== p.row) return
      const other = crowded[j]!
      assert.ok(other.markerEnd <= label[0]! || other.markerStart >= label[1]!, `marker ${j} lies on label ${i}`)
    })
  })
  // A label that fits inside its bar stays there.
  const bar = placeLabels([{ markerStart: 100, markerEnd: 600, labelWidth: 200, lead: 0, fitsInside: true }], bounds, 1)
  assert.deepEqual(bar.placements, [{ row: 0, side: 'inside' }])
  // Near the right edge a label goes to the left of its marker.
  const edge = placeLabels([{ markerStart: 950, markerEnd: 960, labelWidth: 200, lead: 0, fitsInside: false }], bounds, 1)
  assert.deepEqual(edge.placements, [{ row: 0, side: 'left' }])
})

test('rows are shared in proportion to need, at least one per lane', () => {
  assert.deepEqual(shareRows([2, 3, 1], 10), [2, 3, 1])
  const shared = shareRows([10, 1, 1, 30], 12)
  assert.equal(shared.reduce((a, b) => a + b, 0), 12)
  assert.ok(shared.every((s) => s >= 1))
  assert.ok(shared[3]! > shared[0]! && shared[0]! > 1)
})

test('truncate and wrap keep within the width and mark what was cut', () => {
  const regular = fonts.metrics('regular')
  const cut = truncate('US–Russia Strategic Stability Dialogue, Geneva (Sherman, Ryabkov)', regular, 15, 200)
  assert.ok(cut.endsWith('…') && regular.width(cut, 15) <= 200)
  const lines = wrap('one two three four five six seven eight nine ten eleven twelve thirteen fourteen', regular, 13, 120, 2)
  assert.equal(lines.length, 2)
  assert.ok(lines.every((l) => regular.width(l, 13) <= 120))
  assert.ok(lines[1]!.endsWith('…'))
  assert.deepEqual(wrap('short', regular, 13, 120, 3), ['short'])
})
