// The edtf package ships no type declarations; this covers the part Annalist uses.
declare module 'edtf' {
  interface EdtfObject {
    type: string
    min: number
    max: number
    edtf: string
  }
  function edtf(text: string, options?: { level?: 0 | 1 | 2 }): EdtfObject
  export function parse(text: string, options?: { level?: 0 | 1 | 2 }): unknown
  export default edtf
}
