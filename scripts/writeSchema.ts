/** Writes data/timeline.schema.json from the zod schema. Run: npx tsx scripts/writeSchema.ts */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { timelineJsonSchemaText } from '../main/formats/jsonSchema'

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'timeline.schema.json')
await writeFile(target, timelineJsonSchemaText())
console.log(`wrote ${path.relative(process.cwd(), target)}`)
