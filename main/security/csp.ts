/**
 * The Content-Security-Policy for every Annalist page: only the app's own scripts and styles, no
 * network connections, no plugins, no remote images. Served as a header by the app:// protocol and
 * by the e2e Chromium harness, and repeated in index.html's meta tag as a second line of defence.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
