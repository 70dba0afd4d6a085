/** Serves the renderer over `app://annalist/`, never `file://`, with the CSP on every response. */
import { protocol } from 'electron'
import { APP_SCHEME, readAppFile, resolveAppFile } from '../security/appUrl'
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
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(root, request.url)
    const found = file ? readAppFile(file) : null
    if (!found) return new Response('Not found', { status: 404 })
    return new Response(found.body, {
      status: 200,
      headers: {
        'Content-Type': found.contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    })
  })
}
