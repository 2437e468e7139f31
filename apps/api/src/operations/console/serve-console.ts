import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenVerifier } from '../../auth/token-verifier';
import { consolePrerendering } from './prerender-console-page';

export const CONSOLE_PREFIX = '/console/';

/**
 * Where `npm run build` puts the console (infra/build.mjs: `dist/console`), seen from this file
 * compiled at `dist/apps/api/src/operations/console/`.
 */
export const CONSOLE_DIR = join(__dirname, '..', '..', '..', '..', '..', 'console');

// Vite names every asset after its content: a cached copy is never stale.
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The CSP sources that allow the inline scripts of the console's `index.html` (its first one sends
 * the campaign page's API requests before any file has come: apps/console/vite.config.ts), each by
 * the hash of its text — never 'unsafe-inline'. None without a built console.
 */
export function inlineScriptHashes(directory: string = CONSOLE_DIR): string[] {
  const page = join(directory, 'index.html');
  if (!existsSync(page)) return [];
  return [...readFileSync(page, 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, text]) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`,
  );
}

/**
 * The console's favicon (the DSFR's, which the build hashes into assets/ and index.html links), as
 * its URL under the prefix; none without a built console.
 */
export function consoleFavicon(directory: string = CONSOLE_DIR): string | undefined {
  const page = join(directory, 'index.html');
  if (!existsSync(page)) return undefined;
  return /href="(\/console\/assets\/favicon-[^"/]+\.ico)"/.exec(readFileSync(page, 'utf8'))?.[1];
}

/**
 * Serves the operators' console (a single-page application) under `/console/`, same origin as the
 * API so that it needs no CORS. Files that exist are served as they are; any other path under the
 * prefix gets `index.html`, so that a link to a screen (`/console/campagnes/…`) opens it — a
 * campaign's page with its table drawn in already when the session cookie allows it
 * (prerender-console-page.ts) —, and
 * `/favicon.ico` leads to its icon. Its Content-Security-Policy is set by registerSecurityHeaders.
 * Without a built console (the API run from sources, or built without it), nothing is served and
 * `/console/` answers 404.
 *
 * @returns whether the console is served.
 */
export async function serveConsole(
  fastify: FastifyInstance,
  prerendering: { verifier: TokenVerifier; signedInVia: 'development' | 'oidc' },
  directory: string = CONSOLE_DIR,
): Promise<boolean> {
  if (!existsSync(join(directory, 'index.html'))) return false;
  await fastify.register(fastifyStatic, {
    root: directory,
    prefix: CONSOLE_PREFIX,
    // One route per file found at start-up; the fallback below answers the rest.
    wildcard: false,
    index: false,
    decorateReply: true,
    // infra/build.mjs writes .br and .gz copies: sent to browsers that accept them.
    preCompressed: true,
    // The page itself is asked again each time (it names the current assets); `path` is the file
    // sent, so index.html.br or .gz when a compressed copy goes.
    setHeaders: (response, path) => {
      void response.header(
        'cache-control',
        /index\.html(\.br|\.gz)?$/.test(path) ? 'no-cache' : IMMUTABLE,
      );
    },
  });
  fastify.get('/console', (_request, reply) => reply.redirect(CONSOLE_PREFIX, 301));
  const prerender = consolePrerendering(fastify, { ...prerendering, consoleDirectory: directory });
  const page = async (request: FastifyRequest, reply: FastifyReply) => {
    if (prerender && (await prerender(request, reply))) return reply;
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
  fastify.get(CONSOLE_PREFIX, page);
  fastify.get(`${CONSOLE_PREFIX}*`, page);
  // What a browser asks for by itself where no page links an icon (the API's own answers, the
  // documentation): the console's.
  const favicon = consoleFavicon(directory);
  if (favicon) fastify.get('/favicon.ico', (_request, reply) => reply.redirect(favicon, 302));
  return true;
}
