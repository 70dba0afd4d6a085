/** Every export format, chosen by name or by the output file's extension. */
import path from 'node:path'
import type { TimelineDocument } from '../domain/timeline'
import { exportNativeJson } from './nativeJson'
import { exportCsv, exportMarkwhen, exportTimelineJs } from './exporters'

import { EXPORT_FORMATS, type ExportFormat } from './transferPayloads'

export { EXPORT_FORMATS, type ExportFormat }

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { json: 'json', csv: 'csv', timelinejs: 'json', markwhen: 'mw' }

export function formatForPath(file: string): ExportFormat | null {
  switch (path.extname(file).toLowerCase()) {
    case '.json':
      return 'json'
    case '.csv':
      return 'csv'
    case '.mw':
      return 'markwhen'
    default:
      return null
  }
}

export function exportDocument(document: TimelineDocument, format: ExportFormat): string {
  switch (format) {
    case 'json':
      return exportNativeJson(document)
    case 'csv':
      return exportCsv(document)
    case 'timelinejs':
      return exportTimelineJs(document)
    case 'markwhen':
      return exportMarkwhen(document)
  }
}
