/**
 * Maps an `app://annalist/<path>` request to a file inside the built renderer folder.
 * Anything that would leave that folder (`..`, encoded slashes, absolute paths) or names another
 * host is refused: the protocol serves the app and nothing else.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'annalist'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

export function resolveAppFile(rendererRoot: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let relative: string
  try {
    relative = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (relative.includes('\0') || relative.includes('\\')) return null
  if (relative === '/' || relative === '') relative = '/index.html'
  const root = path.resolve(rendererRoot)
  const file = path.resolve(root, `.${path.posix.normalize(relative)}`)
  if (file !== root && !file.startsWith(root + path.sep)) return null
  return file
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
}

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * A window file's bytes and type, read in one go; null when there is none. The main process serves
 * the window while it reads a large timeline, in long steps with pauses between them: a file read
 * in several asynchronous steps waited for a pause at each (app.js took 2.1 s to reach a window
 * opening 100,000 events), one read at once is served at the first pause (0.3 s). The window's
 * files are under a megabyte each.
 */
export function readAppFile(file: string): { body: Buffer; contentType: string } | null {
  try {
    return { body: readFileSync(file), contentType: contentTypeFor(file) }
  } catch {
    return null
  }
}
