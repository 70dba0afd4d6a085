/**
 * File ▸ Import…: choose a file (native dialog), read it with a progress bar and Cancel, then a
 * preview — what was found, the first rows as they will appear, problems by row, duplicates — with
 * the CSV mapping step and the day/month question where needed. Import applies it whole, into this
 * timeline or as a new one, as one undoable step.
 */
import type { CurrentTimeline, ImportPreviewView, ImportRequest } from '../../../main/ipc/contract'
import { notices, request } from '../../api'
import { el } from '../../dom'
import type { AppContext } from '../../shell/appContext'
import { showSwitchedTimeline } from '../timelines'
import { mappingStep } from './mappingStep'
import { previewDuplicates, previewIssues, previewRows, previewSummary } from './previewParts'
import { countOf, formatCount } from '../../counts'

function radio(name: string, label: string, checked = false, extra: Record<string, string> = {}): { label: HTMLLabelElement; input: HTMLInputElement } {
  const input = el('input', { attrs: { type: 'radio', name, checked, ...extra } })
  return { input, label: el('label', { className: 'choice' }, [input, ` ${label}`]) }
}

export function createImportDialog(context: AppContext): { element: HTMLDialogElement; start(): Promise<void> } {
  const progress = el('progress', { attrs: { 'aria-label': 'Reading the file', max: 1 } })
  const progressWords = el('span', { className: 'muted' })
  const cancelReading = el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => void request('cancelImport').catch(() => undefined) } })
  const reading = el('div', { className: 'import-reading' }, [el('p', { text: 'Reading the file…' }), progress, progressWords, el('div', { className: 'dialog-buttons' }, [cancelReading])])
  const body = el('div', { className: 'import-body' })
  const dialog = el('dialog', { className: 'dialog import-dialog', attrs: { 'aria-label': 'Import' } }, [el('h2', { text: 'Import' }), reading, body])
  let readingNow = false
  let lastShown: ImportPreviewView | null = null
  /** The analyst's day/month answer for this file: once given, the question is gone, so it is shown here. */
  let dayFirstAnswer: boolean | undefined
  // Closing the dialog (Escape) while the file is being read stops the reading too.
  dialog.addEventListener('close', () => {
    if (readingNow) void request('cancelImport').catch(() => undefined)
  })

  notices.on('importProgress', ({ done, total }) => {
    progress.max = Math.max(total, 1)
    progress.value = done
    // The reader reports characters while parsing and rows after; a share means the same in both.
    progressWords.textContent = total > 0 ? `${Math.floor((done / total) * 100)} %` : ''
  })

  /** Reads (or re-reads) the file; the reading panel with Cancel shows meanwhile. */
  async function read(ask: ImportRequest): Promise<void> {
    if (ask.dayFirst !== undefined) dayFirstAnswer = ask.dayFirst
    reading.hidden = false
    body.hidden = true
    progress.removeAttribute('value')
    progressWords.textContent = ''
    let preview: ImportPreviewView | null
    readingNow = true
    try {
      preview = await request('previewImport', ask)
    } catch {
      // The status line says why. A new mapping or answer that failed leaves the last preview up;
      // a file that cannot be read (or a cancelled read) ends the import with the timeline unchanged.
      if (ask.previewId && lastShown && dialog.open) return show(lastShown)
      return dialog.close()
    } finally {
      readingNow = false
    }
    if (!preview || !dialog.open) return dialog.close()
    show(preview)
  }

  function show(preview: ImportPreviewView): void {
    lastShown = preview
    const skipErrors = el('input', { attrs: { type: 'checkbox' } })
    const duplicates = el('select', { attrs: { 'aria-label': 'Rows already in this timeline' } }, [
      el('option', { text: 'Leave them out', attrs: { value: 'skip' } }),
      el('option', { text: 'Import them as new events', attrs: { value: 'import-as-new' } }),
    ])
    const into = radio('import-destination', 'Into this timeline', true)
    const asNew = radio('import-destination', 'As a new timeline')
    const apply = el('button', { className: 'primary', text: 'Import', attrs: { type: 'button' }, on: { click: () => void applyPreview() } })
    const problem = el('p', { className: 'date-preview error', attrs: { role: 'status', 'aria-live': 'polite' } })
    const refresh = () => {
      apply.disabled = !preview.canApply || (preview.counts.errors > 0 && !skipErrors.checked)
    }
    skipErrors.addEventListener('change', refresh)
    refresh()

    const questions = preview.questions.map((q) => {
      const dayFirst = radio(`day-month-${q.column}`, `Day first: ${q.dayFirst}`)
      const monthFirst = radio(`day-month-${q.column}`, `Month first: ${q.monthFirst}`)
      dayFirst.input.addEventListener('change', () => void read({ previewId: preview.previewId, dayFirst: true }))
      monthFirst.input.addEventListener('change', () => void read({ previewId: preview.previewId, dayFirst: false }))
      return el('fieldset', { className: 'day-month' }, [
        el('legend', { text: `Column “${q.column}”: is “${q.example}” (row ${q.firstRow}, and ${formatCount(q.rows)} rows like it) day first or month first?` }),
        dayFirst.label,
        monthFirst.label,
      ])
    })

    async function applyPreview(): Promise<void> {
      apply.disabled = true
      problem.textContent = 'Importing…'
      const options = { skipRowsWithErrors: skipErrors.checked, duplicates: duplicates.value as 'skip' | 'import-as-new' }
      let cameFrom: CurrentTimeline | null = null
      try {
        if (asNew.input.checked) {
          // A new library timeline, opened, then the import lands in it as its first undoable step.
          cameFrom = (await request('listTimelines')).current
          await request('newTimeline', preview.title || preview.file.replace(/\.[^.]+$/, ''))
          await showSwitchedTimeline(context)
        }
        const applied = await request('applyImport', preview.previewId, { mode: 'merge-into', ...options }).catch(async (error: unknown) => {
          // The import did not apply: go back to the timeline the analyst was in (the new one stays empty in the library).
          if (cameFrom) {
            await request('openTimeline', cameFrom.name !== null ? { library: cameFrom.name } : { recent: cameFrom.location }).catch(() => undefined)
            await showSwitchedTimeline(context)
          }
          throw error
        })
        await context.reload()
        dialog.close()
        const notes = applied.annotations ? ` and ${countOf(applied.annotations, 'note')}` : ''
        context.status(`Imported ${countOf(applied.events, 'event')}${notes} from ${preview.file}${asNew.input.checked ? ' into a new timeline' : ''} (Undo reverses it)`)
      } catch (error) {
        problem.textContent = error instanceof Error ? error.message : String(error)
        refresh()
      }
    }

    const answered =
      dayFirstAnswer === undefined || questions.length > 0
        ? ''
        : el('p', { className: 'muted' }, [
            `Ambiguous dates are read ${dayFirstAnswer ? 'day first (03/04 is 3 April)' : 'month first (03/04 is 4 March)'}. `,
            el('button', {
              className: 'link-button',
              text: dayFirstAnswer ? 'Read them month first' : 'Read them day first',
              attrs: { type: 'button' },
              on: { click: () => void read({ previewId: preview.previewId, dayFirst: !dayFirstAnswer }) },
            }),
          ])

    body.replaceChildren(
      previewSummary(preview),
      answered,
      preview.csv ? mappingStep(preview.csv, (mapping) => void read({ previewId: preview.previewId, mapping })) : '',
      ...questions,
      previewRows(preview),
      previewIssues(preview) ?? '',
      previewDuplicates(preview) ?? '',
      el('div', { className: 'import-options' }, [
        preview.counts.errors > 0 ? el('label', { className: 'choice' }, [skipErrors, ' Leave out the rows with errors and import the rest']) : null,
        preview.counts.duplicates > 0 ? el('label', {}, ['Rows already in this timeline: ', duplicates]) : null,
        el('div', { attrs: { role: 'radiogroup', 'aria-label': 'Where to import' } }, [into.label, asNew.label]),
      ]),
      problem,
      el('div', { className: 'dialog-buttons' }, [el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => dialog.close() } }), apply]),
    )
    reading.hidden = true
    body.hidden = false
  }

  return {
    element: dialog,
    async start() {
      body.replaceChildren()
      lastShown = null
      dayFirstAnswer = undefined
      dialog.showModal()
      await read({})
    },
  }
}
