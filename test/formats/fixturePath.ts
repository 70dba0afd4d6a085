import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Path of a format fixture in test/fixtures/formats. */
export const fixture = (name: string) => path.join(here, '..', 'fixtures', 'formats', name)
