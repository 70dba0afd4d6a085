/** A figure over a range with more notes than the page can list: only the listed notes are marked. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderFigure } from '../../main/figure/renderFigure'
import { loadFigureFonts } from '../../main/figure/fonts'
import type { Annotation } from '../../main/domain/timeline'
import { annotatedSeed, GENERATED_AT, SEED_NOTES } from './fixtures'
import { textsOf } from './svgText'

const fonts = loadFigureFonts()

/** The markup of the group with this id, nested groups included. */
function group(svg: string, id: string): string {
  const start = svg.indexOf(`<g id="${id}">`)
  assert.ok(start >= 0, `no group ${id}`)
  let depth = 0
  for (const tag of svg.slice(start).matchAll(/<g[ >]|<\/g>/g)) {
    depth += tag[0] === '</g>' ? -1 : 1
    if (depth === 0) return svg.slice(start, start + tag.index! + 4)
  }
  throw new Error(`group ${id} is not closed`)
}

test('notes beyond what the page can list are left out of the chart too, and counted', () => {
  const document = annotatedSeed()
  const many: Annotation[] = Array.from({ length: 300 }, (_, i) => ({
    ...SEED_NOTES[1]!,
    id: `moment-${i}`,
    label: `Reading ${i + 1}`,
    anchor: { kind: 'moment', date: `2022-01-${String((i % 28) + 1).padStart(2, '0')}` },
  }))
  const figure = renderFigure(
    { ...document, annotations: [...document.annotations, ...many] },
    { range: { kind: 'dates', from: '2021-11', to: '2022-02' }, title: 'Many readings', generatedAt: GENERATED_AT },
    { fonts },
  )
  const listed = 303 - figure.notesOmitted
  assert.ok(listed > 0 && figure.notesOmitted > 250, `${listed} listed, ${figure.notesOmitted} omitted`)
  const chart = group(figure.svg, 'annalist-figure-chart')
  // Badge numbers; the axis's years are the chart's only other numbers.
  const numbers = textsOf(chart).filter((t) => /^\d{1,3}$/.test(t)).map(Number)
  assert.ok(numbers.length > 0 && numbers.every((n) => n <= listed), `chart numbers ${numbers.join(' ')} beyond the ${listed} listed`)
  assert.ok(textsOf(figure.svg).some((t) => t.startsWith(`${figure.notesOmitted} more notes are in the timeline but do not fit`)))
})
