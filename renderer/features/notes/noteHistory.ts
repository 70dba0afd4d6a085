/**
 * A note's history, newest first: who wrote each version and when, what it changed from the one
 * before ("Changed the label and judgement"), the version itself behind "Show this version", and a
 * way back to any earlier one. Restoring adds a new version; nothing is ever overwritten.
 */
import type { AnnotationVersion } from '../../../main/domain/timeline'
import type { AnnotationDetail } from '../../../main/ipc/contract'
import type { MarkdownBlock } from '../../../main/markdown/markdownTree'
import { el } from '../../dom'
import { markdownView } from './markdownView'
import { byline, judgementInWords } from './noteWords'

type Version = Pick<AnnotationVersion, 'anchor' | 'label' | 'text' | 'tags' | 'colour' | 'judgement' | 'links' | 'author' | 'updated'>

/** The parts of a note a version can change, in the words the history uses. */
const PARTS: [keyof Version, string][] = [
  ['anchor', 'dates'],
  ['label', 'label'],
  ['text', 'text'],
  ['tags', 'tags'],
  ['colour', 'colour'],
  ['judgement', 'judgement'],
  ['links', 'links'],
]

const same = (a: Version, b: Version, key: keyof Version) => JSON.stringify(a[key] ?? null) === JSON.stringify(b[key] ?? null)
const sameContent = (a: Version, b: Version) => PARTS.every(([key]) => same(a, b, key))

function listInWords(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`
}

/** "First version", "Restored version 1", "Changed the label and judgement". */
export function changeInWords(versions: readonly Version[], at: number): string {
  if (at === 0) return 'First version'
  const version = versions[at]!
  const restored = versions.slice(0, at - 1).findIndex((earlier) => sameContent(earlier, version))
  if (restored >= 0) return `Restored version ${restored + 1}`
  const changed = PARTS.filter(([key]) => !same(versions[at - 1]!, version, key)).map(([, words]) => words)
  return changed.length ? `Changed the ${listInWords(changed)}` : 'No change to the content'
}

function versionItem(number: number, version: Version, text: MarkdownBlock[], change: string, current: boolean, restore: (() => void) | null): HTMLElement {
  return el('li', { className: `version${current ? ' current' : ''}`, attrs: { 'aria-label': `Version ${number}${current ? ' (current)' : ''}` } }, [
    el('div', { className: 'version-head' }, [
      el('span', { className: 'version-number', text: current ? `Version ${number} · current` : `Version ${number}` }),
      el('span', { className: 'version-meta', text: byline(version.author, version.updated) }),
      el('span', { className: 'version-change', text: change }),
    ]),
    el('details', { className: 'version-content' }, [
      el('summary', { text: 'Show this version' }),
      el('div', { className: 'version-body' }, [
        version.label ? el('strong', { className: 'version-label', text: version.label }) : null,
        version.anchor.kind === 'event' ? null : el('code', { className: 'date-edtf', text: version.anchor.date }),
        version.judgement ? el('span', { className: 'version-judgement', text: judgementInWords(version.judgement) }) : null,
        markdownView(text, 'note-text version-text'),
      ]),
    ]),
    restore ? el('button', { className: 'text-button', text: 'Restore this version', attrs: { type: 'button' }, on: { click: restore } }) : null,
  ])
}

/** Every version, newest (current) first; `restore` is null for a note in the trash, which must be restored first. */
export function historyList(detail: AnnotationDetail, restore: ((index: number) => void) | null): HTMLElement {
  const versions: { version: Version; text: MarkdownBlock[]; index: number | null }[] = [
    ...detail.history.map(({ index, version, text }) => ({ version, text, index })),
    { version: detail.annotation, text: detail.text, index: null },
  ]
  const all = versions.map(({ version }) => version)
  const items = versions.map(({ version, text, index }, at) =>
    versionItem(at + 1, version, text, changeInWords(all, at), index === null, index === null || !restore ? null : () => restore(index)),
  )
  return el('ol', { className: 'versions', attrs: { 'aria-label': 'Versions' } }, items.reverse())
}
