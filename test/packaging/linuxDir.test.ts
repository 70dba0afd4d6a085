/**
 * The packaging check: electron-builder packs the app (Linux `dir` target, offline), then the test
 * opens app.asar the way Electron will and checks what an installer would ship.
 */
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import Module, { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import asar from '@electron/asar'
import { NODE_EXTERNALS } from '../../scripts/build'
import { FuseV1Options, getCurrentFuseWire } from './builderInternals'
import { packLinuxDir, type PackedApp } from './packLinuxDir'

let packed: PackedApp
let files: Set<string>

interface LockPackage {
  dev?: boolean
}
interface PackageJson {
  main: string
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  desktopName?: string
}

before(async () => {
  packed = await packLinuxDir()
  files = new Set(asar.listPackage(packed.asar, { isPack: false }).map((file) => file.split(path.sep).join('/')))
})
after(async () => {
  if (packed && !process.env.ANNALIST_KEEP_PACKAGE) await rm(packed.root, { recursive: true, force: true })
})

/** Where each shipped package sits, as package-lock.json names it: `node_modules/a/node_modules/b`. */
function shippedLocations(): Set<string> {
  const locations = new Set<string>()
  for (const file of files) {
    const match = /^\/((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(file)
    if (match) locations.add(match[1]!)
  }
  return locations
}

/** Package names shipped anywhere in the tree. */
function shippedPackages(): Set<string> {
  return new Set([...shippedLocations()].map((location) => location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length)))
}

function readAsarJson<T>(file: string): T {
  return JSON.parse(asar.extractFile(packed.asar, file).toString('utf8')) as T
}

test('packing needs no network and reports how long it took', (t) => {
  t.diagnostic(`network: ${packed.networkIsolated ? 'none (ran in an empty network namespace)' : 'not isolated on this OS'}`)
  t.diagnostic(`build ${packed.timings.buildMs} ms, icons ${packed.timings.iconsMs} ms, electron-builder ${packed.timings.electronBuilderMs} ms`)
  assert.doesNotMatch(packed.log, /download/i, 'electron-builder tried to download something')
})

test('app.asar holds the built main, preload and renderer, and the seed data', async () => {
  for (const file of ['/dist/main/index.cjs', '/dist/preload/index.cjs', '/dist/renderer/index.html', '/dist/renderer/app.js', '/package.json']) {
    assert.ok(files.has(file), `${file} is missing`)
  }
  const seeds = [...files].filter((file) => /^\/data\/seed\/[^/]+\.json$/.test(file))
  assert.ok(seeds.length > 0, 'no seed timeline in data/seed')
  for (const seed of seeds) {
    const shipped = asar.extractFile(packed.asar, seed.slice(1))
    assert.deepEqual(shipped, await readFile(seed.slice(1)), `${seed} differs from the repo's copy`)
  }
  const packageJson = readAsarJson<PackageJson>('package.json')
  assert.ok(files.has(`/${packageJson.main}`), `package.json "main" (${packageJson.main}) is not in the package`)
  // Electron sets the Wayland app_id / WM_CLASS from desktopName; the .desktop file is named to match.
  assert.equal(packageJson.desktopName, 'annalist.desktop')
})

test('no TypeScript sources, source maps, tests or build files are shipped', () => {
  const ours = [...files].filter((file) => file !== '/node_modules' && !file.startsWith('/node_modules/'))
  assert.deepEqual(ours.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file)), [], 'TypeScript sources')
  assert.deepEqual(ours.filter((file) => file.endsWith('.map')), [], 'source maps (they embed the sources)')
  const topLevel = new Set(ours.map((file) => file.split('/')[1]))
  assert.deepEqual([...topLevel].sort(), ['data', 'dist', 'package.json'])
})

