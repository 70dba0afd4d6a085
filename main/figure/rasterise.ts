/**
 * PNG and PDF from a figure's SVG. Both load the bundled TTFs and nothing else: resvg is told not
 * to look at system fonts, and pdfkit embeds the TTF (subset) so the PDF's text is real, selectable
 * text drawn in the same font the labels were measured with.
 *
 * The libraries are loaded when the first figure is made: loaded with the main process, they held
 * back every start of the app, its window included, by ~0.2 s (pdfkit; the built main bundle took
 * 0.35-0.43 s to load in Node with them, 0.18-0.21 s without), for a feature not every session uses.
 */
import { FIGURE_FONT_FAMILY, type FigureFonts } from './fonts'

/**
 * PNG at `scale` × the figure's pixel size (scale 2 turns a 1920 × 1080 slide into 3840 × 2160).
 * Rendered on a libuv worker thread, so a big export does not stall the main process's event loop.
 */
export async function svgToPng(svg: string, width: number, scale: number, fonts: FigureFonts): Promise<Uint8Array> {
  const { renderAsync } = await import('@resvg/resvg-js')
  const image = await renderAsync(svg, {
    font: {
      fontFiles: [fonts.file('regular'), fonts.file('semibold')],
      loadSystemFonts: false,
      defaultFontFamily: FIGURE_FONT_FAMILY,
    },
    fitTo: { mode: 'width', value: Math.round(width * scale) },
    background: '#ffffff',
    shapeRendering: 2,
    textRendering: 1,
  })
  return image.asPng()
}

/** CSS px (96 per inch) to PDF points (72 per inch): an A4 figure becomes an A4 page. */
const POINTS_PER_PX = 0.75

const PDF_FONTS = { regular: 'AnnalistRegular', semibold: 'AnnalistSemiBold' } as const

/**
 * A one-page vector PDF the size of the figure. Its creation date is the figure's "generated on"
 * date, so the same figure gives the same bytes (example figures in docs/ only change when they do).
 */
export async function svgToPdf(svg: string, width: number, height: number, fonts: FigureFonts, meta: { title: string; created: Date }): Promise<Uint8Array> {
  const [{ default: PDFDocument }, { default: SVGtoPDF }] = await Promise.all([import('pdfkit'), import('svg-to-pdfkit')])
  const doc = new PDFDocument({
    size: [width * POINTS_PER_PX, height * POINTS_PER_PX],
    margin: 0,
    autoFirstPage: true,
    info: { Title: meta.title, Creator: 'Annalist', Producer: 'Annalist', CreationDate: meta.created },
  })
  doc.registerFont(PDF_FONTS.regular, fonts.file('regular'))
  doc.registerFont(PDF_FONTS.semibold, fonts.file('semibold'))
  const chunks: Buffer[] = []
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    doc.on('error', reject)
  })
  SVGtoPDF(doc, svg, 0, 0, {
    width: width * POINTS_PER_PX,
    height: height * POINTS_PER_PX,
    // Every text in a figure is IBM Plex Sans, upright; weights 600+ arrive here as bold.
    fontCallback: (_family, bold) => (bold ? PDF_FONTS.semibold : PDF_FONTS.regular),
  })
  doc.end()
  return done
}
