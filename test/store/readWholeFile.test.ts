/** Reading a timeline file in one piece gives its bytes even when it changed size since it was measured. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { readWholeFile } from '../../main/store/timelineFile'
import { tempLibrary } from './helpers'

test('a file is read whole, whether it kept, gained or lost bytes since its size was taken', async () => {
  const library = await tempLibrary()
  try {
    const file = library.file()
    const text = `{"events": [${'"x",'.repeat(5_000)}"y"]}`
    await writeFile(file, text)
    const size = Buffer.byteLength(text)
    assert.equal(Buffer.from(await readWholeFile(file, size)).toString(), text)
    // Grew: written to since it was measured.
    assert.equal(Buffer.from(await readWholeFile(file, size - 100)).toString(), text)
    // Shrank: cut short since it was measured.
    assert.equal(Buffer.from(await readWholeFile(file, size + 100)).toString(), text)
    assert.equal((await readWholeFile(file, 0)).length, size)
  } finally {
    await library.remove()
  }
})
