import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The one part of libs/contracts the console takes (apps/console/tsconfig.json names it too): the
// French words for the API's codes, plain values that the API's synthesis report shares.
export const alias = {
  '@amiflow/contracts/labels': fileURLToPath(
    new URL('../../libs/contracts/src/labels/index.ts', import.meta.url),
  ),
};

/**
 * early-start.ts, bundled on its own (no import left) and inlined at the top of index.html's head:
 * a classic script, run as soon as the document's first bytes are read, sends the campaign page's
 * API requests — before the page's first script has even been asked for. The API's CSP allows it
 * by its hash (read from index.html at start-up), never by 'unsafe-inline'.
 */
function inlineEarlyStart(): Plugin {
  return {
    name: 'amiflow-inline-early-start',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: async () => {
        const output = await build({
          configFile: false,
          root: here,
          logLevel: 'warn',
          resolve: { alias },
          build: {
            write: false,
            target: 'es2022',
            minify: true,
            lib: {
              entry: fileURLToPath(new URL('src/early-start.ts', import.meta.url)),
              formats: ['iife'],
              name: 'amiflowEarlyStart',
            },
          },
        });
        const [bundle] = Array.isArray(output) ? output : [output];
        if (!bundle || !('output' in bundle)) throw new Error('No early-start bundle');
        const code = bundle.output[0].code.trim();
        if (/<\/script/i.test(code)) throw new Error('early-start.ts would close its script tag');
        return [{ tag: 'script', children: code, injectTo: 'head' as const }];
      },
    },
  };
}

/**
 * main.tsx, the page's first script, only imports the console (start-console.tsx) — a dynamic
 * import, which the browser would discover only once main.tsx has run. index.html links the
 * console's stylesheet and preloads its script from the start instead, beside main.tsx. The
 * stylesheet is linked, not merely preloaded: a campaign page the API prerendered is drawn before
 * any script runs, and must be drawn styled (Vite's loader, once the script runs, finds it linked
 * and adds it no second time).
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
            attrs: { rel: 'stylesheet', href: `${base}${file}` },
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
  plugins: [react(), preloadConsole(), inlineEarlyStart()],
  resolve: { alias },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // No data: URLs for fonts: the console's CSP loads fonts from 'self' only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
});
