import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * main.tsx, the page's only script, is small: it sends the opened screen's API requests, then
 * imports the console (start-console.tsx) — a dynamic import, which the browser would discover only
 * once main.tsx has run. These hints in index.html have it fetch the console's script and
 * stylesheet from the start instead, beside main.tsx. `preload` rather than a stylesheet link:
 * a stylesheet would hold main.tsx, and so the requests, until it had loaded.
 */
function preloadConsole(): Plugin {
  return {
    name: 'amiflow-preload-console',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => {
        const chunk = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.name === 'start-console',
        );
        if (!chunk || chunk.type !== 'chunk') throw new Error('No start-console chunk to preload');
        const base = '/console/';
        return [
          ...[...(chunk.viteMetadata?.importedCss ?? [])].map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', href: `${base}${file}` },
            injectTo: 'head' as const,
          })),
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` },
            injectTo: 'head' as const,
          },
        ];
      },
    },
  };
}

// The console is served by the API under /console/ (same origin): every URL it builds starts there.
export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react(), preloadConsole()],
  // The one part of libs/contracts the console takes (apps/console/tsconfig.json names it too): the
  // French words for the API's codes, plain values that the API's synthesis report shares.
  resolve: {
    alias: {
      '@amiflow/contracts/labels': fileURLToPath(
        new URL('../../libs/contracts/src/labels/index.ts', import.meta.url),
      ),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // No data: URLs for fonts: the console's CSP loads fonts from 'self' only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
});
