import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PNG } from 'pngjs'
import { convertIcon } from './builderInternals'
import { ICNS_SLOTS, ICO_SIZES, PNG_SIZES, renderIcons, type IconFiles } from '../../scripts/icons'

let dir: string
let icons: IconFiles

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'annalist-icons-'))
  icons = await renderIcons('build/icon.svg', path.join(dir, 'icons'))
})
after(() => rm(dir, { recursive: true, force: true }))

test('the Linux icon set has one square PNG per size, each really that size', async () => {
  const names = (await readdir(icons.pngFolder)).sort()
  assert.deepEqual(names, PNG_SIZES.map((size) => `${size}x${size}.png`).sort())
  for (const size of PNG_SIZES) {
    const png = PNG.sync.read(await readFile(path.join(icons.pngFolder, `${size}x${size}.png`)))
    assert.deepEqual([png.width, png.height], [size, size])
  }
})

test('the 16 px icon is a drawn mark, not a blank or a single colour', async () => {
  const png = PNG.sync.read(await readFile(path.join(icons.pngFolder, '16x16.png')))
  const opaque = new Set<string>()
  for (let i = 0; i < png.data.length; i += 4) {
    if (png.data[i + 3]! > 200) opaque.add(`${png.data[i]! >> 5},${png.data[i + 1]! >> 5},${png.data[i + 2]! >> 5}`)
  }
  assert.ok(opaque.size >= 3, `only ${opaque.size} distinct colours at 16 px`)
})

test('icon.ico holds every Windows size, 256 px included', async () => {
  const ico = await readFile(icons.ico)
  assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2)], [0, 1], 'ICO header')
  const sizes: number[] = []
  for (let i = 0; i < ico.readUInt16LE(4); i++) sizes.push(ico[6 + i * 16] || 256)
  assert.deepEqual(sizes.sort((a, b) => a - b), [...ICO_SIZES])
})

test('icon.icns holds every macOS slot, retina sizes included', async () => {
  const icns = await readFile(icons.icns)
  assert.equal(icns.toString('latin1', 0, 4), 'icns')
  assert.equal(icns.readUInt32BE(4), icns.length, 'declared length matches the file')
  const types: string[] = []
  for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) types.push(icns.toString('latin1', offset, offset + 4))
  assert.deepEqual(types.filter((t) => t !== 'TOC ').sort(), ICNS_SLOTS.map(([slot]) => slot).sort())
})

// electron-builder converts icons with a helper it downloads; finished icons must be taken as they are.
test('electron-builder takes each icon as it is, with no conversion (which would need a download)', async () => {
  const convert = (sources: string[], format: 'set' | 'ico' | 'icns') =>
    convertIcon({ sources, fallbackSources: [], roots: [dir], format, outDir: path.join(dir, `converted-${format}`) })
  const set = await convert([icons.pngFolder], 'set')
  assert.deepEqual(set.icons.map((icon) => icon.size), [...PNG_SIZES])
  assert.ok(set.icons.every((icon) => icon.file.startsWith(icons.pngFolder)))
  assert.deepEqual((await convert([icons.ico], 'ico')).icons, [{ file: icons.ico, size: 256 }])
  assert.deepEqual((await convert([icons.icns], 'icns')).icons, [{ file: icons.icns, size: 0 }])
})
