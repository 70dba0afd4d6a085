/**
 * The security posture at run time, checked from the page an analyst uses. Checks that depend on
 * Electron's main process (its window-open and navigation guards, context isolation) run only on
 * the `electron` target and are reported as skipped on `chromium`, where there is no main process.
 */
import { test, expect } from './fixtures'

const ELECTRON_ONLY = 'needs Electron’s main process (its guards); the Chromium harness has none'

/** What a page can reach if Node or Electron leaked into it. */
const NODE_GLOBALS = ['require', 'process', 'module', 'Buffer', '__dirname', 'ipcRenderer', 'electron']

test('the page has no Node or Electron: only the bridge’s verbs', async ({ annalist }) => {
  const leaked = await annalist.page.evaluate(
    (names) => names.filter((name) => typeof (window as unknown as Record<string, unknown>)[name] !== 'undefined'),
    NODE_GLOBALS,
  )
  expect(leaked).toEqual([])
  const bridge = await annalist.page.evaluate(() => {
    const api = (window as unknown as { annalist: Record<string, unknown> }).annalist
    return {
      notFunctions: Object.keys(api).filter((key) => typeof api[key] !== 'function'),
      generic: ['send', 'invoke', 'on', 'ipcRenderer'].filter((key) => key in api),
    }
  })
  expect(bridge).toEqual({ notFunctions: [], generic: [] })
})

// Electron 41 has no API to read a window's webPreferences back (getLastWebPreferences is gone),
// so sandbox and webSecurity are checked statically by Electronegativity (SANDBOX_JS_CHECK,
// WEB_SECURITY_JS_CHECK in test/security). What the page itself can show is checked here.
test('every window runs context-isolated, with the bridge as contextBridge proxies', async ({ app, annalist }) => {
  test.skip(app.target !== 'electron', ELECTRON_ONLY)
  for (const page of annalist.page.context().pages()) {
    const evidence = await page.evaluate((names) => {
      const api = (window as unknown as { annalist?: Record<string, unknown> }).annalist ?? {}
      return {
        leaked: names.filter((name) => typeof (window as unknown as Record<string, unknown>)[name] !== 'undefined'),
        // contextBridge hands the page proxies of the preload's functions, never the functions
        // themselves, and refuses to work at all without context isolation.
        proxied: Object.values(api).every((verb) => /\[native code\]/.test(Function.prototype.toString.call(verb))),
        verbs: Object.keys(api).length,
      }
    }, NODE_GLOBALS)
    expect(evidence.leaked).toEqual([])
    expect(evidence.verbs).toBeGreaterThan(0)
    expect(evidence.proxied).toBe(true)
  }
})

test('window.open is refused', async ({ app, annalist }) => {
  test.skip(app.target !== 'electron', ELECTRON_ONLY)
  const windowsBefore = annalist.page.context().pages().length
  const opened = await annalist.page.evaluate(() => window.open('https://example.com/') === null)
  expect(opened).toBe(true)
  expect(annalist.page.context().pages()).toHaveLength(windowsBefore)
  expect(app.networkRequests).toEqual([])
})

test('navigating away from the app is refused (a dropped link navigates the same way)', async ({ app, annalist }) => {
  test.skip(app.target !== 'electron', ELECTRON_ONLY)
  const home = annalist.page.url()
  // Dropping a link onto a window asks it to navigate there; the will-navigate guard refuses any
  // URL outside the app. A real drag from another program cannot be scripted, so the navigation
  // it causes is started here directly.
  await annalist.page.evaluate(() => {
    window.location.href = 'https://example.com/'
  })
  await annalist.page.waitForTimeout(500)
  expect(annalist.page.url()).toBe(home)
  await annalist.waitForReady()
  expect(app.networkRequests).toEqual([])
})

test('a middle-click on a link opens nothing', async ({ app, annalist }) => {
  test.skip(app.target !== 'electron', ELECTRON_ONLY)
  const home = annalist.page.url()
  const windowsBefore = annalist.page.context().pages().length
  // The app itself renders no links (hostile.spec checks that); this one stands for a link that
  // slipped through, to check the guard behind it.
  await annalist.page.evaluate(() => {
    const link = document.createElement('a')
    link.href = 'https://example.com/'
    link.textContent = 'a link that slipped through'
    link.id = 'slipped-link'
    link.style.cssText = 'position:fixed;top:10px;left:10px;z-index:99999;padding:20px;background:#fff'
    document.body.append(link)
  })
  await annalist.page.locator('#slipped-link').click({ button: 'middle' })
  await annalist.page.waitForTimeout(500)
  expect(annalist.page.context().pages()).toHaveLength(windowsBefore)
  expect(annalist.page.url()).toBe(home)
  expect(app.networkRequests).toEqual([])
})

test('the CSP holds: no violation from the app’s own code, and no network request, while it is used', async ({ app, annalist }) => {
  await annalist.page.context().addInitScript(() => {
    const seen: { directive: string; blocked: string; source: string }[] = []
    ;(window as unknown as { __cspViolations: typeof seen }).__cspViolations = seen
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push({ directive: event.violatedDirective, blocked: event.blockedURI, source: `${event.sourceFile}:${event.lineNumber}` })
    })
  })
  // Reload so the listener is in place before the app's own scripts and styles load.
  await annalist.page.reload()
  await annalist.waitForReady()

  // A short session with what every build has: select an event, zoom, go to a date.
  await annalist.eventItems().first().click()
  await expect(annalist.detailPanel.getByRole('heading', { level: 2 })).toBeVisible()
  await annalist.button('Zoom in').click()
  await annalist.button('Fit whole timeline').click()
  await annalist.button('Go to date').click()
  const dialog = annalist.page.getByRole('dialog', { name: 'Go to date' })
  await dialog.getByRole('textbox', { name: 'Date (EDTF)' }).fill('2022-02-24')
  await dialog.getByRole('button', { name: 'Go' }).click()

  const violations = await annalist.page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations)
  expect(violations).toEqual([])
  expect(app.networkRequests).toEqual([])
})
