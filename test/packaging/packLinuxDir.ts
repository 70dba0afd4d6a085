/**
 * Packs Annalist with electron-builder's Linux `dir` target, the one target that needs nothing from
 * the internet when given a local Electron folder. The real Electron binary is not installed here,
 * so the "Electron" is a placeholder file that carries only the fuse wire (the sentinel and fuse
 * bytes electron-builder flips, as @electron/fuses reads them), which lets the test check the fuses.
 *
 * The app is built from the working tree into a temp copy of the checkout (never the shared dist/),
 * with node_modules linked in.
 * Where the OS allows, electron-builder runs in a network namespace with no network at all, which
 * proves the packaging step is offline rather than merely hoping so.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '../../scripts/build'
import { renderIcons } from '../../scripts/icons'

const repo = process.cwd()

/** @electron/fuses' sentinel; the wire after it is: version 1, 8 fuses, Electron's shipped defaults. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const ON = 0x31
const OFF = 0x30
const SHIPPED_FUSES = [ON, OFF, ON, ON, OFF, OFF, OFF, ON]

export interface PackedApp {
  root: string
  /** `<out>/linux-unpacked`: the app folder an AppImage or deb would be made from. */
  appDir: string
  asar: string
  /** The placeholder binary after electron-builder renamed it and flipped its fuses. */
  executable: string
  networkIsolated: boolean
  timings: { buildMs: number; iconsMs: number; electronBuilderMs: number }
  log: string
}

/** `unshare -rn` gives a process a network namespace with only a downed loopback: no network. */
function canIsolateNetwork(): boolean {
  if (process.platform !== 'linux') return false
  return spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore' }).status === 0
}

async function makePlaceholderElectron(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  const binary = Buffer.concat([
    Buffer.from('placeholder for the Electron binary, used only by the packaging test\n'),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, SHIPPED_FUSES.length, ...SHIPPED_FUSES]),
  ])
  await writeFile(path.join(dir, 'electron'), binary, { mode: 0o755 })
}

/**
 * Copies every file a fresh checkout would have (sources, tests, docs, config), so that it is the
 * `files` allowlist in electron-builder.yml, not the test's choice of files, that keeps them out.
 */
async function copyCheckout(project: string): Promise<void> {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repo, encoding: 'utf8' })
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`)
  const files = listed.stdout.split('\0').filter((file) => file && existsSync(path.join(repo, file)))
  for (const file of files) {
    await mkdir(path.dirname(path.join(project, file)), { recursive: true })
    await cp(path.join(repo, file), path.join(project, file))
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now()
  await run()
  return Math.round(performance.now() - started)
}

export async function packLinuxDir(): Promise<PackedApp> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'annalist-pack-'))
  const project = path.join(root, 'project')
  const electronDist = path.join(root, 'electron')
  const output = path.join(root, 'release')

  const buildMs = await timed(() => buildApp(path.join(project, 'dist')))
  const iconsMs = await timed(() => renderIcons(path.join(repo, 'build', 'icon.svg'), path.join(project, 'build', 'icons')))
  await copyCheckout(project)
  // A junction needs no special rights on Windows; elsewhere it is an ordinary folder link.
  await symlink(path.join(repo, 'node_modules'), path.join(project, 'node_modules'), process.platform === 'win32' ? 'junction' : 'dir')
  await makePlaceholderElectron(electronDist)

  const cli = path.join(repo, 'node_modules', 'electron-builder', 'cli.js')
  const args = [cli, '--linux', 'dir', '--projectDir', project, `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`]
  const networkIsolated = canIsolateNetwork()
  const [command, commandArgs] = networkIsolated ? ['unshare', ['-rn', process.execPath, ...args]] : [process.execPath, args]
  const env = { ...process.env, ELECTRON_BUILDER_CACHE: path.join(root, 'cache'), ELECTRON_CACHE: path.join(root, 'cache') }
  let log = ''
  const electronBuilderMs = await timed(async () => {
    const result = spawnSync(command, commandArgs as string[], { cwd: project, env, encoding: 'utf8', timeout: 240_000 })
    log = `${result.stdout}\n${result.stderr}`
    if (result.status !== 0) throw new Error(`electron-builder exited with ${result.status ?? result.signal}:\n${log}`)
  })

  const appDir = path.join(output, 'linux-unpacked')
  return {
    root,
    appDir,
    asar: path.join(appDir, 'resources', 'app.asar'),
    executable: path.join(appDir, 'annalist'),
    networkIsolated,
    timings: { buildMs, iconsMs, electronBuilderMs },
    log,
  }
}
