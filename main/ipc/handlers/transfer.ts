/**
 * File ▸ Import…, Export data… and Merge… as the main process sees them. File paths never come from
 * the window: the Electron glue supplies native dialogs (`chooseOpenPath`, `chooseExportPath`);
 * the window sees previews, chooses, and asks to apply. Imports and merges land as one undoable
 * step (a `replaceDocument` edit). Previews are kept here by id, trimmed when sent to the window.
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { HandlerMap } from '../handlers'
import type { TimelineSession } from '../../timelineSession'
import { noteTitle } from '../../domain/shortText'
import type { TimelineDocument } from '../../domain/timeline'
import { previewImportFile, IMPORT_EXTENSIONS, type ImportOptions } from '../../formats/importFile'
import { applyImport } from '../../formats/applyImport'
import type { ImportPreview } from '../../formats/importPreview'
import { ImportCancelled, ImportError } from '../../formats/importError'
import { exportDocument } from '../../formats/exportFile'
import { PREVIEW_LIST_LIMIT, type ExportFormat, type ImportPreviewView, type MergePreviewView } from '../../formats/transferPayloads'
import { mergeTimelines, type MergeResult } from '../../merge/mergeTimelines'
import { resolveConflicts } from '../../merge/resolveConflicts'
import { readTimelineFile, serializeTimeline } from '../../store/timelineFile'
import { writeFileDurably } from '../../store/durableWrite'
import { editApplied } from './editing'

export type TransferChannel = 'previewImport' | 'cancelImport' | 'applyImport' | 'exportData' | 'previewMerge' | 'applyMerge'

/** A native open dialog; resolves to null when the analyst cancels. */
export type ChooseOpenPath = (request: { purpose: 'import' | 'merge'; extensions: readonly string[] }) => Promise<string | null>
/** A native save dialog for data files; resolves to null when the analyst cancels. */
export type ChooseExportPath = (request: { suggestedName: string; format: ExportFormat }) => Promise<string | null>

export interface TransferHandlerDeps {
  session: TimelineSession
  chooseOpenPath?: ChooseOpenPath
  chooseExportPath?: ChooseExportPath
  /** Rows read so far of a long import, for a progress bar (the glue pushes it to the window). */
  reportImportProgress?: (progress: { done: number; total: number }) => void
}

/** A 100,000-row preview holds every event; keep only the latest few. */
const KEEP_PREVIEWS = 3

interface StoredPreview {
  file: string
  options: Pick<ImportOptions, 'mapping' | 'dayFirst'>
  preview: ImportPreview
  /** The document the preview was compared with; if the timeline changed since, it is read again. */
  against: TimelineDocument
}

interface StoredMerge {
  file: string
  theirs: TimelineDocument
  result: MergeResult
  against: TimelineDocument
}

function remember<T>(store: Map<string, T>, id: string, value: T, keep: number): void {
  store.set(id, value)
  while (store.size > keep) store.delete(store.keys().next().value as string)
}

function fileSlug(title: string): string {
  // Letters of any script are fine in file names; punctuation such as "/" or ":" is not.
  const slug = title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80)
  return slug || 'timeline'
}

const EXTENSION: Record<ExportFormat, string> = { json: '.annalist.json', csv: '.csv', timelinejs: '.timelinejs.json', markwhen: '.mw' }

function previewView(previewId: string, preview: ImportPreview): ImportPreviewView {
  return {
    previewId,
    file: preview.file,
    format: preview.format,
    ...(preview.title ? { title: preview.title } : {}),
    ...(preview.csv ? { csv: preview.csv } : {}),
    counts: preview.counts,
    newLanes: preview.lanes.filter((l) => !l.existing).map((l) => l.name),
    rows: preview.rows,
    issues: preview.issues.slice(0, PREVIEW_LIST_LIMIT),
    duplicates: preview.duplicates.slice(0, PREVIEW_LIST_LIMIT),
    questions: preview.questions,
    notes: preview.notes,
    canApply: preview.questions.length === 0 && preview.events.length + preview.annotations.length > 0,
  }
}

function conflictName(document: TimelineDocument, kind: 'event' | 'annotation', id: string): string {
  if (kind === 'event') return document.events.find((e) => e.id === id)?.title ?? id
  const note = document.annotations.find((a) => a.id === id)
  return note ? noteTitle(note, 60) : id
}

