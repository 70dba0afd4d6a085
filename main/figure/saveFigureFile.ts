/**
 * Writing an exported figure where the analyst asked. Temp file beside the target, then rename, so
 * a failed or interrupted export never leaves half a PNG under the chosen name (a reader would
 * paste a broken image into a briefing). The timeline's own durable writer takes text; figures are
 * bytes, and an export can always be redone, so the folder fsync is not needed here.
 */
import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

export async function saveFigureFile(target: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.annalist-tmp-${process.pid}-${randomBytes(6).toString('hex')}`)
  try {
    await writeFile(temp, bytes, { flag: 'wx', flush: true })
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
}

/** A file name for the save dialog: "russia-west-crisis-winter-2021-22.png". */
export function suggestedFigureName(title: string, extension: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return `${slug || 'timeline-figure'}.${extension}`
}
