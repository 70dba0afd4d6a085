/** The checks every imported file passes first. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, writeFile, truncate } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { decodeText, parseJsonSafely, readImportFile, recordFrom } from '../../main/formats/inputGuards'
import { ImportError } from '../../main/formats/importError'

const bytes = (text: string) => new TextEncoder().encode(text)

test('the size cap is checked before reading: a sparse 300 MB file is refused at once', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'annalist-guards-'))
  const file = path.join(dir, 'huge.csv')
  await writeFile(file, '')
  await truncate(file, 300 * 1024 * 1024)
  const started = Date.now()
  await assert.rejects(readImportFile(file), (e: unknown) => e instanceof ImportError && /huge\.csv, byte \d+: the file is 314\.6 MB, more than the 268 MB Annalist imports/.test(e.message))
  assert.ok(Date.now() - started < 1_000, 'refused without reading')
})

test('BOM stripped; UTF-16 LE and BE converted with a warning; NUL bytes and Latin-1 refused with a location', () => {
  assert.equal(decodeText(bytes('\ufeffdate,title'), 'a.csv').text, 'date,title')
  const le = Buffer.from('\ufeffdate,title\n2022-01-10,Женева', 'utf16le')
  const decoded = decodeText(le, 'a.csv')
  assert.equal(decoded.text, 'date,title\n2022-01-10,Женева')
  assert.match(decoded.warnings[0]!, /UTF-16LE/)
  const be = Buffer.from(le).swap16()
  assert.equal(decodeText(be, 'a.csv').text, 'date,title\n2022-01-10,Женева')
  const noBom = Buffer.from('date,title\n2022-01-10,Geneva', 'utf16le')
  assert.equal(decodeText(noBom, 'a.csv').text, 'date,title\n2022-01-10,Geneva')
  assert.throws(() => decodeText(bytes('date\u0000,title\n1,2,3,4'), 'a.csv'), /a\.csv, byte 4: the file contains NUL bytes/)
  assert.throws(() => decodeText(Uint8Array.from([0x61, 0x62, 0xe9, 0x63]), 'a.csv'), /a\.csv, byte 2: the file is not UTF-8/)
  assert.throws(() => decodeText(new Uint8Array(), 'a.csv'), /empty/)
})

test('JSON: prototype keys, deep nesting and syntax errors refused with where they are', () => {
  assert.throws(() => parseJsonSafely('{"a": {"__proto__": {"polluted": 1}}}', 'x.json'), /x\.json, .*"__proto__"/)
  assert.throws(() => parseJsonSafely('{"constructor": {"prototype": {"polluted": 1}}}', 'x.json'), /refuses/)
  assert.throws(() => parseJsonSafely(`${'['.repeat(100)}${']'.repeat(100)}`, 'x.json'), /x\.json, line 1, column 65: the data nests more than 64 levels/)
  assert.throws(() => parseJsonSafely('{\n  "a": 1,\n  "b": }', 'x.json'), /x\.json, line 3, column 8: the file is not valid JSON/)
  assert.throws(() => parseJsonSafely('{"a": [1, 2', 'x.json'), /x\.json, line 1, column 12 \(end of file\)/)
  assert.throws(() => parseJsonSafely('{"events": [{"prototype": {"polluted": 1}}]}', 'x.json'), /x\.json, at \.events\[0\]\.prototype: the file contains a "prototype" key/)
  assert.equal(({} as Record<string, unknown>).polluted, undefined)
})

test('records have no prototype, so a column named __proto__ is only a column', () => {
  const record = recordFrom(['__proto__', 'constructor', 'title'], ['{"polluted":1}', 'x', 'Geneva'])
  assert.equal(Object.getPrototypeOf(record), null)
  assert.equal(record.__proto__, '{"polluted":1}')
  assert.equal(record.title, 'Geneva')
  assert.equal(({} as Record<string, unknown>).polluted, undefined)
})
