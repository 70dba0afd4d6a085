/**
 * Timeline files the operating system asks Annalist to open: double-clicked `.annalist` files (the
 * installers register that extension) and files dropped on the app's icon.
 * - Windows and Linux start the app with the file's path as an argument; when Annalist is already
 *   running, the single-instance lock hands that command line to the running app
 *   ('second-instance').
 * - macOS sends 'open-file', possibly before the app is ready, so it must be watched from the start.
 *
 * Wiring (main/index.ts, before app.whenReady()):
 *   const openedFiles = watchOpenedTimelineFiles(app, process.argv, process.cwd())
 *   // once a window can show them:
 *   openedFiles.onOpen((file) => ...open or import the timeline...)
 * Electron's `app` is passed in, so Node tests drive this with a stand-in.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** `.annalist` is what the installers register; `.annalist.json` is how the library names files. */
export const OPENABLE_EXTENSIONS = ['.annalist', '.annalist.json'] as const

export function isTimelineFileName(name: string): boolean {
  const lower = name.toLowerCase()
  return OPENABLE_EXTENSIONS.some((extension) => lower.endsWith(extension) && lower.length > extension.length)
}

/** A path, or a `file:` URL: Linux desktops may pass either for the `%U` in the desktop entry. */
function localPath(arg: string): string | null {
  // Any other URL (https:, …) is not a local file. Windows drive letters (`C:\`) have no `//`.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg) && !/^file:/i.test(arg)) return null
  if (!/^file:/i.test(arg)) return arg
  try {
    return fileURLToPath(arg)
  } catch {
    return null
  }
}

/** The timeline files named on a command line; switches (`--flag`) and everything else are ignored. */
export function timelineFilesInArgs(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-'))
    .map(localPath)
    .filter((file): file is string => file !== null && isTimelineFileName(file))
    .map((file) => path.resolve(workingDirectory, file))
}

export interface OpenFileEvents {
  on(event: 'open-file', listener: (event: { preventDefault(): void }, file: string) => void): unknown
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown
}

export interface OpenedTimelineFiles {
  /** Files that arrived before `onOpen` was called are delivered at once, in order. */
  onOpen(listener: (file: string) => void): void
}

export function watchOpenedTimelineFiles(app: OpenFileEvents, argv: readonly string[], workingDirectory: string): OpenedTimelineFiles {
  const waiting = timelineFilesInArgs(argv, workingDirectory)
  let deliver: ((file: string) => void) | null = null
  const arrived = (file: string): void => {
    if (deliver) deliver(file)
    else waiting.push(file)
  }
  app.on('open-file', (event, file) => {
    // Tells macOS the file is handled; otherwise it reports that Annalist cannot open it.
    event.preventDefault()
    if (isTimelineFileName(file)) arrived(file)
  })
  app.on('second-instance', (_event, secondArgv, secondDirectory) => {
    for (const file of timelineFilesInArgs(secondArgv, secondDirectory)) arrived(file)
  })
  return {
    onOpen(listener) {
      deliver = listener
      for (const file of waiting.splice(0)) listener(file)
    },
  }
}
