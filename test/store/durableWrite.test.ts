/** The durable writer on its own: unique temps, retried renames, and leftovers cleaned up. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { realFileSystem, removeLeftoverTempFiles, writeFileDurably, type FileSystem } from '../../main/store/durableWrite'
import { tempFilesIn, tempLibrary } from './helpers'

test('a rename held briefly by another program (EPERM, EBUSY) is retried and succeeds', async () => {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, 'old')
  const heldFor = ['EPERM', 'EBUSY', 'EACCES']
  const fs: FileSystem = {
    ...realFileSystem,
    rename: async (from, to) => {
      const code = heldFor.shift()
      if (code) throw Object.assign(new Error(code), { code })
      return realFileSystem.rename(from, to)
    },
  }
  await writeFileDurably(file, 'new', { fs, renameRetryDelaysMs: [1, 1, 1] })
  assert.equal(await readFile(file, 'utf8'), 'new')
  assert.deepEqual(await tempFilesIn(path.dirname(file)), [])
  await library.remove()
})

test('a rename failing for good leaves the old file and no temp file', async () => {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, 'old')
  const fs: FileSystem = { ...realFileSystem, rename: async () => Promise.reject(Object.assign(new Error('EBUSY'), { code: 'EBUSY' })) }
  await assert.rejects(writeFileDurably(file, 'new', { fs, renameRetryDelaysMs: [1, 1] }), /EBUSY/)
  assert.equal(await readFile(file, 'utf8'), 'old')
  assert.deepEqual(await tempFilesIn(path.dirname(file)), [])
  await library.remove()
})

test('temp files left by a killed write are removed on opening, and only those of this file', async () => {
  const library = await tempLibrary()
  const file = library.file()
  const folder = path.dirname(file)
  await writeFile(path.join(folder, '.crisis.annalist.json.annalist-tmp-123-abcdef'), '{"half')
  await writeFile(path.join(folder, '.other.annalist.json.annalist-tmp-9-ffffff'), '{}')
  assert.deepEqual(await removeLeftoverTempFiles(file), ['.crisis.annalist.json.annalist-tmp-123-abcdef'])
  assert.deepEqual(await tempFilesIn(folder), ['.other.annalist.json.annalist-tmp-9-ffffff'])
  await library.remove()
})
