/**
 * What no Annalist window may do, whatever a page or its data tries: navigate away, open windows,
 * attach webviews, or be granted permissions (camera, notifications, geolocation, …).
 */
import { app, session, type WebContents } from 'electron'
import { APP_ORIGIN } from '../security/appUrl'

function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN
  } catch {
    return false
  }
}

function guardContents(contents: WebContents): void {
  // A link or script that would replace the app's page is refused; links from data open only
  // through the openExternal verb, after the user clicks them and the URL is vetted.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  // window.open, target=_blank and middle-click all arrive here: always deny.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export function setupGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents))
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
    // Offline by design: any request that is not for the app itself is cancelled.
    session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !(isAppUrl(details.url) || details.url.startsWith('devtools://')) })
    })
  })
}
