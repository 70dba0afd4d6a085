/** Electron preload (sandboxed, bundled to one CommonJS file): exposes the verbs, never ipcRenderer. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { ipcChannel, noticeChannel } from '../ipc/contract'
import { makeBridge } from './bridge'

const api = makeBridge({
  invoke: (channel, args) => ipcRenderer.invoke(ipcChannel(channel), args),
  subscribe: (name, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(noticeChannel(name), wrapped)
    return () => ipcRenderer.removeListener(noticeChannel(name), wrapped)
  },
})

contextBridge.exposeInMainWorld('annalist', api)
