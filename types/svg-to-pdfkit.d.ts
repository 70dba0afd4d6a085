// svg-to-pdfkit ships no type declarations; this covers the call Annalist makes.
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number
    height?: number
    preserveAspectRatio?: string
    assumePt?: boolean
    useCSS?: boolean
    /** Maps an SVG font to a font name registered with `doc.registerFont`. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: { fauxItalic: boolean; fauxBold: boolean }) => string
    imageCallback?: (link: string) => string
    documentCallback?: (link: string) => unknown
    colorCallback?: (color: [[number, number, number], number]) => [[number, number, number], number]
    warningCallback?: (message: string) => void
    precision?: number
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string | object, x?: number, y?: number, options?: SvgToPdfOptions): void
  export default SVGtoPDF
}
