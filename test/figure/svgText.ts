/** Reading an SVG figure as a reader would: its text, in document order. */
import { XMLParser } from 'fast-xml-parser'

/** Every piece of text a reader sees, in document order. */
export function textsOf(svg: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: true, preserveOrder: true, processEntities: true, htmlEntities: false })
  const out: string[] = []
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Record<string, unknown>[]) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '#text') out.push(String(value))
        else if (Array.isArray(value)) walk(value)
      }
    }
  }
  walk(parser.parse(svg) as unknown[])
  return out
}
