import { test } from 'node:test'
import assert from 'node:assert/strict'
import { EventEmitter } from 'node:events'
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { BrowserWindow, Rectangle } from 'electron'
import { rememberWindowPlacement, restoreWindowPlacement, SAVE_DELAY_MS, type PlacedWindow } from '../../main/app/windowState'
import { windowPlacementFile } from '../../main/app/windowPlacement'

// The real BrowserWindow must fit what windowState asks of it, or the wiring would not compile.
const fitsBrowserWindow: (window: BrowserWindow) => PlacedWindow = (window) => window
void fitsBrowserWindow

/** A stand-in for a BrowserWindow that the test moves around like a user would. */
class FakeWindow extends EventEmitter implements PlacedWindow {
  bounds: Rectangle = { x: 100, y: 100, width: 1000, height: 700 }
  maximized = false
  destroyed = false
  getNormalBounds(): Rectangle {
    if (this.destroyed) throw new Error('Object has been destroyed')
    return { ...this.bounds }
  }
  isMaximized(): boolean {
    return this.maximized
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  moveTo(x: number, y: number): void {
    this.bounds = { ...this.bounds, x, y }
    this.emit('move')
  }
  close(): void {
    this.emit('close')
    this.destroyed = true
    this.emit('closed')
  }
}

const oneScreen = {
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
} as unknown as Parameters<typeof restoreWindowPlacement>[1]

async function withDataDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'annalist-window-'))
  try {
    await run(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

test('the size and position at close are what the next start restores', async () => {
  await withDataDir(async (dataDir) => {
    const window = new FakeWindow()
    const remembered = rememberWindowPlacement(window, dataDir)
    window.bounds = { x: 300, y: 200, width: 1200, height: 800 }
    window.maximized = true
    window.close()
    // close starts the write at once; flush (what quitting awaits) resolves once it is on disk.
    await remembered.flush()
    const restored = await restoreWindowPlacement(dataDir, oneScreen)
    assert.deepEqual(restored, { bounds: { x: 300, y: 200, width: 1200, height: 800 }, maximized: true })
  })
})

async function waitForFile(file: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const text = await readFile(file, 'utf8').catch(() => null)
    if (text !== null || Date.now() > deadline) return text ?? ''
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

test('moving the window is saved once it has been still for a moment, and flush saves at once', async () => {
  await withDataDir(async (dataDir) => {
    const window = new FakeWindow()
    const remembered = rememberWindowPlacement(window, dataDir)
    for (let x = 0; x < 50; x++) window.moveTo(x * 10, 40)
    await assert.rejects(readFile(windowPlacementFile(dataDir), 'utf8'), { code: 'ENOENT' })
    // The write starts after SAVE_DELAY_MS of stillness; a durable write on a busy disk can take a while.
    await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS))
    const saved = await waitForFile(windowPlacementFile(dataDir), 10_000)
    assert.equal(JSON.parse(saved).bounds.x, 490)

    window.moveTo(20, 60)
    await remembered.flush()
    assert.deepEqual(JSON.parse(await readFile(windowPlacementFile(dataDir), 'utf8')).bounds, { x: 20, y: 60, width: 1000, height: 700 })
  })
})

test('a damaged preferences file gives the default placement, and is replaced on the next save', async () => {
  await withDataDir(async (dataDir) => {
    await mkdir(path.dirname(windowPlacementFile(dataDir)), { recursive: true })
    await writeFile(windowPlacementFile(dataDir), '\0\0\0\0')
    const restored = await restoreWindowPlacement(dataDir, oneScreen)
    assert.deepEqual(restored, { bounds: { x: 260, y: 70, width: 1400, height: 900 }, maximized: false })
    const window = new FakeWindow()
    const remembered = rememberWindowPlacement(window, dataDir)
    window.moveTo(5, 5)
    window.close()
    await remembered.flush()
    assert.equal((await restoreWindowPlacement(dataDir, oneScreen)).bounds.x, 5)
  })
})

test('a window saved on a screen that is gone reopens on the screen that is there', async () => {
  await withDataDir(async (dataDir) => {
    const window = new FakeWindow()
    const remembered = rememberWindowPlacement(window, dataDir)
    window.moveTo(3000, 100)
    await remembered.flush()
    const restored = await restoreWindowPlacement(dataDir, oneScreen)
    assert.deepEqual(restored.bounds, { x: 460, y: 170, width: 1000, height: 700 })
  })
})
