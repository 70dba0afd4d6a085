/** Span notes in a figure: a tinted band each while few overlap, only their edges once tints would pile up. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderFigure } from '../../main/figure/renderFigure'
import { loadFigureFonts } from '../../main/figure/fonts'
import type { Annotation } from '../../main/domain/timeline'
import { annotatedSeed, GENERATED_AT, SEED_NOTES } from './fixtures'

const fonts = loadFigureFonts()

function winterWith(extra: Annotation[]) {
  const document = annotatedSeed()
  const figure = renderFigure(
    { ...document, annotations: [...document.annotations, ...extra] },
    { range: { kind: 'dates', from: '2021-11', to: '2022-02' }, title: 'Russia–West crisis', generatedAt: GENERATED_AT },
    { fonts },
  )
  return { bands: figure.svg.match(/<rect[^>]*fill-opacity="0.6"/g)?.length ?? 0, edges: figure.svg.match(/stroke-opacity="0.45"/g)?.length ?? 0 }
}

const spanNote = (id: string, date: string): Annotation => ({ ...SEED_NOTES[0]!, id, label: id, anchor: { kind: 'span', date } })

test('a span note alone, or two overlapping, are tinted bands with their edges', () => {
  assert.deepEqual(winterWith([]), { bands: 1, edges: 1 })
  assert.deepEqual(winterWith([spanNote('Talks week', '2022-01-09/2022-01-14')]), { bands: 2, edges: 2 })
})

test('three span notes over the same days: edges only, no tint piled up', () => {
  const figure = winterWith([spanNote('Talks week', '2022-01-09/2022-01-14'), spanNote('NATO meetings', '2022-01-12/2022-01-13')])
  assert.deepEqual(figure, { bands: 0, edges: 3 })
})
