/**
 * Builds the console (Preact, no other runtime dependency) into dist/console, served by the
 * daemon under /ui/. Part of `npm run build`, so `npm ci` produces it; nothing is fetched at
 * run time.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/ui/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    target: 'es2022',
    // One small script and one stylesheet; no inline module preload polyfill (the content policy forbids inline scripts).
    modulePreload: false,
    assetsInlineLimit: 0,
  },
});
