/**
 * Renders the app icon (`build/icon.svg`) into every file the installers need: a PNG set for
 * Linux, `icon.ico` for Windows and `icon.icns` for macOS. Run by `npm run dist` before packaging.
 *
 * Why here and not electron-builder: given an SVG, electron-builder converts it with a helper tool
 * it downloads on first use, which fails on an offline machine. Given finished `.ico`, `.icns` and
 * `NxN.png` files it uses them as they are. The outputs are generated, not committed (build/icons
 * is ignored by git); resvg ships as a prebuilt npm package for all three OSes.
 */
import { Resvg } from '@resvg/resvg-js'
import { IconIcns, IconIco } from '@shockpkg/icon-encoder'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** Linux desktop environments pick from `hicolor/NxN`; 1024 is what electron-builder calls the largest. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const

/** Windows shows 16–48 in lists and menus and 256 on large tiles; electron-builder requires 256. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 256] as const

/** The ICNS slots `iconutil` writes, with the pixel size each holds (`@2x` slots are double). */
export const ICNS_SLOTS = [
  ['ic04', 16],
  ['ic05', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
] as const

export interface IconFiles {
  /** Folder of `NxN.png` files: electron-builder's `linux.icon`. */
  pngFolder: string
  ico: string
  icns: string
}

export function iconFilesIn(outDir: string): IconFiles {
  return { pngFolder: path.join(outDir, 'png'), ico: path.join(outDir, 'icon.ico'), icns: path.join(outDir, 'icon.icns') }
}

/** Renders at the exact pixel size, rather than scaling a large PNG down, so small sizes stay crisp. */
function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng()
}

export async function renderIcons(svgPath = 'build/icon.svg', outDir = 'build/icons'): Promise<IconFiles> {
  const svg = await readFile(svgPath, 'utf8')
  const files = iconFilesIn(outDir)
  await rm(outDir, { recursive: true, force: true })
  await mkdir(files.pngFolder, { recursive: true })

  const pngs = new Map<number, Buffer>()
  const sizes = new Set<number>([...PNG_SIZES, ...ICO_SIZES, ...ICNS_SLOTS.map(([, size]) => size)])
  for (const size of sizes) pngs.set(size, renderPng(svg, size))
  const png = (size: number): Buffer => pngs.get(size) as Buffer

  await Promise.all(PNG_SIZES.map((size) => writeFile(path.join(files.pngFolder, `${size}x${size}.png`), png(size))))

  const ico = new IconIco()
  // Largest first: some Windows shells take the first entry when they cannot choose.
  for (const size of [...ICO_SIZES].reverse()) await ico.addFromPng(png(size), null)
  await writeFile(files.ico, ico.encode())

  const icns = new IconIcns()
  icns.toc = true
  for (const [slot, size] of ICNS_SLOTS) await icns.addFromPng(png(size), [slot])
  await writeFile(files.icns, icns.encode())

  return files
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const started = performance.now()
  const files = await renderIcons()
  console.log(`icons: ${files.pngFolder}, ${files.ico}, ${files.icns} (${Math.round(performance.now() - started)} ms)`)
}
