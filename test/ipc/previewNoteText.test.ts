/**
 * The note editor's live preview: unsaved text read by the same safe Markdown reader that reads
 * saved notes, through the checking dispatcher, so the preview never shows a link the note won't keep.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Outcome } from '../../main/ipc/contract'
import type { MarkdownBlock } from '../../main/markdown/markdownTree'
import { createDispatcher } from '../../main/ipc/dispatch'
import { createHandlers } from '../../main/ipc/handlers'
import { TimelineSession } from '../../main/timelineSession'
import { SEED_FILE } from '../edits/fixtures'

const ORIGIN = 'app://annalist'

test('previewNoteText reads unsaved text as safe Markdown: hostile HTML and javascript: links stay text', async (t) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'annalist-preview-'))
  const file = path.join(dataDir, 'timelines', 'crisis.annalist.json')
  await mkdir(path.dirname(file), { recursive: true })
  await copyFile(SEED_FILE, file)
  const session = await TimelineSession.open(file, { backupEveryMs: 3_600_000 })
  t.after(async () => {
    await session.close()
    await rm(dataDir, { recursive: true, force: true })
  })
  const dispatch = createDispatcher(createHandlers({ session, openInBrowser: async () => undefined, dataDir }), ORIGIN)
  const preview = (args: unknown) => dispatch('previewNoteText', { url: `${ORIGIN}/index.html` }, args) as Promise<Outcome<MarkdownBlock[]>>

  assert.deepEqual(await preview(['Talks *failed*; [report](https://example.org/r)']), {
    ok: true,
    value: [
      {
        type: 'p',
        children: [
          { type: 'text', text: 'Talks ' },
          { type: 'em', children: [{ type: 'text', text: 'failed' }] },
          { type: 'text', text: '; ' },
          { type: 'link', href: 'https://example.org/r', children: [{ type: 'text', text: 'report' }] },
        ],
      },
    ],
  })
  assert.deepEqual(await preview(['<img src=x onerror=alert(1)> [x](javascript:alert(1))']), {
    ok: true,
    value: [{ type: 'p', children: [{ type: 'text', text: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' }] }],
  })
  const refused = await preview([42])
  assert.equal(refused.ok, false, 'a non-string is refused before the reader sees it')
  assert.equal(session.view().annotationCount, 0, 'previewing saves nothing')
})
