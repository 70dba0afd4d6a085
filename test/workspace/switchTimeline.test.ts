/**
 * TimelineSession.switchTo, the step under File ▸ New / Open / Close: it never leaves a change
 * behind. While saving fails (a full disk) the switch is refused and the timeline stays open; once
 * the fault clears, the switch saves first. Save-state listeners follow the session to the new file.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseTimelineText, serializeTimeline } from '../../main/store/timelineFile'
import type { SaveState } from '../../main/store/saveQueue'
import { TimelineSession } from '../../main/timelineSession'
import { Workspace } from '../../main/workspace/workspace'
import { FaultyFileSystem, sampleDocument, tempLibrary } from '../store/helpers'

test('a switch waits for pending saves, is refused while they fail, and carries listeners along', async () => {
  const library = await tempLibrary()
  const fs = new FaultyFileSystem()
  await writeFile(library.file('first'), serializeTimeline(sampleDocument('First')))
  await writeFile(library.file('second'), serializeTimeline(sampleDocument('Second')))
  const session = await TimelineSession.open(library.file('first'), { fs, retryDelaysMs: [20], dataDir: library.dataDir })
  const heard: SaveState['state'][] = []
  session.onSaveStateChange((state) => heard.push(state.state))
  try {
    await session.flush()
    fs.fault = { step: 'write', code: 'ENOSPC', folder: path.join(library.dataDir, 'timelines') }
    const state = await session.commit({ ...session.document, meta: { ...session.document.meta, title: 'First, edited on a full disk' } })
    assert.equal(state.state, 'retrying')
    await assert.rejects(session.switchTo(library.file('second'), { dataDir: library.dataDir }), /not saved yet \(the disk is full/)
    assert.equal(session.document.meta.title, 'First, edited on a full disk', 'the timeline stays open with the change')

    fs.fault = null
    await session.switchTo(library.file('second'), { dataDir: library.dataDir })
    assert.equal(session.document.meta.title, 'Second')
    assert.equal(parseTimelineText(await readFile(library.file('first'), 'utf8')).meta.title, 'First, edited on a full disk', 'saved before switching')

    heard.length = 0
    await session.commit({ ...session.document, meta: { ...session.document.meta, title: 'Second, edited' } })
    assert.ok(heard.includes('saving') || heard.includes('saved'), 'listeners hear the new file’s saves')
    assert.equal(parseTimelineText(await readFile(library.file('second'), 'utf8')).meta.title, 'Second, edited')
  } finally {
    await session.close()
    await library.remove()
  }
})

test('Save a Copy As rescues the latest changes while the timeline’s own disk is full', async () => {
  const library = await tempLibrary()
  const fs = new FaultyFileSystem()
  await writeFile(library.file('first'), serializeTimeline(sampleDocument('First')))
  const session = await TimelineSession.open(library.file('first'), { fs, retryDelaysMs: [20], dataDir: library.dataDir })
  try {
    await session.flush()
    fs.fault = { step: 'write', code: 'ENOSPC', folder: path.join(library.dataDir, 'timelines') }
    await session.commit({ ...session.document, meta: { ...session.document.meta, title: 'Edited on a full disk' } })
    const rescue = path.join(await mkdtemp(path.join(os.tmpdir(), 'annalist-rescue-')), 'rescue.annalist.json')
    await new Workspace(session, { dataDir: library.dataDir }).saveCopy(rescue)
    assert.equal(parseTimelineText(await readFile(rescue, 'utf8')).meta.title, 'Edited on a full disk')
    fs.fault = null
  } finally {
    await session.close()
    await library.remove()
  }
})