export function transferHandlers({ session, chooseOpenPath, chooseExportPath, reportImportProgress }: TransferHandlerDeps): Pick<HandlerMap, TransferChannel> {
  const previews = new Map<string, StoredPreview>()
  const merges = new Map<string, StoredMerge>()
  let running: AbortController | null = null

  const readPreview = async (file: string, options: StoredPreview['options']): Promise<ImportPreview> => {
    running?.abort()
    const controller = new AbortController()
    running = controller
    try {
      return await previewImportFile(file, session.document, { ...options, signal: controller.signal, onProgress: (done, total) => reportImportProgress?.({ done, total }) })
    } catch (error) {
      // ImportError and ImportCancelled already say what happened in the analyst's words.
      if (error instanceof ImportError || error instanceof ImportCancelled) throw new Error(error.message)
      throw error
    } finally {
      if (running === controller) running = null
    }
  }

  const freshPreview = async (stored: StoredPreview): Promise<ImportPreview> => {
    if (stored.against === session.document) return stored.preview
    stored.preview = await readPreview(stored.file, stored.options)
    stored.against = session.document
    return stored.preview
  }

  return {
    previewImport: async (request) => {
      const earlier = request.previewId ? previews.get(request.previewId) : undefined
      if (request.previewId && !earlier) throw new Error('that preview is no longer kept; choose the file again')
      let file = earlier?.file
      if (!file) {
        if (!chooseOpenPath) throw new Error('importing needs an open dialog, and none is available here')
        file = (await chooseOpenPath({ purpose: 'import', extensions: IMPORT_EXTENSIONS })) ?? undefined
        if (!file) return null
      }
      const options = { mapping: request.mapping ?? earlier?.options.mapping, dayFirst: request.dayFirst ?? earlier?.options.dayFirst }
      const against = session.document
      const preview = await readPreview(file, options)
      const previewId = request.previewId ?? randomUUID()
      remember(previews, previewId, { file, options, preview, against }, KEEP_PREVIEWS)
      return previewView(previewId, preview)
    },

    cancelImport: async () => {
      running?.abort()
    },

    applyImport: async (previewId, request) => {
      const stored = previews.get(previewId)
      if (!stored) throw new Error('that preview is no longer kept; choose the file again')
      const preview = await freshPreview(stored)
      const next = applyImport(session.document, preview, request)
      const events = next.events.length - (request.mode === 'new' ? 0 : session.document.events.length)
      const annotations = next.annotations.length - (request.mode === 'new' ? 0 : session.document.annotations.length)
      if (request.mode === 'new') {
        if (!chooseExportPath) throw new Error('a new timeline needs a save dialog, and none is available here')
        const file = await chooseExportPath({ suggestedName: `${fileSlug(next.meta.title)}${EXTENSION.json}`, format: 'json' })
        if (!file) return { mode: 'new', file: null, events, annotations }
        await writeFileDurably(file, serializeTimeline(next))
        previews.delete(previewId)
        return { mode: 'new', file, events, annotations }
      }
      const result = await session.applyEdit({ kind: 'replaceDocument', label: `import ${events.toLocaleString('en')} events from ${preview.file}`, document: next })
      previews.delete(previewId)
      return { mode: 'merge-into', edit: editApplied(session.document, result), events, annotations }
    },

    exportData: async (format) => {
      if (!chooseExportPath) throw new Error('exporting needs a save dialog, and none is available here')
      const document = session.document
      const file = await chooseExportPath({ suggestedName: `${fileSlug(document.meta.title)}${EXTENSION[format]}`, format })
      if (!file) return { saved: false }
      await writeFileDurably(file, exportDocument(document, format))
      return { saved: true, file, format, events: document.events.length, annotations: document.annotations.length }
    },

    previewMerge: async () => {
      if (!chooseOpenPath) throw new Error('merging needs an open dialog, and none is available here')
      const file = await chooseOpenPath({ purpose: 'merge', extensions: ['json'] })
      if (!file) return null
      const read = await readTimelineFile(file)
      const name = path.basename(file)
      if (!read) throw new Error(`${name} is not there any more`)
      if (read.loaded.kind === 'unreadable') throw new Error(`${name}: ${read.loaded.reason}`)
      if (read.loaded.kind === 'newer') throw new Error(`${name} is from a newer Annalist (format version ${read.loaded.version}); update Annalist to merge it`)
      const theirs = read.loaded.document
      const result = mergeTimelines(session.document, theirs)
      const mergeId = randomUUID()
      remember(merges, mergeId, { file: name, theirs, result, against: session.document }, 2)
      const view: MergePreviewView = {
        mergeId,
        file: name,
        added: result.added,
        historiesJoined: result.historiesJoined,
        conflicts: result.conflicts.map((c) => ({ kind: c.kind, id: c.id, name: conflictName(session.document, c.kind, c.id), field: c.field, mine: c.mine, theirs: c.theirs })),
      }
      return view
    },

    applyMerge: async (mergeId, choices, otherwise) => {
      const stored = merges.get(mergeId)
      if (!stored) throw new Error('that merge is no longer kept; choose the file again')
      // The timeline may have been edited since the preview: merge again, so nothing of mine is lost.
      const result = stored.against === session.document ? stored.result : mergeTimelines(session.document, stored.theirs)
      const next = resolveConflicts(result, choices, otherwise)
      const applied = await session.applyEdit({ kind: 'replaceDocument', label: `merge ${stored.file}`, document: next })
      merges.delete(mergeId)
      return editApplied(session.document, applied)
    },
  }
}
