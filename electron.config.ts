import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';

// Builds the three parts of the app into out/: main (Node), preload (sandboxed bridge), renderer.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The workers (electron/app/workerFile.ts) are started from their own files next to index.js:
          // the app worker answers every call, the job worker applies and makes packages, the render
          // worker draws a report's PDF or XLSX and makes a photo smaller.
          appWorker: resolve(__dirname, 'electron/app/appWorker.ts'),
          dbJobWorker: resolve(__dirname, 'electron/app/dbJobWorker.ts'),
          renderWorker: resolve(__dirname, 'electron/app/renderWorker.ts'),
        },
        // Shared chunks beside the entries (not in chunks/): the code that starts the worker finds it
        // by its own folder, whichever chunk it lands in.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    // Sandboxed preloads cannot require packages: bundle everything into one file.
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') }, external: ['electron'] },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; a cheap laptop parses 3 MB before the unlock screen.
      minify: 'esbuild',
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
