/**
 * What the About box says: enough for an analyst to tell IT which version they run, under what
 * licence, and where their timelines are kept. Plain text, no Electron, so a Node test reads it.
 */
export interface AboutFacts {
  productName: string
  version: string
  licence: string
  copyright: string
  dataDir: string
  electron: string
  chrome: string
  node: string
  platform: string
}

export interface AboutDetails {
  title: string
  message: string
  detail: string
}

export function aboutDetails(facts: AboutFacts): AboutDetails {
  return {
    title: `About ${facts.productName}`,
    message: `${facts.productName} ${facts.version}`,
    detail: [
      `${facts.copyright}. Released under the ${facts.licence} licence.`,
      '',
      'Your timelines are kept in:',
      facts.dataDir,
      '',
      'Annalist works entirely offline: it never connects to the internet.',
      '',
      `Electron ${facts.electron} · Chromium ${facts.chrome} · Node ${facts.node} · ${facts.platform}`,
    ].join('\n'),
  }
}
