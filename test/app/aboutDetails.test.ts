import { test } from 'node:test'
import assert from 'node:assert/strict'
import { aboutDetails } from '../../main/app/aboutDetails'

const facts = {
  productName: 'Annalist',
  version: '0.1.0',
  licence: 'MIT',
  copyright: '© 2026 Annalist developers',
  dataDir: '/home/analyst/.config/Annalist/data',
  electron: '41.7.1',
  chrome: '140.0.0.0',
  node: '22.0.0',
  platform: 'linux x64',
}

test('the About box names the version, the licence and the folder where timelines are kept', () => {
  const about = aboutDetails(facts)
  assert.equal(about.title, 'About Annalist')
  assert.equal(about.message, 'Annalist 0.1.0')
  assert.match(about.detail, /Released under the MIT licence\./)
  assert.ok(about.detail.split('\n').includes('/home/analyst/.config/Annalist/data'), 'the data folder is on a line of its own, easy to copy')
  assert.match(about.detail, /Electron 41\.7\.1 · Chromium 140\.0\.0\.0/)
})
