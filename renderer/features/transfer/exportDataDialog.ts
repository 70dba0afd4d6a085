/**
 * File ▸ Export data…: the timeline as an Annalist file, a CSV spreadsheet, TimelineJS JSON (to
 * publish as a web story) or Markwhen text, each saying what it keeps; then the native save dialog.
 */
import type { ExportFormat } from '../../../main/ipc/contract'
import { request } from '../../api'
import { el } from '../../dom'
import type { AppContext } from '../../shell/appContext'
import { countOf } from '../../counts'

const FORMATS: { format: ExportFormat; name: string; keeps: string }[] = [
  { format: 'json', name: 'Annalist timeline (JSON)', keeps: 'Everything: events, sources and grades, lanes, notes and their history.' },
  { format: 'csv', name: 'CSV spreadsheet', keeps: 'One row per event with its lanes, place and sources with grades; notes are left out. Cells a spreadsheet would run as formulas are escaped.' },
  { format: 'timelinejs', name: 'TimelineJS (JSON)', keeps: 'Events as slides (first lane as group, first web source as media) and span notes as eras, to publish as a web story; grades and other notes are left out.' },
  { format: 'markwhen', name: 'Markwhen (.mw)', keeps: 'Events as dated lines with lanes, places and graded sources; notes are left out.' },
]

export function createExportDataDialog(context: AppContext): { element: HTMLDialogElement; open(): void } {
  const choices = FORMATS.map(({ format, name, keeps }, index) => {
    const input = el('input', { attrs: { type: 'radio', name: 'export-format', value: format, checked: index === 0 } })
    return { format, input, label: el('label', { className: 'choice export-choice' }, [input, el('span', {}, [el('strong', { text: name }), el('span', { className: 'muted', text: ` — ${keeps}` })])]) }
  })
  const message = el('p', { className: 'date-preview error', attrs: { role: 'status', 'aria-live': 'polite' } })
  const save = el('button', { className: 'primary', text: 'Export…', attrs: { type: 'button' }, on: { click: () => void exportData() } })
  const dialog = el('dialog', { className: 'dialog export-data', attrs: { 'aria-label': 'Export data' } }, [
    el('h2', { text: 'Export data' }),
    el('div', { attrs: { role: 'radiogroup', 'aria-label': 'Format' } }, choices.map((c) => c.label)),
    message,
    el('div', { className: 'dialog-buttons' }, [el('button', { text: 'Cancel', attrs: { type: 'button' }, on: { click: () => dialog.close() } }), save]),
  ])

  async function exportData(): Promise<void> {
    const format = choices.find((c) => c.input.checked)?.format ?? 'json'
    save.disabled = true
    message.textContent = ''
    try {
      const result = await request('exportData', format)
      if (!result.saved) return // the save dialog was cancelled; stay here to choose again
      dialog.close()
      context.status(`Exported ${countOf(result.events, 'event')} to ${result.file}`)
    } catch (error) {
      message.textContent = error instanceof Error ? error.message : String(error)
    } finally {
      save.disabled = false
    }
  }

  return {
    element: dialog,
    open() {
      message.textContent = ''
      dialog.showModal()
    },
  }
}
