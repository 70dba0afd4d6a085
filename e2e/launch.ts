/**
 * Starts Annalist for a test or a script, on one of two targets:
 * - `electron`: the real app (`_electron.launch`), when the Electron binary is installed;
 * - `chromium`: the built renderer in Chromium, its `window.annalist` wired through a page binding
 *   to the same main-process handlers and store the app uses. Only the transport differs.
 * Every request that would leave the app is refused and recorded in `networkRequests`.
 */
import { _electron as electron, chromium, type Browser, type ElectronApplication, type Page } from '@playwright/test'
import { build } from 'esbuild'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDispatcher } from '../main/ipc/dispatch'
import { createHandlers } from '../main/ipc/handlers'
import type { AnnalistNotices } from '../main/ipc/contract'
import { readAppFile } from '../main/security/appUrl'
import { CONTENT_SECURITY_POLICY } from '../main/security/csp'
import { TimelineSession } from '../main/timelineSession'
import { Workspace, timelineToOpenAtStart } from '../main/workspace/workspace'
import { whenTimelineMayBeRead } from '../main/workspace/windowFirst'

export type Target = 'electron' | 'chromium'

export interface LaunchOptions {
  dataDir: string
  target?: Target
  viewport?: { width: number; height: number }
}

export interface LaunchedApp {
  page: Page
  target: Target
  /** URLs the app tried to reach outside itself (always refused). */
  networkRequests: string[]
  /** URLs handed to the system browser (openExternal). */
  openedInBrowser: string[]
  /**
   * Answers the next native open/save dialogs, in order, with these paths (null = Cancel).
   * Chromium target only: the Electron target shows real dialogs.
   */
  answerDialogs(...paths: (string | null)[]): void
  close(): Promise<void>
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rendererRoot = path.join(repoRoot, 'dist', 'renderer')
/** `*.localhost` is a secure context in Chromium, and every request to it is answered by the route below. */
const HARNESS_ORIGIN = 'http://annalist.localhost'
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export function chromiumExecutable(): string | null {
  const candidate = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || '/usr/bin/chromium'
  return existsSync(candidate) ? candidate : null
}

export function electronExecutable(): string | null {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown
    return typeof binary === 'string' && existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

export function availableTargets(): Target[] {
  const wanted = (process.env.ANNALIST_E2E_TARGETS ?? 'electron,chromium').split(',')
  const targets: Target[] = []
  if (wanted.includes('electron') && electronExecutable()) targets.push('electron')
  if (wanted.includes('chromium') && chromiumExecutable()) targets.push('chromium')
  return targets
}

export async function launchApp(options: LaunchOptions): Promise<LaunchedApp> {
  const target = options.target ?? availableTargets()[0]
  if (!target) throw new Error('No e2e target: install Electron (npm install electron) or Chromium (/usr/bin/chromium)')
  if (!existsSync(path.join(rendererRoot, 'index.html'))) throw new Error('The app is not built: run `npm run build` first')
  return target === 'electron' ? launchElectron(options) : launchChromium(options)
}

async function launchElectron({ dataDir }: LaunchOptions): Promise<LaunchedApp> {
  const app: ElectronApplication = await electron.launch({
    args: [repoRoot],
    env: { ...process.env, ANNALIST_DATA_DIR: dataDir } as Record<string, string>,
  })
  const page = await app.firstWindow()
  const networkRequests = watchNetwork(page, 'app://annalist')
  const answerDialogs = () => {
    throw new Error('native dialogs cannot be answered on the Electron target')
  }
  return { page, target: 'electron', networkRequests, openedInBrowser: [], answerDialogs, close: () => app.close() }
}

function watchNetwork(page: Page, origin: string): string[] {
  const leaving: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) leaving.push(url)
  })
  return leaving
}

let bridgeScript: Promise<string> | null = null
function pageBridgeScript(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [path.join(repoRoot, 'e2e', 'harness', 'pageBridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
  }).then((result) => result.outputFiles[0]!.text)
  return bridgeScript
}

