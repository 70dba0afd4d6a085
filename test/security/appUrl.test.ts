/** The window's files: which `app://annalist/` addresses reach a file, and what is served for them. */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readAppFile, resolveAppFile } from '../../main/security/appUrl'

async function rendererFolder(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'annalist-renderer-'))
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Annalist</title>')
  await mkdir(path.join(root, 'assets'))
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)')
  return root
}

test('an address inside the app names a file in the renderer folder; the root is index.html', async () => {
  const root = await rendererFolder()
  assert.equal(resolveAppFile(root, 'app://annalist/'), path.join(root, 'index.html'))
  assert.equal(resolveAppFile(root, 'app://annalist/assets/app.js'), path.join(root, 'assets', 'app.js'))
})

test('addresses that would leave the renderer folder or name another host reach nothing', async () => {
  const root = await rendererFolder()
  for (const url of ['app://annalist/../secret.txt', 'app://annalist/%2e%2e/secret.txt', 'app://annalist/assets/..%2f..%2fsecret', 'app://annalist/a%5c..%5c..%5csecret', 'app://annalist/a%00.js', 'app://elsewhere/index.html', 'https://annalist/index.html', 'not a url']) {
    const file = resolveAppFile(root, url)
    assert.ok(file === null || file.startsWith(root + path.sep), `${url} resolved to ${file}`)
  }
  assert.equal(resolveAppFile(root, 'app://elsewhere/index.html'), null)
  assert.equal(resolveAppFile(root, 'app://annalist/a%00.js'), null)
})

test('a window file is served whole with its type; a missing file or a folder is not served', async () => {
  const root = await rendererFolder()
  const page = readAppFile(path.join(root, 'index.html'))
  assert.equal(page?.contentType, 'text/html; charset=utf-8')
  assert.equal(page?.body.toString('utf8'), '<!doctype html><title>Annalist</title>')
  assert.equal(readAppFile(path.join(root, 'assets', 'app.js'))?.contentType, 'text/javascript; charset=utf-8')
  assert.equal(readAppFile(path.join(root, 'missing.css')), null)
  assert.equal(readAppFile(path.join(root, 'assets')), null)
})
