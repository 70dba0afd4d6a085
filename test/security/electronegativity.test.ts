/**
 * Electronegativity on Annalist's own sources: any finding of MEDIUM or above fails, unless it is
 * one of the deliberate exceptions in electronegativityExceptions.ts.
 */
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { scan, scanAppSources, SEVERITY, type Finding, type ScanResult } from './electronegativity'
import { DELIBERATE_EXCEPTIONS } from './electronegativityExceptions'

let result: ScanResult

before(async () => {
  result = await scanAppSources()
})

const serious = (finding: Finding): boolean => finding.severity.value >= SEVERITY.MEDIUM
const excused = (finding: Finding): boolean => DELIBERATE_EXCEPTIONS.some((e) => e.id === finding.id && e.file === finding.file)
const describe = (f: Finding): string => `${f.id} ${f.severity.name} at ${f.file}:${f.location.line}: ${f.description}\n    ${f.sample ?? ''}`

test('the sources have no MEDIUM or HIGH finding beyond the deliberate exceptions', () => {
  const unexcused = result.findings.filter((finding) => serious(finding) && !excused(finding))
  assert.equal(unexcused.length, 0, `Electronegativity findings:\n${unexcused.map(describe).join('\n')}`)
})

test('every deliberate exception still matches a finding, and says why', () => {
  for (const exception of DELIBERATE_EXCEPTIONS) {
    assert.ok(exception.reason.length > 40, `${exception.id}: the reason is too short to review`)
    const matched = result.findings.some((f) => serious(f) && f.id === exception.id && f.file === exception.file)
    assert.ok(matched, `${exception.id} in ${exception.file} no longer occurs: remove it from electronegativityExceptions.ts`)
  }
})

test('every source file was parsed, so none went unchecked', () => {
  assert.deepEqual(result.errors, [])
})

test('no finding is silenced in the sources with an eng-disable comment', async () => {
  const silenced: string[] = []
  for (const folder of ['main', 'renderer']) {
    for (const entry of await readdir(folder, { recursive: true })) {
      if (!/\.(ts|html)$/.test(entry)) continue
      if (/eng-disable/.test(await readFile(path.join(folder, entry), 'utf8'))) silenced.push(path.join(folder, entry))
    }
  }
  assert.deepEqual(silenced, [])
})

test('Electronegativity reached no network: its HTTP client is the refusing stand-in', () => {
  // It asks for translations on every run; seeing that request here proves the stand-in caught it.
  assert.ok(result.networkAttempts.length > 0, 'Electronegativity no longer uses the client that is replaced; check it for network access')
  assert.ok(result.networkAttempts.every((url) => url.startsWith('https://electronegativity-i18n.')), result.networkAttempts.join('\n'))
})

test('the check can fail: a window with Node in the page and no isolation is caught', async () => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'annalist-insecure-'))
  try {
    await writeFile(
      path.join(folder, 'main.js'),
      `const { BrowserWindow } = require('electron')
       const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } })
       win.loadURL('http://example.com/')
       const helper = new BrowserWindow({ webPreferences: { nodeIntegration: true } })\n`,
    )
    await writeFile(path.join(folder, 'package.json'), JSON.stringify({ devDependencies: { electron: '41.7.1' } }))
    await writeFile(path.join(folder, 'index.html'), '<!doctype html><html><body><script src="http://example.com/x.js"></script></body></html>\n')
    const insecure = await scan(folder)
    const caught = new Set(insecure.findings.filter(serious).map((finding) => finding.id))
    for (const id of ['HTTP_RESOURCES_WITH_NODE_INTEGRATION_GLOBAL_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']) {
      assert.ok(caught.has(id), `${id} not reported; got ${[...caught].join(', ')}`)
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})
