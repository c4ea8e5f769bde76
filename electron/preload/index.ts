import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES as CHANNELS } from '../../shared/api/channels';

// The other file allowed to import ipcRenderer. Exposes one named function per contract channel and
// nothing else: the renderer cannot reach any other channel or any Electron/Node API.

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const channel of CHANNELS) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

contextBridge.exposeInMainWorld('legalAid', Object.freeze(api));
