/**
 * The export dialog's choices, as a form: range, page size, PNG scale, title and subtitle, the
 * classification banner, what the figure includes, and the file format. It turns them into the
 * one options object the main process's figure renderer takes (main/figure/options.ts), and back
 * from the options remembered for this timeline.
 */
import { FIGURE_PRESET_NAMES, FIGURE_PRESETS, MAX_FIGURE_PX, MIN_FIGURE_PX, type FigureFormat, type FigurePreset } from '../../../main/figure/sizes'
import type { FigureOptionsInput, RememberedOptions } from '../../../main/figure/options'
import { el } from '../../dom'
import { rangeField } from './rangeField'
import { formatCount } from '../../counts'

export const FORMAT_NAMES: Record<FigureFormat, string> = { png: 'PNG', svg: 'SVG', pdf: 'PDF' }
const FORMAT_HINTS: Record<FigureFormat, string> = {
  png: 'image for slides and documents',
  svg: 'vector, editable, font embedded',
  pdf: 'vector, print and send',
}
const CUSTOM = 'custom'
/** Markings analysts type most; offered as suggestions, any text is allowed. */
const BANNER_SUGGESTIONS = ['UNCLASSIFIED', 'UNCLASSIFIED // FOR OFFICIAL USE ONLY', 'OFFICIAL', 'OFFICIAL-SENSITIVE', 'NOT FOR DISTRIBUTION', 'DRAFT — NOT FOR CIRCULATION']

export interface FigureForm {
  element: HTMLElement
  /** The format chooser, shown beside the Export button. */
  formatChooser: HTMLElement
  /** The options as they stand, or what keeps them from being drawn. */
  read(): { options: FigureOptionsInput; problem: null } | { options: null; problem: string }
  format(): FigureFormat
  /** Fills the form from remembered options (or the defaults when there are none). */
  fill(remembered: RememberedOptions | null, timelineTitle: string): void
  /** The timeline's window now, and which of its lanes and filters the figure follows, in words. */
  setView(window: { start: number; end: number }, lanesAndFilter: string): void
  onChange(listener: () => void): void
}

function row(label: string, control: HTMLElement, hint?: HTMLElement): HTMLElement {
  return el('label', { className: 'form-row' }, [el('span', { text: label }), control, hint])
}

function check(label: string): HTMLInputElement {
  return el('input', { attrs: { type: 'checkbox', 'aria-label': label } })
}

function pixelsInput(name: string): HTMLInputElement {
  return el('input', { attrs: { type: 'number', 'aria-label': name, min: MIN_FIGURE_PX, max: MAX_FIGURE_PX, step: 1, inputmode: 'numeric' } })
}

