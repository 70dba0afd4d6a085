import { test } from 'node:test'
import assert from 'node:assert/strict'
import { EventEmitter } from 'node:events'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { App } from 'electron'
import { isTimelineFileName, timelineFilesInArgs, watchOpenedTimelineFiles, type OpenFileEvents } from '../../main/app/openedFiles'

// Electron's app must fit what openedFiles asks of it, or the wiring would not compile.
const fitsElectronApp: (app: App) => OpenFileEvents = (app) => app
void fitsElectronApp

const home = path.resolve('/home/analyst')

test('a double-clicked timeline arrives as an argument after the executable', () => {
  const file = path.join(home, 'Ukraine.annalist')
  assert.deepEqual(timelineFilesInArgs(['/opt/Annalist/annalist', file], '/'), [file])
})

test('switches, the app folder and other files on the command line are not timelines', () => {
  const argv = ['electron', '.', '--inspect=9229', '--open=x.annalist', 'notes.txt', 'report.json', '.annalist', 'Crisis.ANNALIST', 'library/Sahel.annalist.json']
  assert.deepEqual(timelineFilesInArgs(argv, home), [path.join(home, 'Crisis.ANNALIST'), path.join(home, 'library', 'Sahel.annalist.json')])
})

test('a Linux desktop may pass the file as a file: URL', () => {
  const file = path.join(home, 'Sahel 2012.annalist')
  assert.deepEqual(timelineFilesInArgs(['annalist', pathToFileURL(file).href, 'file://remote-host/x.annalist', 'https://example.com/a.annalist'], '/'), [file])
})

test('file names are matched on the whole extension', () => {
  assert.equal(isTimelineFileName('brief.annalist'), true)
  assert.equal(isTimelineFileName('brief.annalist.json'), true)
  assert.equal(isTimelineFileName('brief.annalist.bak'), false)
  assert.equal(isTimelineFileName('brief.json'), false)
  assert.equal(isTimelineFileName('annalist'), false)
})

test('files opened before the app is ready wait; later ones are delivered at once', () => {
  const app = new EventEmitter() as EventEmitter & OpenFileEvents
  const opened = watchOpenedTimelineFiles(app, ['Annalist.exe', 'start.annalist'], home)
  let prevented = 0
  const macEvent = { preventDefault: () => void prevented++ }
  app.emit('open-file', macEvent, '/Users/analyst/Early.annalist')
  app.emit('open-file', macEvent, '/Users/analyst/photo.png')
  const received: string[] = []
  opened.onOpen((file) => received.push(file))
  assert.deepEqual(received, [path.join(home, 'start.annalist'), '/Users/analyst/Early.annalist'])
  app.emit('second-instance', {}, ['Annalist.exe', '--flag', 'Later.annalist'], '/work')
  assert.deepEqual(received.slice(2), [path.resolve('/work', 'Later.annalist')])
  assert.equal(prevented, 2)
})
