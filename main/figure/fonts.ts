/**
 * The bundled IBM Plex Sans (OFL, data/fonts/): the only font a figure uses, so a figure is the
 * same on every machine. The SVG names the family; PNG and PDF load these very files.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fontMetrics, type FaceAdvances, type FontMetrics } from './fontMetrics'

export const FIGURE_FONT_FAMILY = 'IBM Plex Sans'

/** A figure uses two faces: regular for text, semibold (600) for titles, names and codes. */
export type FontFace = 'regular' | 'semibold'

export const FONT_FILES: Record<FontFace, string> = {
  regular: 'IBMPlexSans_400Regular.ttf',
  semibold: 'IBMPlexSans_600SemiBold.ttf',
}

/** Both faces' advance widths, beside the TTFs: written by `npm run fonts` (scripts/fontAdvances.ts). */
export const ADVANCES_FILE = 'advances.json'

export interface FontAdvances {
  generatedBy: string
  faces: Record<FontFace, FaceAdvances>
}

export interface FigureFonts {
  dir: string
  /** A path native code (resvg) can open: outside app.asar, which only Node's patched fs can read. */
  file(face: FontFace): string
  bytes(face: FontFace): Buffer
  metrics(face: FontFace): FontMetrics
}

function candidates(): string[] {
  const found: string[] = []
  if (process.env.ANNALIST_FONTS_DIR) found.push(process.env.ANNALIST_FONTS_DIR)
  // Walk up from the running script (dist/cli/annalist.cjs, main/cli/index.ts) and from the
  // working folder to the app root that holds data/fonts.
  const starts = [process.argv[1] ? safeRealpath(process.argv[1]) : '', process.cwd()].filter(Boolean)
  for (const start of starts) {
    let dir = path.resolve(start)
    for (let up = 0; up < 6; up++) {
      found.push(path.join(dir, 'data', 'fonts'))
      const parent = path.dirname(dir)
      if (parent === dir) break
      dir = parent
    }
  }
  return found
}

function safeRealpath(file: string): string {
  try {
    return path.dirname(realpathSync(file))
  } catch {
    return ''
  }
}

/** The folder holding the bundled TTFs; the Electron glue passes its own (app path + data/fonts). */
export function findFontsDir(): string {
  const dir = candidates().find((d) => existsSync(path.join(d, FONT_FILES.regular)))
  if (!dir) throw new Error('the bundled fonts (data/fonts/IBMPlexSans_*.ttf) were not found; set ANNALIST_FONTS_DIR')
  return dir
}

const loaded = new Map<string, FigureFonts>()

/** Loads (once per folder) both faces and their width tables. */
export function loadFigureFonts(dir: string = findFontsDir()): FigureFonts {
  const cached = loaded.get(dir)
  if (cached) return cached
  const bytes = new Map<FontFace, Buffer>()
  const metrics = new Map<FontFace, FontMetrics>()
  const { faces } = JSON.parse(readFileSync(path.join(dir, ADVANCES_FILE), 'utf8')) as FontAdvances
  for (const face of Object.keys(FONT_FILES) as FontFace[]) {
    bytes.set(face, readFileSync(path.join(dir, FONT_FILES[face])))
    metrics.set(face, fontMetrics(faces[face]))
  }
  // Inside a packaged app the fonts live in app.asar, which resvg (native code) cannot read; a copy
  // in a temp folder, made once, is a real file it can.
  let nativeDir: string | null = /\.asar([\\/]|$)/.test(dir) ? null : dir
  const nativeFile = (face: FontFace) => {
    if (!nativeDir) {
      nativeDir = mkdtempSync(path.join(tmpdir(), 'annalist-fonts-'))
      for (const [name, data] of bytes) writeFileSync(path.join(nativeDir, FONT_FILES[name]), data)
    }
    return path.join(nativeDir, FONT_FILES[face])
  }
  const fonts: FigureFonts = {
    dir,
    file: nativeFile,
    bytes: (face) => bytes.get(face)!,
    metrics: (face) => metrics.get(face)!,
  }
  loaded.set(dir, fonts)
  return fonts
}

/** Spaces and invisible characters: nothing to draw (a lone surrogate is dropped from the SVG too). */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Cs}]/u

/**
 * `fonts`, noting every character measured that the face lacks (Chinese, Arabic or Hebrew in IBM
 * Plex Sans). PNG and PDF are drawn with these fonts alone, so such text would be missing from
 * them without a word; the export says which characters instead.
 */
export function noticingUndrawable(fonts: FigureFonts): { fonts: FigureFonts; undrawable: Set<string> } {
  const undrawable = new Set<string>()
  const watched = new Map<FontFace, FontMetrics>()
  const watch = (face: FontFace): FontMetrics => {
    const metrics = fonts.metrics(face)
    return {
      width(text, size) {
        for (const char of text) if (!metrics.draws(char.codePointAt(0)!) && !INVISIBLE.test(char)) undrawable.add(char)
        return metrics.width(text, size)
      },
      draws: (codePoint) => metrics.draws(codePoint),
    }
  }
  const metrics = (face: FontFace) => watched.get(face) ?? watched.set(face, watch(face)).get(face)!
  return { fonts: { ...fonts, metrics }, undrawable }
}
