/**
 * The one list of Electronegativity findings (MEDIUM or above) that Annalist accepts on purpose,
 * each with the reason. A finding matches by check id and file. An entry that no longer matches
 * any finding fails the test too, so this list never outlives the code it excuses.
 * Inline `eng-disable` comments in the sources are not allowed: exceptions live here, reviewed.
 */
export interface DeliberateException {
  id: string
  file: string
  reason: string
}

export const DELIBERATE_EXCEPTIONS: readonly DeliberateException[] = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'main/app/window.ts',
    reason:
      "The preload is Annalist's own bundled script, loaded into a sandboxed, context-isolated window. It exposes only " +
      'the verbs of the IPC contract (main/preload/bridge.ts), never ipcRenderer, and main checks every sender and argument.',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/app/ipc.ts',
    reason:
      'A source link opens in the system browser only through the openExternal verb, which passes shell.openExternal ' +
      'nothing but a URL that main/security/externalUrl.ts parsed as http(s) without credentials, after the user clicked it.',
  },
]