export function figureForm(): FigureForm {
  const listeners: (() => void)[] = []
  const changed = () => listeners.forEach((listener) => listener())

  const range = rangeField()
  range.onChange(changed)

  const preset = el(
    'select',
    { attrs: { 'aria-label': 'Size' } },
    [...FIGURE_PRESET_NAMES.map((name) => el('option', { text: FIGURE_PRESETS[name].label, attrs: { value: name } })), el('option', { text: 'Custom size…', attrs: { value: CUSTOM } })],
  )
  const width = pixelsInput('Width in pixels')
  const height = pixelsInput('Height in pixels')
  const customSize = el('div', { className: 'custom-size' }, [width, el('span', { text: '×', attrs: { 'aria-hidden': 'true' } }), height, el('span', { className: 'muted', text: 'px' })])
  const scale = el('select', { attrs: { 'aria-label': 'PNG scale' } }, [1, 2, 3, 4].map((n) => el('option', { text: `${n}×`, attrs: { value: n } })))
  const sizeWords = el('p', { className: 'form-hint', attrs: { 'aria-live': 'polite' } })

  const title = el('input', { attrs: { type: 'text', 'aria-label': 'Title', maxlength: 300 } })
  const subtitle = el('input', { attrs: { type: 'text', 'aria-label': 'Subtitle', maxlength: 500, placeholder: 'Optional' } })
  const bannerList = el('datalist', { attrs: { id: 'figure-banner-suggestions' } }, BANNER_SUGGESTIONS.map((text) => el('option', { attrs: { value: text } })))
  const banner = el('input', {
    attrs: { type: 'text', 'aria-label': 'Classification banner', maxlength: 300, list: 'figure-banner-suggestions', placeholder: 'None — e.g. UNCLASSIFIED // FOR OFFICIAL USE ONLY' },
  })

  const laneNames = check('Lane names')
  const grades = check('Source grades')
  const notes = check('Analyst notes as numbered callouts')
  const footnotes = check('Source footnotes')
  const checkRow = (input: HTMLInputElement, text: string, hint: string) =>
    el('label', { className: 'check-row' }, [input, el('span', {}, [el('span', { text }), el('span', { className: 'muted', text: ` — ${hint}` })])])

  const formatRadios = (['png', 'svg', 'pdf'] as const).map((format) =>
    el('input', { attrs: { type: 'radio', name: 'figure-format', value: format, 'aria-label': FORMAT_NAMES[format] } }),
  )
  const formatHint = el('span', { className: 'muted format-hint' })
  const formatChooser = el('fieldset', { className: 'format-chooser' }, [
    el('legend', { className: 'visually-hidden', text: 'Format' }),
    el('span', { className: 'segmented' }, formatRadios.map((radio) => el('label', { className: 'segment' }, [radio, el('span', { text: FORMAT_NAMES[radio.value as FigureFormat] })]))),
    formatHint,
  ])

  const viewNote = el('p', { className: 'form-hint view-note' })
  const element = el('div', { className: 'figure-form' }, [
    range.element,
    viewNote,
    el('fieldset', {}, [
      el('legend', { text: 'Size' }),
      preset,
      customSize,
      row('PNG scale', scale),
      sizeWords,
    ]),
    el('fieldset', {}, [
      el('legend', { text: 'Words' }),
      row('Title', title),
      row('Subtitle', subtitle),
      row('Classification banner, top and bottom', banner),
      bannerList,
    ]),
    el('fieldset', { className: 'figure-includes' }, [
      el('legend', { text: 'Include' }),
      checkRow(laneNames, 'Lane names', 'beside each row'),
      checkRow(grades, 'Source grades', 'after each label, with their key'),
      checkRow(notes, 'Analyst notes', 'numbered callouts, text below'),
      checkRow(footnotes, 'Source footnotes', 'list of sources shown'),
    ]),
  ])

  const format = (): FigureFormat => (formatRadios.find((radio) => radio.checked)?.value ?? 'png') as FigureFormat
  const pixels = () =>
    preset.value === CUSTOM ? { width: width.valueAsNumber, height: height.valueAsNumber } : FIGURE_PRESETS[preset.value as FigurePreset]

  /** Shows what the choices add up to, e.g. "1920 × 1080 px; the PNG is 3840 × 2160 px". */
  function describe(): void {
    customSize.hidden = preset.value !== CUSTOM
    const png = format() === 'png'
    scale.disabled = !png
    formatHint.textContent = FORMAT_HINTS[format()]
    const { width: w, height: h } = pixels()
    if (!Number.isFinite(w) || !Number.isFinite(h)) return void (sizeWords.textContent = '')
    const times = Number(scale.value)
    sizeWords.textContent = png && times > 1 ? `${w} × ${h} px; the PNG is ${w * times} × ${h * times} px` : `${w} × ${h} px`
  }

  for (const control of [preset, width, height, scale, title, subtitle, banner, laneNames, grades, notes, footnotes, ...formatRadios]) {
    control.addEventListener(control instanceof HTMLInputElement && control.type === 'text' ? 'input' : 'change', () => {
      describe()
      changed()
    })
  }
  // Number inputs also change as the analyst types, not only on blur.
  for (const control of [width, height]) control.addEventListener('input', () => (describe(), changed()))

  return {
    element,
    formatChooser,
    read() {
      const chosenRange = range.get()
      if (!chosenRange) return { options: null, problem: range.problem() ?? 'Choose a range.' }
      if (preset.value === CUSTOM && !(width.checkValidity() && height.checkValidity() && width.value && height.value)) {
        return { options: null, problem: `Width and height are whole numbers from ${MIN_FIGURE_PX} to ${formatCount(MAX_FIGURE_PX)} px.` }
      }
      return {
        problem: null,
        options: {
          range: chosenRange,
          size: preset.value === CUSTOM ? { width: width.valueAsNumber, height: height.valueAsNumber } : { preset: preset.value as FigurePreset },
          scale: Number(scale.value),
          title: title.value.trim(),
          subtitle: subtitle.value.trim(),
          banner: banner.value.trim(),
          footnotes: footnotes.checked,
          legend: { lanes: laneNames.checked, grades: grades.checked },
          notes: notes.checked,
        },
      }
    },
    format,
    fill(remembered, timelineTitle) {
      // "Current view" is the view of the moment, whatever window was remembered with it.
      range.set(remembered?.range.kind === 'dates' || remembered?.range.kind === 'whole' ? remembered.range : { kind: 'view', start: 0, end: 0 })
      const size = remembered?.size ?? { preset: 'slide' }
      preset.value = 'preset' in size ? size.preset : CUSTOM
      if (!('preset' in size)) {
        width.value = String(size.width)
        height.value = String(size.height)
      } else if (!width.value) {
        width.value = String(FIGURE_PRESETS.slide.width)
        height.value = String(FIGURE_PRESETS.slide.height)
      }
      scale.value = String(Math.min(4, Math.max(1, Math.round(remembered?.scale ?? 1))))
      title.value = remembered?.title ?? ''
      title.placeholder = timelineTitle
      subtitle.value = remembered?.subtitle ?? ''
      banner.value = remembered?.banner ?? ''
      laneNames.checked = remembered?.legend.lanes ?? true
      grades.checked = remembered?.legend.grades ?? true
      notes.checked = remembered?.notes ?? true
      footnotes.checked = remembered?.footnotes ?? false
      if (!formatRadios.some((radio) => radio.checked)) formatRadios[0]!.checked = true
      describe()
    },
    setView(window, lanesAndFilter) {
      range.setView(window)
      viewNote.textContent = lanesAndFilter
    },
    onChange: (listener) => void listeners.push(listener),
  }
}
