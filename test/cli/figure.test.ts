/**
 * The `annalist figure` command as a report pipeline runs it: a real process, real files, and a
 * distinct exit code for each kind of mistake.
 */
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PNG } from 'pngjs'
import { XMLValidator } from 'fast-xml-parser'
import { annotatedSeed } from '../figure/fixtures'
import { runCli } from '../../main/cli/index'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const TSX = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx')

let dir = ''
let timeline = ''

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'annalist-cli-'))
  timeline = path.join(dir, 'crisis.json')
  await writeFile(timeline, JSON.stringify(annotatedSeed()))
})

after(() => rm(dir, { recursive: true, force: true }))

/** A real process, as a pipeline runs it: once per exit code, since each start costs seconds. */
function spawned(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'main/cli/index.ts'), ...args], { cwd: dir, env: { ...process.env, ANNALIST_FONTS_DIR: path.join(ROOT, 'data/fonts') } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

/** The same entry point in this process, for the many variations of each mistake. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`), cwd: dir })
  return { code, stdout, stderr }
}

test('as a process: success exits 0 and each kind of failure has its own exit code', async () => {
  const ok = await spawned('figure', 'crisis.json', '--out', 'spawned.svg', '--from', '2021-11', '--to', '2022-02')
  assert.equal(ok.code, 0, ok.stderr)
  assert.match(ok.stdout, /Wrote .*spawned\.svg/)
  assert.equal((await spawned('figure', 'crisis.json', '--out', 'x.png', '--preset', 'a3')).code, 2)
  assert.equal((await spawned('figure', 'missing.json', '--out', 'x.png')).code, 3)
  assert.equal((await spawned('figure', 'crisis.json', '--out', 'x.png', '--from', '2022-02-30', '--to', '2022-03')).code, 4)
  const unwritable = await spawned('figure', 'crisis.json', '--out', path.join(dir, 'no-such-folder', 'x.png'))
  assert.equal(unwritable.code, 5)
  assert.match(unwritable.stderr, /annalist figure: cannot write/)
})

test('figure writes a PNG of the asked size and scale, and says what it wrote', async () => {
  const run = await cli('figure', 'crisis.json', '--out', 'brief.png', '--from', '2021-11', '--to', '2022-02', '--preset', 'a4-landscape', '--scale', '2', '--title', 'Crisis', '--banner', 'UNCLASSIFIED', '--footnotes')
  assert.equal(run.code, 0, run.stderr)
  assert.match(run.stdout, /Wrote .*brief\.png \(PNG, 2246 × 1588 px, 10 events\)/)
  const png = PNG.sync.read(await readFile(path.join(dir, 'brief.png')))
  assert.deepEqual([png.width, png.height], [2246, 1588])
})

test('figure chooses SVG and PDF by extension; custom size and lanes', async () => {
  const svg = await cli('figure', timeline, '-o', 'out.svg', '--width', '1200', '--height', '800', '--lanes', 'russia,China', '--subtitle', 'Two lanes')
  assert.equal(svg.code, 0, svg.stderr)
  const text = await readFile(path.join(dir, 'out.svg'), 'utf8')
  assert.equal(XMLValidator.validate(text), true)
  assert.match(text, /width="1200" height="800"/)
  assert.ok(text.includes('Two lanes') && !text.includes('>United States<'))
  const bare = await cli('figure', timeline, '-o', 'bare.svg', '--no-notes', '--no-lane-names', '--no-grades')
  assert.equal(bare.code, 0, bare.stderr)
  const bareText = await readFile(path.join(dir, 'bare.svg'), 'utf8')
  assert.ok(!bareText.includes('Sanctions warning') && !bareText.includes('>Russia<') && !bareText.includes('SOURCE GRADES'))
  const pdf = await cli('figure', timeline, '--out', 'out.pdf', '--generated-on', '2022-02-24')
  assert.equal(pdf.code, 0, pdf.stderr)
  assert.equal((await readFile(path.join(dir, 'out.pdf'))).subarray(0, 5).toString(), '%PDF-')
})

test('--help documents the command line and every figure option', async () => {
  const overview = await cli('--help')
  assert.equal(overview.code, 0)
  assert.match(overview.stdout, /figure\s+draw a briefing figure/)
  const help = await cli('figure', '--help')
  assert.equal(help.code, 0)
  for (const option of ['--out', '--from', '--to', '--preset', '--width', '--height', '--scale', '--title', '--subtitle', '--banner', '--lanes', '--footnotes', '--no-notes', '--no-lane-names', '--no-grades', '--generated-on', '--help']) {
    assert.ok(help.stdout.includes(option), `help mentions ${option}`)
  }
  assert.match(help.stdout, /slide, a4-landscape, a4-portrait, letter-landscape, letter-portrait/)
})

test('a bad option exits 2 and says what is wrong', async () => {
  const cases: [string[], RegExp][] = [
    [['figure', 'crisis.json', '--out', 'x.png', '--colour', 'red'], /Unknown option '--colour'/],
    [['figure', 'crisis.json'], /--out is required/],
    [['figure', 'crisis.json', '--out', 'x.gif'], /must end in \.svg, \.png or \.pdf/],
    [['figure', 'crisis.json', '--out', 'x.png', '--preset', 'a3'], /--preset must be one of/],
    [['figure', 'crisis.json', '--out', 'x.png', '--scale', '9'], /--scale must be a number from 1 to 4/],
    [['figure', 'crisis.json', '--out', 'x.png', '--width', '800'], /give both --width and --height/],
    [['figure', 'crisis.json', '--out', 'x.png', '--from', '2021-11'], /give both --from and --to/],
    [['figure', 'crisis.json', '--out', 'x.png', '--lanes', 'russia,atlantis'], /no lane "atlantis"/],
    [['chart', 'crisis.json'], /unknown command "chart"/],
  ]
  for (const [args, message] of cases) {
    const run = await cli(...args)
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`)
    assert.match(run.stderr, message)
  }
})

test('a missing or broken timeline file exits 3', async () => {
  await writeFile(path.join(dir, 'broken.json'), '{"schemaVersion": 1, "meta": ')
  await writeFile(path.join(dir, 'notatimeline.json'), '{"hello": "world"}')
  for (const [file, message] of [['missing.json', /there is no file/], ['broken.json', /not valid JSON/], ['notatimeline.json', /not a valid timeline|format version/]] as const) {
    const run = await cli('figure', file, '--out', 'x.png')
    assert.equal(run.code, 3, `${file}: ${run.stderr}`)
    assert.match(run.stderr, message)
  }
})

test('bad dates exit 4', async () => {
  for (const [from, to, message] of [['2022-13', '2022-02', /"2022-13" is not an EDTF date/], ['2021-11', '2022-02-30', /February 2022 has only 28 days/], ['2022-02', '2021-11', /ends before it starts/]] as const) {
    const run = await cli('figure', 'crisis.json', '--out', 'x.png', '--from', from, '--to', to)
    assert.equal(run.code, 4, `${from}..${to}: ${run.stderr}`)
    assert.match(run.stderr, message)
  }
})

test('an unwritable output path exits 5 and leaves nothing behind', async () => {
  const missingFolder = await cli('figure', 'crisis.json', '--out', path.join(dir, 'no-such-folder', 'x.png'))
  assert.equal(missingFolder.code, 5, missingFolder.stderr)
  assert.match(missingFolder.stderr, /cannot write .*x\.png/)
  if (process.platform !== 'win32' && process.getuid?.() !== 0) {
    const locked = path.join(dir, 'locked')
    await mkdir(locked)
    await chmod(locked, 0o500)
    const run = await cli('figure', 'crisis.json', '--out', path.join(locked, 'x.png'))
    assert.equal(run.code, 5, run.stderr)
    await chmod(locked, 0o700)
  }
  await assert.rejects(stat(path.join(dir, 'no-such-folder')))
})
