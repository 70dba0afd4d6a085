/** Serves the renderer over `app://annalist/`, never `file://`, with the CSP on every response. */
import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { APP_SCHEME, contentTypeFor, resolveAppFile } from '../security/appUrl'
import { CONTENT_SECURITY_POLICY } from '../security/csp'
import { rendererRoot } from './paths'

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } },
  ])
}

export function setupAppProtocol(): void {
  const root = rendererRoot()
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(root, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => null)
    if (!response || !response.ok) return new Response('Not found', { status: 404 })
    return new Response(response.body, {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    })
  })
}
