/**
 * The window's bundle must not carry code that needs eval: the CSP (script-src 'self') refuses it,
 * and zod probes for it on load. Value imports from main/ go through files with no zod in them
 * (main/domain/vocabulary.ts, main/figure/sizes.ts, main/timelineIndex/viewportRules.ts).
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { build } from 'esbuild'

test('the renderer bundle holds no schema library and no Node built-ins', async () => {
  const result = await build({
    entryPoints: ['renderer/main.ts'],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    loader: { '.ttf': 'empty', '.css': 'empty' },
    logLevel: 'silent',
  })
  const inputs = Object.keys(result.metafile.inputs)
  assert.deepEqual(inputs.filter((file) => file.includes('node_modules/zod')), [])
  assert.deepEqual(inputs.filter((file) => file.startsWith('node:') || file.includes('node_modules/lowdb')), [])
  assert.ok(inputs.some((file) => file.includes('node_modules/vis-timeline')), 'the bundle was really built')
})
