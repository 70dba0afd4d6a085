import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {
  DEFAULT_WINDOW_SIZE,
  MIN_WINDOW_SIZE,
  parseWindowPlacement,
  placeOnScreens,
  serializeWindowPlacement,
  type Rect,
  type WindowPlacement,
} from '../../main/app/windowPlacement'

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 } // macOS work area below the menu bar
const monitorOnRight: Rect = { x: 1440, y: 0, width: 2560, height: 1400 }

function placed(x: number, y: number, width: number, height: number, maximized = false): WindowPlacement {
  return { bounds: { x, y, width, height }, maximized }
}

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height
}

test('a window saved on a screen that is still there comes back exactly where it was', () => {
  assert.deepEqual(placeOnScreens(placed(1600, 100, 1200, 800), [laptop, monitorOnRight]), placed(1600, 100, 1200, 800))
})

test('a window left on a monitor that has been unplugged is centred on the remaining screen', () => {
  const result = placeOnScreens(placed(1600, 100, 1200, 800, true), [laptop])
  assert.deepEqual(result, placed(120, 63, 1200, 800, true))
})

test('a window hanging off the edge of its screen is pulled back fully onto it', () => {
  const result = placeOnScreens(placed(1300, 500, 1000, 700), [laptop])
  assert.deepEqual(result.bounds, { x: 440, y: 200, width: 1000, height: 700 })
})

test('a window larger than the screen it is restored to shrinks to fit that screen', () => {
  const result = placeOnScreens(placed(1500, 0, 2500, 1400), [laptop, { x: 1440, y: 0, width: 1280, height: 1024 }])
  assert.deepEqual(result.bounds, { x: 1440, y: 0, width: 1280, height: 1024 })
})

test('with nothing saved the window opens at its default size, centred on the primary screen', () => {
  const result = placeOnScreens(null, [monitorOnRight, laptop])
  assert.deepEqual(result, placed(1440 + 580, 250, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height))
})

test('a window saved smaller than the minimum comes back at the minimum size', () => {
  const result = placeOnScreens(placed(10, 40, 300, 200), [laptop])
  assert.deepEqual(result.bounds, { x: 10, y: 40, width: MIN_WINDOW_SIZE.width, height: MIN_WINDOW_SIZE.height })
})

test('wherever it was saved, the restored window lies wholly on one screen', () => {
  const rect = fc.record({
    x: fc.integer({ min: -5000, max: 5000 }),
    y: fc.integer({ min: -5000, max: 5000 }),
    width: fc.integer({ min: 1, max: 6000 }),
    height: fc.integer({ min: 1, max: 4000 }),
  })
  const screen = fc.record({
    x: fc.integer({ min: -4000, max: 4000 }),
    y: fc.integer({ min: -4000, max: 4000 }),
    width: fc.integer({ min: 1024, max: 4000 }),
    height: fc.integer({ min: 700, max: 3000 }),
  })
  fc.assert(
    fc.property(rect, fc.boolean(), fc.array(screen, { minLength: 1, maxLength: 4 }), (bounds, maximized, screens) => {
      const result = placeOnScreens({ bounds, maximized }, screens)
      assert.ok(screens.some((area) => inside(result.bounds, area)), JSON.stringify({ bounds, screens, result }))
      assert.equal(result.maximized, maximized)
    }),
  )
})

test('a saved placement survives being written and read back', () => {
  const placement = placed(-1200, 30, 1100, 720, true)
  assert.deepEqual(parseWindowPlacement(serializeWindowPlacement(placement)), placement)
})

test('a damaged or hand-edited preferences file is ignored, not trusted', () => {
  for (const text of ['', '{', 'null', '[]', '{"bounds":{"x":0,"y":0,"width":-5,"height":10},"maximized":false}',
    '{"bounds":{"x":"0","y":0,"width":800,"height":600},"maximized":false}',
    '{"bounds":{"x":0,"y":0,"width":800,"height":600},"maximized":false,"__proto__":{"x":1}}',
    '{"bounds":{"x":0,"y":0,"width":1e400,"height":600},"maximized":false}']) {
    assert.equal(parseWindowPlacement(text), null, text)
  }
})
