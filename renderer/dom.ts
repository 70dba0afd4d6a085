/**
 * The only way the renderer makes DOM: elements with text set through `textContent`.
 * Nothing from a timeline file is ever parsed as HTML.
 */
type Attributes = Record<string, string | number | boolean | undefined>

export interface ElementSpec {
  className?: string
  text?: string
  attrs?: Attributes
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void }
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  spec: ElementSpec = {},
  children: (Node | string | null | undefined | false)[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  if (spec.className) element.className = spec.className
  if (spec.text !== undefined) element.textContent = spec.text
  for (const [name, value] of Object.entries(spec.attrs ?? {})) {
    if (value === undefined || value === false) continue
    element.setAttribute(name, value === true ? '' : String(value))
  }
  for (const [type, listener] of Object.entries(spec.on ?? {})) {
    element.addEventListener(type, listener as EventListener)
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    element.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return element
}

export function clear(element: Element): void {
  element.replaceChildren()
}
