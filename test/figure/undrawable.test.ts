/**
 * Characters the figure's font cannot draw (IBM Plex Sans has no Arabic, Hebrew or Chinese): PNG and
 * PDF are drawn with the bundled font alone, so the figure says which characters they lack.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadFigureFonts } from '../../main/figure/fonts'
import { renderFigure } from '../../main/figure/renderFigure'
import { annotatedSeed, hostileTimeline } from './fixtures'

const fonts = loadFigureFonts()

test('the seed figure, with every part shown, has nothing the font cannot draw', () => {
  const figure = renderFigure(annotatedSeed(), { footnotes: true, banner: 'UNCLASSIFIED – for training · “quoted”…' }, { fonts })
  assert.deepEqual(figure.undrawable, [])
})

test('Arabic, Hebrew and Chinese in titles and notes are named; markup, spaces and control characters are not', () => {
  const document = hostileTimeline()
  document.events[0]!.title = '王毅与哈萨克斯坦外长通电话'
  const figure = renderFigure(document, { footnotes: true }, { fonts })
  for (const char of ['王', '毅', 'ق', 'ب', 'פ', 'ג']) assert.ok(figure.undrawable.includes(char), `${char} is named`)
  for (const char of ['<', '&', '"', ' ', '\u0007', '\u0000', '\uD800', 'a', 'é']) assert.ok(!figure.undrawable.includes(char), `${JSON.stringify(char)} is not named`)
  assert.equal(new Set(figure.undrawable).size, figure.undrawable.length, 'each named once')
})
