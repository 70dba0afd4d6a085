/**
 * Runs Doyensec Electronegativity through its `run()` API (the CLI exits 0 even with findings),
 * with two things it does out of the box made safe for an offline test:
 *
 * - It fetches translations from the internet on every run (`dist/locales/i18n.js` calls `got`)
 *   and its AvailableSecurityFixes check downloads Electron's release list. Its copy of `got` is
 *   replaced by one that refuses, before Electronegativity loads, so nothing can reach the
 *   network; the release-list check is excluded (it cannot work offline; Electron's version is
 *   kept current by upgrading the dependency, not by this test).
 * - Its TypeScript fallback parser (@typescript-eslint/typescript-estree 4) is hoisted to the top
 *   of node_modules, where `require('typescript')` finds the project's TypeScript 7, which has no
 *   JavaScript API and crashes it on load. Electronegativity ships its own TypeScript 4 for that
 *   parser; requests from the parser are pointed there.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises'
import Module, { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

const require = createRequire(import.meta.url)

export const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 } as const

export interface Finding {
  id: string
  file: string
  description: string
  severity: { value: number; name: string }
  confidence: { value: number; name: string }
  location: { line: number; column: number }
  sample?: string
  manualReview: boolean
}

export interface ScanResult {
  findings: Finding[]
  /** Files Electronegativity could not parse, and so did not check. */
  errors: { file: string; message: string; tolerable: boolean }[]
  /** Attempts to reach the network, all refused. */
  networkAttempts: string[]
}

type Run = (options: Record<string, unknown>) => Promise<{ issues: Finding[]; errors: ScanResult['errors'] }>

const networkAttempts: string[] = []
let loaded: Run | null = null

function loadOffline(): Run {
  if (loaded) return loaded
  const home = path.dirname(require.resolve('@doyensec/electronegativity/package.json'))
  const ownRequire = createRequire(path.join(home, 'package.json'))

  const gotPath = ownRequire.resolve('got')
  const refuse = (url: unknown): Promise<never> => {
    networkAttempts.push(String(url))
    return Promise.reject(new Error('Network access is refused in tests'))
  }
  const fakeGot = new Module(gotPath)
  fakeGot.filename = gotPath
  fakeGot.loaded = true
  fakeGot.exports = Object.assign(refuse, { get: refuse, default: refuse })
  require.cache[gotPath] = fakeGot

  const bundledTypeScript = ownRequire.resolve('typescript')
  const parserHome = path.dirname(ownRequire.resolve('@typescript-eslint/typescript-estree/package.json'))
  const moduleInternals = Module as unknown as { _resolveFilename: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string }
  const resolve = moduleInternals._resolveFilename
  moduleInternals._resolveFilename = function (request, parent, ...rest) {
    if (request === 'typescript' && parent?.filename?.startsWith(parserHome)) return bundledTypeScript
    return resolve.call(this, request, parent, ...rest)
  }

  const run = ownRequire('./dist/runner.js') as Run | { default: Run }
  loaded = typeof run === 'function' ? run : run.default
  return loaded
}

/** Electronegativity's message when its translation download fails; expected here, so kept quiet. */
const TRANSLATION_NOTICE = 'Could not retrieve updated translations'

/** Scans `input` (a folder or file). Paths in findings are relative to it. */
export async function scan(input: string): Promise<ScanResult> {
  const run = loadOffline()
  const attemptsBefore = networkAttempts.length
  const log = console.log
  // Its locale comes from LANG ("C.UTF-8" on CI machines, which it has no messages for).
  const lang = process.env.LANG
  process.env.LANG = 'en-US'
  console.log = (...args: unknown[]) => {
    if (!String(args[0]).startsWith(TRANSLATION_NOTICE)) log(...args)
  }
  try {
    const result = await run({ input, output: undefined, isSarif: false, customScan: [], excludeFromScan: ['AvailableSecurityFixesGlobalCheck'] })
    return {
      findings: result.issues.map((finding) => ({ ...finding, file: finding.file === 'N/A' ? finding.file : path.relative(input, path.resolve(input, finding.file)) })),
      errors: result.errors,
      networkAttempts: networkAttempts.slice(attemptsBefore),
    }
  } finally {
    console.log = log
    if (lang === undefined) delete process.env.LANG
    else process.env.LANG = lang
  }
}

/**
 * The app as Electronegativity should see it: the main process and preload sources, the renderer
 * sources and page (global checks such as CSP and navigation limits look across all of them), and
 * package.json for the Electron version. Tests, scripts and node_modules are left out.
 */
export async function scanAppSources(repo = process.cwd()): Promise<ScanResult> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'annalist-electronegativity-'))
  try {
    await cp(path.join(repo, 'main'), path.join(folder, 'main'), { recursive: true })
    await cp(path.join(repo, 'renderer'), path.join(folder, 'renderer'), { recursive: true })
    await cp(path.join(repo, 'package.json'), path.join(folder, 'package.json'))
    return await scan(folder)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}
