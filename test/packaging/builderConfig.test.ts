/**
 * electron-builder.yml, read the way electron-builder reads it, checked against electron-builder's
 * own JSON schema and against what the issue asks of the installers.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { Ajv } from 'ajv'
import type { Configuration } from 'app-builder-lib'
import { builderSchemaPath, findAndReadConfig } from './builderInternals'

async function readBuilderConfig(): Promise<Configuration> {
  const read = await findAndReadConfig<Configuration>({ packageKey: 'build', configFilename: 'electron-builder', projectDir: process.cwd(), packageMetadata: null })
  assert.ok(read, 'electron-builder.yml not found')
  return read.result
}

/** The same settings electron-builder validates with: its schema uses keywords ajv does not know (`typeof`). */
async function schemaValidator() {
  const schema = JSON.parse(await readFile(builderSchemaPath, 'utf8')) as object
  return new Ajv({ allErrors: true, strict: false }).compile(schema)
}

test("electron-builder.yml matches electron-builder's schema", async () => {
  const validate = await schemaValidator()
  const valid = validate(await readBuilderConfig())
  assert.ok(valid, JSON.stringify(validate.errors, null, 2))
})

test('the schema check rejects a misspelt or mistyped option', async () => {
  const validate = await schemaValidator()
  const config = await readBuilderConfig()
  assert.equal(validate({ ...config, nsis: { ...config.nsis, perMachien: false } }), false)
  assert.equal(validate({ ...config, asar: 'yes please' }), false)
})

test('installers: per-user Windows install, Office/productivity categories, asar on', async () => {
  const config = await readBuilderConfig()
  assert.equal(config.appId, 'org.annalist.app')
  assert.equal(config.productName, 'Annalist')
  assert.equal(config.asar, true)
  // No administrator rights: per-user, one-click (which never asks to elevate).
  assert.equal(config.nsis?.perMachine, false)
  assert.equal(config.nsis?.oneClick, true)
  assert.equal(config.nsis?.createStartMenuShortcut, true)
  assert.equal(config.nsis?.deleteAppDataOnUninstall, false, 'uninstalling must never delete timelines')
  assert.equal(config.linux?.category, 'Office')
  assert.equal(config.linux?.executableName, 'annalist')
  assert.deepEqual(config.linux?.target, ['AppImage', 'deb'])
  assert.equal(config.mac?.category, 'public.app-category.productivity')
})

test('timeline files open in Annalist: one single-part extension every OS can match', async () => {
  const config = await readBuilderConfig()
  const associations = [config.fileAssociations ?? []].flat()
  assert.equal(associations.length, 1)
  const [timeline] = associations
  // Windows and macOS match only the last extension, so "annalist.json" would claim every .json file.
  assert.equal(timeline?.ext, 'annalist')
  assert.match(timeline?.mimeType ?? '', /^application\/x-annalist\+json$/, 'Linux needs a MIME type to register it')
})

test('the fuses that lock down the packaged Electron are all set', async () => {
  const config = await readBuilderConfig()
  assert.deepEqual(
    {
      runAsNode: config.electronFuses?.runAsNode,
      enableNodeOptionsEnvironmentVariable: config.electronFuses?.enableNodeOptionsEnvironmentVariable,
      enableNodeCliInspectArguments: config.electronFuses?.enableNodeCliInspectArguments,
      onlyLoadAppFromAsar: config.electronFuses?.onlyLoadAppFromAsar,
      enableEmbeddedAsarIntegrityValidation: config.electronFuses?.enableEmbeddedAsarIntegrityValidation,
    },
    {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    },
  )
})
