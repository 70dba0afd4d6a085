/**
 * Measures the bundled fonts for the figure renderer: each face's advance width for every character
 * it draws, read from the TTF with fontkit and written to `data/fonts/advances.json`. Run
 * `npm run fonts` after changing a font; a unit test fails while the file and the fonts disagree.
 *
 * Why a file and not fontkit at run time: loading fontkit took ~0.2 s, which every command-line
 * figure and the first preview in a session waited for (the seed's SVG from the command line:
 * 0.49–0.59 s with fontkit, 0.35 s with this file, as with the hand-written reader before it).
 */
import * as fontkit from 'fontkit'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ADVANCES_FILE, FONT_FILES, type FontAdvances, type FontFace } from '../main/figure/fonts'

/** Every face's advances, as fontkit reads them from the TTFs in `fontsDir`. */
export async function measureFonts(fontsDir: string): Promise<FontAdvances> {
  const faces = {} as FontAdvances['faces']
  for (const face of Object.keys(FONT_FILES) as FontFace[]) {
    const font = fontkit.create(await readFile(path.join(fontsDir, FONT_FILES[face])))
    if (!('characterSet' in font)) throw new Error(`${FONT_FILES[face]} is a collection of fonts, not one font`)
    const advances: Record<string, number> = {}
    for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
      const glyph = font.glyphForCodePoint(codePoint)
      // Glyph 0 is the font's "missing character" box: mapped to it, a character is not drawn.
      if (glyph.id !== 0) advances[codePoint] = glyph.advanceWidth
    }
    faces[face] = { file: FONT_FILES[face], unitsPerEm: font.unitsPerEm, advances }
  }
  return { generatedBy: 'npm run fonts (scripts/fontAdvances.ts), from the TTF files beside this one', faces }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const fontsDir = path.join('data', 'fonts')
  await writeFile(path.join(fontsDir, ADVANCES_FILE), `${JSON.stringify(await measureFonts(fontsDir))}\n`)
  console.log(`Wrote ${path.join(fontsDir, ADVANCES_FILE)}`)
}
