/**
 * The window's side of saving and backups, through the real dispatcher: the save state, the list of
 * snapshots, and restoring one; a made-up id never reaches the disk.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { createDispatcher } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { APP_ORIGIN } from '../../main/security/appUrl'
import type { BackupSummary, TimelineView } from '../../main/ipc/contract'
import { serializeTimeline } from '../../main/store/timelineFile'
import { TimelineSession } from '../../main/timelineSession'
import { sampleDocument, tempLibrary, withNote } from './helpers'

const fromApp = { url: `${APP_ORIGIN}/index.html` }

test('getSaveState, listBackups and restoreBackup answer the window', async () => {
  const library = await tempLibrary()
  const file = library.file()
  await writeFile(file, serializeTimeline(withNote(sampleDocument(), 'kept', 'in the backup')))
  const session = await TimelineSession.open(file)
  const dispatch = createDispatcher(createHandlers({ session, openInBrowser: async () => undefined }), APP_ORIGIN, () => undefined)
  try {
    await session.flush()
    assert.deepEqual(await dispatch('getSaveState', fromApp, []), { ok: true, value: { state: 'saved' } })

    const listed = await dispatch('listBackups', fromApp, [])
    assert.ok(listed.ok)
    const [backup] = listed.value as BackupSummary[]
    assert.equal(backup?.annotations, 1)

    await session.commit({ ...session.document, annotations: [] })
    const restored = await dispatch('restoreBackup', fromApp, [backup!.id])
    assert.ok(restored.ok)
    assert.equal((restored.value as TimelineView).annotationCount, 1)
    assert.deepEqual(session.document.annotations.map((a) => a.id), ['kept'])

    for (const id of ['../../timelines/crisis', 'x'.repeat(41), 42]) {
      const refused = await dispatch('restoreBackup', fromApp, [id])
      assert.equal(refused.ok, false)
    }
  } finally {
    await session.close()
    await library.remove()
  }
})
