import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { alias } from './vite.config';

/**
 * The campaign page's server-side drawing (src/prerender/prerender-campaign-page.tsx), built by
 * `npm run build` into dist/console-prerender/prerender.cjs for the API (CommonJS, which the API is
 * compiled to) to require. Everything it imports is bundled in (React, the DSFR's components, the
 * router, TanStack Query: several are ES modules only), in their production builds; the styles
 * the screens import are left out (the browser loads them).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // The files the screens link (the DSFR's artwork…) named as the console's build names them.
  base: '/console/',
  plugins: [react()],
  resolve: { alias },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: fileURLToPath(new URL('src/prerender/prerender-campaign-page.tsx', import.meta.url)),
    outDir: fileURLToPath(new URL('../../dist/console-prerender', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    // One file, the other screens (lazy in the browser) bundled in: only the campaign page is drawn.
    rollupOptions: {
      output: { format: 'cjs', entryFileNames: 'prerender.cjs', inlineDynamicImports: true },
    },
  },
});
