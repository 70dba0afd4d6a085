/**
 * The bundled fonts are found from the script or working folder, and inside a packaged app
 * (app.asar, which native resvg cannot read) PNG export gets real copies of them.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ADVANCES_FILE, findFontsDir, loadFigureFonts } from '../../main/figure/fonts'
import { measureFonts } from '../../scripts/fontAdvances'
import { renderFigureFile } from '../../main/figure/figureFile'
import { PNG } from 'pngjs'
import { annotatedSeed } from './fixtures'

test('fonts inside an app.asar path are handed to resvg as real files outside it', async (t) => {
  const root = await mkdtemp(path.join(tmpdir(), 'annalist-asar-'))
  t.after(() => rm(root, { recursive: true, force: true }))
  const packaged = path.join(root, 'resources', 'app.asar', 'data', 'fonts')
  await cp(findFontsDir(), packaged, { recursive: true })
  const fonts = loadFigureFonts(packaged)
  const file = fonts.file('semibold')
  assert.doesNotMatch(file, /\.asar[\\/]/)
  assert.deepEqual(await readFile(file), await readFile(path.join(packaged, 'IBMPlexSans_600SemiBold.ttf')))
  const { bytes } = await renderFigureFile(annotatedSeed(), { size: { width: 800, height: 450 }, banner: 'UNCLASSIFIED // FOR OFFICIAL USE ONLY' }, 'png', fonts)
  const png = PNG.sync.read(Buffer.from(bytes))
  // The banner text is white on dark: if no font were loaded the banner row would be all dark.
  let light = 0
  const bannerRows = Math.round(15 * 0.72 * 2)
  for (let y = 0; y < bannerRows; y++) for (let x = 0; x < png.width; x++) if (png.data[(y * png.width + x) * 4]! > 200) light++
  assert.ok(light > 150, `banner text is drawn (${light} light pixels)`)
})

test('widths come from the font: wide letters are wider, semibold is wider, a character the font lacks is reserved an M', () => {
  const fonts = loadFigureFonts()
  const regular = fonts.metrics('regular')
  assert.ok(regular.width('WWWW', 12) > 2 * regular.width('iiii', 12))
  assert.ok(fonts.metrics('semibold').width('Geneva talks', 12) > regular.width('Geneva talks', 12))
  assert.equal(regular.width('Minsk', 24), 2 * regular.width('Minsk', 12))
  assert.ok(regular.draws('Ж'.codePointAt(0)!), 'Cyrillic is drawn')
  for (const char of ['中', '\uffff']) {
    assert.equal(regular.draws(char.codePointAt(0)!), false, `U+${char.codePointAt(0)!.toString(16)} is not drawn`)
    assert.equal(regular.width(char, 12), regular.width('M', 12))
  }
})

test('data/fonts/advances.json holds what fontkit reads from the fonts beside it (after changing a font, run npm run fonts)', async () => {
  const dir = findFontsDir()
  const stored = JSON.parse(await readFile(path.join(dir, ADVANCES_FILE), 'utf8')) as unknown
  assert.deepEqual(stored, await measureFonts(dir))
})
