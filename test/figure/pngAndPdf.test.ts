/**
 * PNG and PDF as a reader receives them: the PNG has exactly the pixels asked for, is not blank and
 * has its banner; the PDF is vector, its text layer holds the event titles in the bundled font.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { PNG } from 'pngjs'
import { renderFigureFile } from '../../main/figure/figureFile'
import { loadFigureFonts } from '../../main/figure/fonts'
import { annotatedSeed, GENERATED_AT, hostileTimeline } from './fixtures'

const fonts = loadFigureFonts()
const winter = { range: { kind: 'dates', from: '2021-11', to: '2022-02' }, banner: 'UNCLASSIFIED', generatedAt: GENERATED_AT } as const

function darkness(png: PNG, x: number, y: number): number {
  const i = (png.width * y + x) * 4
  return 255 - (png.data[i]! * 0.299 + png.data[i + 1]! * 0.587 + png.data[i + 2]! * 0.114)
}

test('PNG: exact size × scale, not blank, dark banner at top and bottom', async () => {
  for (const [size, scale, width, height] of [
    [{ preset: 'slide' }, 1, 1920, 1080],
    [{ preset: 'a4-landscape' }, 2, 2246, 1588],
    [{ width: 640, height: 480 }, 3, 1920, 1440],
  ] as const) {
    const { bytes } = await renderFigureFile(annotatedSeed(), { ...winter, size, scale }, 'png', fonts)
    const png = PNG.sync.read(Buffer.from(bytes))
    assert.equal(png.width, width)
    assert.equal(png.height, height)
    let inked = 0
    for (let y = 0; y < png.height; y += 2) for (let x = 0; x < png.width; x += 2) if (darkness(png, x, y) > 40) inked++
    assert.ok(inked / ((png.width * png.height) / 4) > 0.03, 'more than 3 % of the figure is drawn')
    for (const row of [Math.round(2 * scale), png.height - Math.round(2 * scale)]) {
      let dark = 0
      for (let x = 0; x < png.width; x++) if (darkness(png, x, row) > 200) dark++
      assert.ok(dark > png.width * 0.9, `banner row ${row} is dark`)
    }
  }
})

test('PNG: text is drawn with the bundled font even for hostile titles (no system fonts needed)', async () => {
  const { bytes } = await renderFigureFile(hostileTimeline(), {}, 'png', fonts)
  const png = PNG.sync.read(Buffer.from(bytes))
  assert.equal(png.width, 1920)
})

async function pdfText(bytes: Uint8Array): Promise<{ text: string; width: number; height: number; fonts: Set<string> }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise
  assert.equal(pdf.numPages, 1)
  const page = await pdf.getPage(1)
  const content = await page.getTextContent()
  const items = content.items.filter((item): item is Extract<typeof item, { str: string }> => 'str' in item)
  const viewport = page.getViewport({ scale: 1 })
  return { text: items.map((i) => i.str).join(''), width: viewport.width, height: viewport.height, fonts: new Set(items.map((i) => content.styles[i.fontName]?.fontFamily ?? i.fontName)) }
}

test('PDF: one vector page of the figure size whose text layer holds every title shown', async () => {
  const document = annotatedSeed()
  const { bytes, figure } = await renderFigureFile(document, { ...winter, size: { preset: 'a4-landscape' } }, 'pdf', fonts)
  assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), '%PDF-')
  const { text, width, height } = await pdfText(bytes)
  assert.ok(Math.abs(width - 1123 * 0.75) < 1 && Math.abs(height - 794 * 0.75) < 1, `A4 landscape in points, got ${width} × ${height}`)
  const squeeze = (s: string) => s.replace(/\s+/g, '')
  const dropped = new Set(figure.dropped.map((d) => d.eventId))
  for (const id of figure.eventIds) {
    if (dropped.has(id)) continue
    const title = document.events.find((e) => e.id === id)!.title
    assert.ok(squeeze(text).includes(squeeze(title)), `"${title}" is text in the PDF`)
  }
  assert.ok(squeeze(text).includes('UNCLASSIFIED'))
  assert.ok(squeeze(text).includes('Kazakhstanunrest'))
  // The font is embedded, not a bitmap of text: pdfkit names embedded TTF subsets "XXXXXX+PostScriptName".
  assert.match(Buffer.from(bytes).toString('latin1'), /\/FontName \/[A-Z]{6}\+IBMPlexSans-Regular/)
})
