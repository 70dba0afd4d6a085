/**
 * `npm run schema`: after changing the zod schema, writes what is generated from it:
 * data/timeline.schema.json and the file check (scripts/timelineCheckCode.ts). Unit tests fail
 * while either is stale.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { timelineJsonSchemaText } from '../main/formats/jsonSchema'
import { CHECK_FILE, timelineCheckCode } from './timelineCheckCode'

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..')
const written: [string, string][] = [
  ['data/timeline.schema.json', timelineJsonSchemaText()],
  [CHECK_FILE, timelineCheckCode()],
]
for (const [file, text] of written) {
  await writeFile(path.join(root, file), text)
  console.log(`wrote ${file}`)
}
