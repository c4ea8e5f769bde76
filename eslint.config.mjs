// Lint rules, with the import boundaries of the architecture (see README "Architecture"):
// - shared/ runs everywhere: no Node built-ins, no Electron, no DOM, no React, no electron/ db/ renderer/;
// - renderer/ is untrusted UI: no Electron, no Node, never electron/ or db/;
// - only electron/main and electron/preload import 'electron'; only the two bridge files import
//   ipcMain / ipcRenderer; every other file under electron/ is plain Node;
// - no import cycle anywhere: a cycle means two modules are one unit split in two, or that a lower
//   layer (a repository) reaches up into a higher one (a service or a handler).
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only electron/main/ipcBridge.ts and electron/preload/index.ts may use ipcMain / ipcRenderer.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description', 'ts-expect-error': 'allow-with-description' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Imports are relative and name no extension: resolve them as the bundler does, .ts and .tsx first.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.mjs', '.js'],
    },
    rules: {
      // Type-only imports count too: a type cycle still ties the two modules' layers together.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3-multiple-ciphers', 'kysely'].map((name) => ({
            name,
            message: 'shared/ runs in every process: no Node, Electron, database or React imports.',
          })),
          patterns: [{ group: ['**/electron/**', '**/db/**', '**/renderer/**'], message: 'shared/ may not import from electron/, db/ or renderer/.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers', 'kysely'].map((name) => ({
            name,
            message: 'The renderer is untrusted UI: it talks to the app only through the typed bridge.',
          })),
          patterns: [{ group: ['**/electron/**', '**/db/**'], message: 'The renderer never imports electron/ or db/.' }],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'db/**/*.ts', 'test/**/*.ts', 'templates/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main and electron/preload import electron; the rest is plain Node.' }] }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/main/ipcBridge.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noIpc] }] },
  },
  {
    files: ['electron/launcher/**/*.ts', 'electron/cli/**/*.ts', 'electron/browser/serve.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
