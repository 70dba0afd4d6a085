/**
 * File ▸ Export figure… through the IPC dispatcher into a real session: preview, export to the path
 * the save dialog chose (a temp path here, as in e2e), cancel, bad options refused as data, and the
 * last options remembered per timeline across restarts.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PNG } from 'pngjs'
import { XMLValidator } from 'fast-xml-parser'
import type { AnnalistContract, Channel, Outcome } from '../../main/ipc/contract'
import { createDispatcher } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import type { ChooseSavePath } from '../../main/ipc/handlers/figures'
import { figureOptionsFile } from '../../main/figure/lastOptions'
import type { FigureProgress } from '../../main/figure/figureResults'
import { TimelineSession } from '../../main/timelineSession'
import { annotatedSeed } from './fixtures'

const ORIGIN = 'app://annalist'

async function openApp(t: { after: (fn: () => Promise<void>) => void }) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'annalist-figures-'))
  const file = path.join(dataDir, 'timelines', 'crisis.annalist.json')
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, JSON.stringify(annotatedSeed()))
  const sessions: TimelineSession[] = []
  const asked: { suggestedName: string; format: string }[] = []
  const progress: FigureProgress[] = []
  let answer: string | null = null
  const chooseSavePath: ChooseSavePath = async (request) => {
    asked.push(request)
    return answer
  }
  const start = async (withDialog = true, fontsDir?: string) => {
    const session = await TimelineSession.open(file, { backupEveryMs: 3_600_000 })
    sessions.push(session)
    const dispatch = createDispatcher(createHandlers({ session, openInBrowser: async () => undefined, dataDir, chooseSavePath: withDialog ? chooseSavePath : undefined, reportFigureProgress: (p) => progress.push(p), ...(fontsDir ? { fontsDir } : {}) }), ORIGIN)
    return async <K extends Channel>(channel: K, ...args: unknown[]): Promise<Outcome<AnnalistContract[K]['result']>> =>
      (await dispatch(channel, { url: `${ORIGIN}/index.html` }, args)) as Outcome<AnnalistContract[K]['result']>
  }
  t.after(async () => {
    for (const session of sessions) await session.close()
    await rm(dataDir, { recursive: true, force: true })
  })
  return { dataDir, start, asked, progress, answer: (next: string | null) => (answer = next) }
}

test('previewFigure answers with a PNG of the figure and what it left out', async (t) => {
  const app = await openApp(t)
  const call = await app.start()
  const preview = await call('previewFigure', { range: { kind: 'dates', from: '2021-11', to: '2022-02' }, size: { width: 500, height: 400 } })
  assert.ok(preview.ok, preview.ok ? '' : preview.error)
  // An image for an <img>, drawn as the PNG export is: small figures at their own size.
  const [kind, base64] = preview.value.image.split(',')
  assert.equal(kind, 'data:image/png;base64')
  const png = PNG.sync.read(Buffer.from(base64!, 'base64'))
  assert.deepEqual([png.width, png.height], [500, 400])
  const slide = await call('previewFigure', { size: { preset: 'slide' } })
  assert.ok(slide.ok)
  const big = PNG.sync.read(Buffer.from(slide.value.image.split(',')[1]!, 'base64'))
  assert.deepEqual([big.width, big.height, slide.value.width], [1600, 900, 1920], 'a slide preview is at most 1,600 px wide')
  assert.equal(preview.value.width, 500)
  assert.equal(preview.value.events, 10)
  assert.ok(preview.value.labelsDropped > 0 && preview.value.labelsDropped < 10, 'a 500 px figure cannot label all ten events')
})

test('bad options are refused as data, never thrown', async (t) => {
  const call = await (await openApp(t)).start()
  for (const [channel, args] of [
    ['previewFigure', [{ size: { preset: 'a3' } }]],
    ['previewFigure', [{ scale: 9 }]],
    ['previewFigure', [{ range: { kind: 'dates', from: '2022-13', to: '2022-02' } }]],
    ['previewFigure', [{ colour: 'red' }]],
    ['exportFigure', [{}, 'gif']],
  ] as const) {
    const outcome = await call(channel, ...args)
    assert.equal(outcome.ok, false, JSON.stringify(args))
  }
  const backwards = await call('previewFigure', { range: { kind: 'dates', from: '2022-02', to: '2021-11' } })
  assert.ok(!backwards.ok && /ends before it starts/.test(backwards.error))
})

test('exportFigure writes where the save dialog says, remembers the options, and survives a restart', async (t) => {
  const app = await openApp(t)
  const call = await app.start()
  const target = path.join(app.dataDir, 'exports', 'brief.png')
  await mkdir(path.dirname(target))
  app.answer(target)
  const options = { range: { kind: 'dates', from: '2021-11', to: '2022-02' }, size: { preset: 'slide' }, scale: 2, title: 'Crisis <brief>', banner: 'UNCLASSIFIED', eventIds: ['geneva-ssd-2022'] }
  const saved = await call('exportFigure', options, 'png')
  assert.ok(saved.ok, saved.ok ? '' : saved.error)
  assert.deepEqual(app.asked, [{ suggestedName: 'crisis-brief.png', format: 'png' }])
  assert.ok(saved.value.saved && saved.value.file === target && saved.value.format === 'png')
  const png = PNG.sync.read(await readFile(target))
  assert.deepEqual([png.width, png.height], [3840, 2160])
  assert.deepEqual(await readdir(path.dirname(target)), ['brief.png'], 'no temp file left beside it')
  assert.deepEqual(
    app.progress.map((p) => `${p.stage} ${p.format} ${p.events}`),
    ['drawing png 0', 'converting png 1', 'saving png 1'],
    'the window is told where a long export has got to',
  )

  const again = await app.start()
  const remembered = await again('getFigureOptions')
  assert.ok(remembered.ok && remembered.value)
  assert.equal(remembered.value.title, 'Crisis <brief>')
  assert.equal(remembered.value.scale, 2)
  assert.deepEqual(remembered.value.range, options.range)
  assert.ok(!('eventIds' in remembered.value), 'the event filter belongs to the moment, not to the preferences')
})

test('the preview and a PNG or PDF export name the characters the font lacks; an SVG keeps them', async (t) => {
  const app = await openApp(t)
  const call = await app.start()
  const options = { range: { kind: 'dates', from: '2021-11', to: '2022-02' }, title: '北京 briefing' }
  const preview = await call('previewFigure', options)
  assert.ok(preview.ok, preview.ok ? '' : preview.error)
  assert.deepEqual(preview.value.undrawable, ['北', '京'])
  await mkdir(path.join(app.dataDir, 'exports'))
  for (const [format, expected] of [['pdf', ['北', '京']], ['svg', []]] as const) {
    app.answer(path.join(app.dataDir, 'exports', `brief.${format}`))
    const saved = await call('exportFigure', options, format)
    assert.ok(saved.ok && saved.value.saved, saved.ok ? '' : saved.error)
    assert.deepEqual(saved.value.undrawable, expected, format)
  }
})

test('cancelling the save dialog writes nothing; no dialog at all is an error in words', async (t) => {
  const app = await openApp(t)
  const call = await app.start()
  app.answer(null)
  const cancelled = await call('exportFigure', {}, 'pdf')
  assert.deepEqual(cancelled, { ok: true, value: { saved: false } })
  const remembered = await call('getFigureOptions')
  assert.deepEqual(remembered, { ok: true, value: null })
  const noDialog = await (await app.start(false))('exportFigure', {}, 'svg')
  assert.ok(!noDialog.ok && /needs a save dialog/.test(noDialog.error))
})

test('a damaged preferences file costs only the remembered options', async (t) => {
  const app = await openApp(t)
  const call = await app.start()
  await mkdir(path.dirname(figureOptionsFile(app.dataDir)), { recursive: true })
  await writeFile(figureOptionsFile(app.dataDir), '{"__proto__": {"polluted": true}, "x": ')
  assert.deepEqual(await call('getFigureOptions'), { ok: true, value: null })
  app.answer(path.join(app.dataDir, 'fig.svg'))
  const saved = await call('exportFigure', { title: 'After damage' }, 'svg')
  assert.ok(saved.ok && saved.value.saved)
  const remembered = await call('getFigureOptions')
  assert.ok(remembered.ok && remembered.value?.title === 'After damage')
  assert.equal(({} as Record<string, unknown>).polluted, undefined)
})

test('without its fonts the export dialog still opens, and the preview names what is missing', async (t) => {
  const app = await openApp(t)
  const noFonts = path.join(app.dataDir, 'no-fonts')
  await mkdir(noFonts)
  const call = await app.start(true, noFonts)
  const options = await call('getFigureOptions')
  assert.ok(options.ok, options.ok ? '' : options.error)
  const preview = await call('previewFigure', { size: { preset: 'slide' } })
  assert.equal(preview.ok, false)
  assert.match(preview.ok ? '' : preview.error, /no-fonts[\\/](advances\.json|IBMPlexSans)/)
})
