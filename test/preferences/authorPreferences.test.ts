import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { AuthorPreferences, authorPreferencesFile, initialsFor } from '../../main/preferences/authorPreferences'

async function tempDataDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'annalist-prefs-'))
  t.after(() => rm(dir, { recursive: true, force: true }))
  return dir
}

test('initials come from the first letters of up to three words', () => {
  assert.equal(initialsFor('Jane Analyst'), 'JA')
  assert.equal(initialsFor('  élodie de la Tour '), 'ÉDL')
  assert.equal(initialsFor('J. R. R. Tolkien'), 'JRR')
  assert.equal(initialsFor('#42 Desk'), 'D')
  assert.equal(initialsFor(''), '')
})

test('no file yet means no name: the window asks', async (t) => {
  const prefs = new AuthorPreferences(await tempDataDir(t))
  assert.deepEqual(await prefs.author(), { name: '', initials: '' })
})

test('the name is written to preferences/author.json and read back by a later run; no temp files are left', async (t) => {
  const dataDir = await tempDataDir(t)
  await new AuthorPreferences(dataDir).setAuthor({ name: 'Omar Colleague', initials: ' oc ' })
  assert.deepEqual(await new AuthorPreferences(dataDir).author(), { name: 'Omar Colleague', initials: 'oc' })
  assert.deepEqual(await readdir(path.dirname(authorPreferencesFile(dataDir))), ['author.json'])
})

test('a damaged or hostile file reads as "not set" rather than failing or polluting objects', async (t) => {
  const dataDir = await tempDataDir(t)
  const file = authorPreferencesFile(dataDir)
  await mkdir(path.dirname(file), { recursive: true })
  for (const text of ['', '\u0000\u0000', '{"name": 3}', '{"__proto__": {"name": "x"}, "name": "a", "initials": "b"}', '{"name":"a","initials":"b","extra":1}']) {
    await writeFile(file, text)
    assert.deepEqual(await new AuthorPreferences(dataDir).author(), { name: '', initials: '' }, JSON.stringify(text))
  }
  await writeFile(file, '\uFEFF{"name":"Jane","initials":"J"}')
  assert.deepEqual(await new AuthorPreferences(dataDir).author(), { name: 'Jane', initials: 'J' }, 'a BOM is fine')
  assert.equal(({} as Record<string, unknown>).name, undefined)
})

test('a name longer than the schema allows is refused', async (t) => {
  const prefs = new AuthorPreferences(await tempDataDir(t))
  await assert.rejects(prefs.setAuthor({ name: 'x', initials: 'ABCDEFGHIJ' }))
  assert.deepEqual(await prefs.author(), { name: '', initials: '' })
})