test('the packages the main process loads at run time are shipped, with the native renderer unpacked', () => {
  const shipped = shippedPackages()
  for (const name of NODE_EXTERNALS.filter((name) => name !== 'electron')) assert.ok(shipped.has(name), `${name} is missing`)
  // Native .node files cannot be loaded from inside an asar; electron-builder unpacks them.
  const resvgNative = [...shipped].filter((name) => name.startsWith('@resvg/resvg-js-'))
  assert.ok(resvgNative.length > 0, 'no prebuilt resvg binary for this OS')
  const nativeFiles = [...files].filter((file) => file.endsWith('.node'))
  assert.ok(nativeFiles.length > 0)
  for (const file of nativeFiles) {
    assert.ok(existsSync(path.join(`${packed.asar}.unpacked`, file)), `${file} is not unpacked next to app.asar`)
  }
})

/**
 * The packages the packed main process loads as it starts, before its window can open: its code
 * run with a stand-in for Electron (whose `app.whenReady()` never comes), every package it asks for
 * noted and answered by a stand-in too.
 */
async function packagesLoadedAtStart(): Promise<Set<string>> {
  const folder = await mkdtemp(path.join(tmpdir(), 'annalist-main-'))
  const bundle = path.join(folder, 'index.cjs')
  await writeFile(bundle, asar.extractFile(packed.asar, 'dist/main/index.cjs'))
  const standIn = (): unknown =>
    new Proxy(function () {}, {
      get: (_, key) => (key === 'then' ? undefined : key === 'whenReady' ? () => new Promise(() => {}) : standIn()),
      apply: () => standIn(),
      construct: () => standIn() as object,
    })
  const loaded = new Set<string>()
  const loader = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown }
  const load = loader._load
  loader._load = function (request, parent, isMain) {
    if (Module.isBuiltin(request) || path.isAbsolute(request)) return load.call(this, request, parent, isMain)
    loaded.add(request)
    return standIn()
  }
  try {
    createRequire(bundle)(bundle)
  } finally {
    loader._load = load
    await rm(folder, { recursive: true, force: true })
  }
  return loaded
}

test('the main process starts without loading the figure libraries (pdfkit alone took ~0.2 s of every start)', async () => {
  const loaded = await packagesLoadedAtStart()
  assert.ok(loaded.has('electron'), `the packed main process ran (it asked for ${[...loaded].join(', ') || 'nothing'})`)
  for (const name of ['pdfkit', 'svg-to-pdfkit', '@resvg/resvg-js']) assert.ok(!loaded.has(name), `${name} is loaded as the app starts`)
})

test('no development dependency is shipped: app.asar has exactly the production dependency tree', async () => {
  const lock = JSON.parse(await readFile('package-lock.json', 'utf8')) as { packages: Record<string, LockPackage> }
  const packageJson = JSON.parse(await readFile('package.json', 'utf8')) as PackageJson
  const shipped = shippedPackages()
  for (const name of ['electron', 'typescript', '@playwright/test', 'esbuild', 'electron-builder', 'vis-timeline', 'zod']) {
    assert.ok(!shipped.has(name), `${name} is a development dependency but was shipped`)
  }
  const devShipped = [...shippedLocations()].filter((location) => lock.packages[location]?.dev === true)
  assert.deepEqual(devShipped, [], 'packages the lock file marks dev-only')
  const unknown = [...shippedLocations()].filter((location) => !lock.packages[location])
  assert.deepEqual(unknown, [], 'packages that are not in package-lock.json')
  // Bundled libraries belong in devDependencies; only what the bundle leaves external ships.
  assert.deepEqual(Object.keys(packageJson.dependencies).sort(), NODE_EXTERNALS.filter((name) => name !== 'electron').sort())
})

test('the Electron fuses are flipped in the packed binary', async () => {
  const wire = await getCurrentFuseWire(packed.executable)
  const ON = 0x31
  const OFF = 0x30
  assert.equal(wire[FuseV1Options.RunAsNode], OFF, 'RunAsNode')
  assert.equal(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable], OFF, 'NODE_OPTIONS')
  assert.equal(wire[FuseV1Options.EnableNodeCliInspectArguments], OFF, '--inspect')
  assert.equal(wire[FuseV1Options.OnlyLoadAppFromAsar], ON, 'OnlyLoadAppFromAsar')
  assert.equal(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation], ON, 'EmbeddedAsarIntegrityValidation')
})
