/**
 * Where a JSON text first goes wrong. Node 20's `JSON.parse` often says only "Unexpected token"
 * without a position, and an analyst needs a line and column to fix a file. Runs only after a parse
 * has failed; nesting is already capped by the input guards, so recursion stays shallow.
 */

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const LITERAL = /true|false|null/y
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y

class SyntaxAt {
  constructor(readonly index: number) {}
}

export function jsonSyntaxErrorIndex(text: string): number | null {
  let i = 0
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  }
  const sticky = (pattern: RegExp) => {
    pattern.lastIndex = i
    const m = pattern.exec(text)
    if (!m || m[0] === '') throw new SyntaxAt(i)
    i += m[0].length
  }
  const string = () => {
    if (text[i] !== '"') throw new SyntaxAt(i)
    i++
    STRING_BODY.lastIndex = i
    i += STRING_BODY.exec(text)?.[0].length ?? 0
    if (text[i] !== '"') throw new SyntaxAt(i)
    i++
  }
  const value = (): void => {
    space()
    const c = text[i]
    if (c === '{') {
      i++
      space()
      if (text[i] === '}') return void i++
      for (;;) {
        space()
        string()
        space()
        if (text[i] !== ':') throw new SyntaxAt(i)
        i++
        value()
        space()
        if (text[i] === ',') i++
        else if (text[i] === '}') return void i++
        else throw new SyntaxAt(i)
      }
    }
    if (c === '[') {
      i++
      space()
      if (text[i] === ']') return void i++
      for (;;) {
        value()
        space()
        if (text[i] === ',') i++
        else if (text[i] === ']') return void i++
        else throw new SyntaxAt(i)
      }
    }
    if (c === '"') return string()
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return sticky(NUMBER)
    sticky(LITERAL)
  }
  try {
    value()
    space()
    return i < text.length ? i : null
  } catch (error) {
    if (error instanceof SyntaxAt) return error.index
    throw error
  }
}
