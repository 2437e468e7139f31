import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The console is served by the API under /console/ (same origin): every URL it builds starts there.
export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // No data: URLs for fonts: the console's CSP loads fonts from 'self' only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
});
