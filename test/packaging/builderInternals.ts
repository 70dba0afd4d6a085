/**
 * The parts of electron-builder the packaging tests use, loaded from electron-builder's own
 * dependencies (not declared here), so the tests always read the config, check icons and flip
 * fuses with exactly the code `npm run dist` uses, whatever version electron-builder brings.
 */
import { createRequire } from 'node:module'

const fromTests = createRequire(import.meta.url)
const fromBuilder = createRequire(fromTests.resolve('electron-builder/package.json'))
const fromBuilderLib = createRequire(fromBuilder.resolve('app-builder-lib/package.json'))

/** electron-builder's JSON schema for its configuration. */
export const builderSchemaPath: string = fromBuilder.resolve('app-builder-lib/scheme.json')

export const { findAndReadConfig } = fromBuilder('app-builder-lib/out/util/config/load') as typeof import('app-builder-lib/out/util/config/load')

export const { convertIcon } = fromBuilder('app-builder-lib/out/util/iconConverter') as typeof import('app-builder-lib/out/util/iconConverter')

export const { getCurrentFuseWire, FuseV1Options } = fromBuilderLib('@electron/fuses') as typeof import('@electron/fuses')