async function launchChromium({ dataDir, viewport }: LaunchOptions): Promise<LaunchedApp> {
  const paths = { dataDir, bundledDataDir: path.join(repoRoot, 'data') }
  const openedInBrowser: string[] = []
  const dialogAnswers: (string | null)[] = []
  const nextAnswer = async () => dialogAnswers.shift() ?? null
  let page: Page | null = null
  const notify = (name: keyof AnnalistNotices, payload: unknown) => {
    void page?.evaluate(([n, p]) => window.__annalistNotify(n as keyof AnnalistNotices, p), [name, payload] as const).catch(() => undefined)
  }

  // As the app starts (main/index.ts): the window loads while the timeline opens (the timeline
  // open last, else the default one; a large one once the page is in), and its requests wait for it.
  let windowShown!: () => void
  const shown = new Promise<void>((resolve) => (windowShown = resolve))
  const openTimeline = async () => {
    const start = await timelineToOpenAtStart(paths)
    await whenTimelineMayBeRead(start.file, shown)
    const session = await TimelineSession.open(start.file, start.place)
    const workspace = new Workspace(session, paths)
    await workspace.rememberCurrent()
    // Notices the Electron glue pushes over IPC arrive here through the page's notice hook.
    session.onSaveStateChange((state) => notify('saveState', state))
    const dispatch = createDispatcher(
      createHandlers({
        session,
        openInBrowser: async (url) => void openedInBrowser.push(url),
        dataDir,
        fontsDir: path.join(repoRoot, 'data', 'fonts'),
        chooseSavePath: nextAnswer,
        chooseOpenPath: nextAnswer,
        chooseExportPath: nextAnswer,
        workspace,
        chooseTimelineFile: nextAnswer,
        chooseTimelineCopyPath: nextAnswer,
        reportImportProgress: (progress) => notify('importProgress', progress),
        reportFigureProgress: (progress) => notify('figureProgress', progress),
      }),
      HARNESS_ORIGIN,
    )
    return { session, dispatch }
  }
  let opening: ReturnType<typeof openTimeline> | null = null

  const browser: Browser = await chromium.launch({ executablePath: chromiumExecutable()!, args: CHROMIUM_FLAGS })
  const context = await browser.newContext({ viewport: viewport ?? { width: 1400, height: 900 } })
  const networkRequests: string[] = []
  await context.route('**/*', async (route) => {
    const url = route.request().url()
    if (!url.startsWith(`${HARNESS_ORIGIN}/`)) {
      networkRequests.push(url)
      return route.abort('blockedbyclient')
    }
    const relative = decodeURIComponent(new URL(url).pathname)
    const target = path.resolve(rendererRoot, `.${path.posix.normalize(relative === '/' ? '/index.html' : relative)}`)
    if (!target.startsWith(rendererRoot + path.sep)) return route.fulfill({ status: 404 })
    const file = readAppFile(target)
    if (!file) return route.fulfill({ status: 404 })
    return route.fulfill({
      status: 200,
      body: file.body,
      headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    })
  })
  // Answers travel as JSON text: Playwright's own value serialiser took most of a minute for the
  // 10,000 notes of a large timeline, while IPC's structured clone in the app takes milliseconds.
  await context.exposeBinding('__annalistInvoke', async (source, channel: string, args: unknown) =>
    JSON.stringify(await (await opening!).dispatch(channel, { url: source.frame.url() }, args)),
  )
  await context.addInitScript({ content: await pageBridgeScript() })
  page = await context.newPage()
  // The nearest the page comes to Electron's ready-to-show: its first content is in.
  page.once('domcontentloaded', () => windowShown())
  // The window is set up first: in this process, reading a large timeline would hold up the
  // browser's set-up calls, where in the app the window is another process.
  opening = openTimeline()
  opening.catch(() => undefined) // reported below, once the browser is closed
  await page.goto(`${HARNESS_ORIGIN}/index.html`)
  const { session } = await opening.catch(async (error: unknown) => {
    await browser.close()
    throw error
  })
  return {
    page,
    target: 'chromium',
    networkRequests,
    openedInBrowser,
    answerDialogs: (...paths) => void dialogAnswers.push(...paths),
    close: async () => {
      await browser.close()
      await session.close()
    },
  }
}
