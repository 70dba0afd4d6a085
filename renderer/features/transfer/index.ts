/** File ▸ Import…, Export data… and Merge…: bringing data in, taking it out, combining colleagues' work. */
import type { AppContext } from '../../shell/appContext'
import { createExportDataDialog } from './exportDataDialog'
import { createImportDialog } from './importDialog'
import { createMergeReview } from './mergeReview'

export function mountTransfer(context: AppContext): void {
  const importDialog = createImportDialog(context)
  const exportDialog = createExportDataDialog(context)
  const mergeReview = createMergeReview(context)
  context.dialogs.append(importDialog.element, exportDialog.element, mergeReview.element)
  context.addCommand('import', 'Import…', () => void importDialog.start())
  context.addCommand('export-data', 'Export data…', () => exportDialog.open())
  context.addCommand('merge', 'Merge a colleague’s timeline…', () => void mergeReview.start())
}
