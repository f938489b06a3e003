import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: the same build is served from app://dossierkluis/ and from http://127.0.0.1:<port>/.
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(rendererRoot, '../out/renderer'),
    emptyOutDir: true,
    // data: URLs would be refused by the CSP (default-src 'self'): emit every asset as a file.
    assetsInlineLimit: 0,
    // Chromium supports modulepreload; the polyfill is not needed.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
