import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeJwt } from 'jose';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import type { TokenVerifier } from '../../auth/token-verifier';
import { CORRELATION_ID_HEADER } from '../../common/correlation-id';

/**
 * The campaign page drawn by the API, in the HTML it sends: the console's own screens
 * (apps/console/src/prerender/prerender-campaign-page.tsx, built by `npm run build` into
 * `dist/console-prerender`), with the campaign, its dossier counts and its first page of dossiers
 * read through the API's own routes with the signed-in operator's token. The table and counts are
 * there as soon as the document is read (its head leaves before they are: the browser fetches the
 * console's files meanwhile); the console's scripts, once run, take that markup over from the
 * same answers, embedded in the page (start-console.tsx). `npm run bench:console` measures it.
 *
 * The token comes from the console's session cookie (apps/console/src/auth/stored-session.ts:
 * `Path=/console/campagnes/`, `SameSite=Strict`), which only this page reads: the API's routes
 * take the bearer header alone. It is verified as any bearer token is, and the screens are drawn
 * for its verified claims; the reads go through the routes (Fastify's `inject`: authentication,
 * authorisation, validation as for any call), so a page shows nothing its token could not read.
 * No cookie, a token refused or an organisation's: the console's plain page, as before. Past
 * that, anything that keeps the page from being drawn (an unknown campaign, a read refused, a
 * failure, logged, or more than `PRERENDER_DEADLINE_MS`) leaves its root empty, and the console
 * draws it itself: never an error page.
 */

/** The cookie the console keeps its session's token in (apps/console/src/auth/stored-session.ts). */
export const SESSION_COOKIE = 'amiflow-console-session';

/** How long the page's reads and drawing may take before the console is left to draw it, ms. */
export const PRERENDER_DEADLINE_MS = 1_000;

/** The session the screens are drawn for (apps/console/src/auth/stored-session.ts's `Session`). */
interface PrerenderSession {
  readonly token: string;
  readonly role: 'operator' | 'admin';
  readonly subject: string;
  readonly organisationId: undefined;
  /** UTC instant, ms since the epoch: the token's `exp`. */
  readonly expiresAt: number;
  readonly via: 'development' | 'oidc';
}

/** What `dist/console-prerender/prerender.cjs` exports. */
interface Prerenderer {
  campaignPageId(pathname: string): string | undefined;
  prerenderCampaignPage(request: {
    url: string;
    session: PrerenderSession;
    get: (path: string) => Promise<unknown>;
  }): Promise<{ html: string; state: unknown } | undefined>;
}

/** Where `npm run build` puts the prerendering, beside the console (`dist/console`). */
export const prerendererFile = (consoleDirectory: string): string =>
  join(consoleDirectory, '..', 'console-prerender', 'prerender.cjs');

/**
 * The token the request's session cookie holds, if it has one that could be a bearer token
 * (visible ASCII: what an HTTP header can carry). It is not checked here.
 */
export function tokenFromCookie(cookieHeader: string | undefined): string | undefined {
  const prefix = `${SESSION_COOKIE}=`;
  const raw = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix))
    ?.slice(prefix.length);
  if (!raw) return undefined;
  try {
    const token = decodeURIComponent(raw);
    return /^[\x21-\x7e]+$/.test(token) ? token : undefined;
  } catch {
    return undefined;
  }
}

const EMPTY_ROOT = '<div id="root"></div>';

/**
 * The console's `index.html` cut around its empty root element, the `<html>` element marked
 * (`data-prerendered`): the page's inline script, which reads it before the body, then sends no
 * request of its own. The head goes at once (the browser fetches the console's styles and scripts
 * meanwhile), the root once drawn.
 */
export function splitTemplate(template: string): { head: string; tail: string } {
  const at = template.indexOf(EMPTY_ROOT);
  if (at < 0) throw new Error(`The console's index.html has no ${EMPTY_ROOT}`);
  return {
    head: template.slice(0, at).replace(/<html(\s|>)/, '<html data-prerendered$1'),
    tail: template.slice(at + EMPTY_ROOT.length),
  };
}

/**
 * The root element with the screens' markup, and beside it the answers they were drawn from, as
 * JSON (TanStack Query's dehydrated state in a data block, which no CSP blocks as it runs nothing;
 * `<` escaped so that no text in it can end it).
 */
export function prerenderedRoot(html: string, state: unknown): string {
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  return (
    `<div id="root">${html}</div>` +
    `<script type="application/json" id="amiflow-prerendered">${json}</script>`
  );
}

/**
 * Answers a campaign's page drawn in, when the request's session cookie holds a token the API
 * accepts, of an operator or an administrator; resolves false when it did not answer, for the
 * caller to send the plain page. Undefined (the plain page always) without a built prerendering,
 * or one that cannot be loaded (logged).
 */
export function consolePrerendering(
  fastify: FastifyInstance,
  options: {
    consoleDirectory: string;
    verifier: TokenVerifier;
    /** How the tokens the API accepts are made: its own development secret, or the provider. */
    signedInVia: 'development' | 'oidc';
  },
): ((request: FastifyRequest, reply: FastifyReply) => Promise<boolean>) | undefined {
  const logger = new Logger('ConsolePrerendering');
  const file = prerendererFile(options.consoleDirectory);
  if (!existsSync(file)) return undefined;
  let prerenderer: Prerenderer;
  let template: { head: string; tail: string };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a build output, found at run time
    prerenderer = require(file) as Prerenderer;
    template = splitTemplate(readFileSync(join(options.consoleDirectory, 'index.html'), 'utf8'));
  } catch (error) {
    logger.error(`Campaign pages will not be prerendered: ${String(error)}`);
    return undefined;
  }

  /** The session the request's cookie is for, if it may have a campaign page drawn. */
  const sessionOf = async (request: FastifyRequest): Promise<PrerenderSession | undefined> => {
    const token = tokenFromCookie(request.headers.cookie);
    if (token === undefined) return undefined;
    const principal = await options.verifier.verify(token).catch(() => undefined);
    if (!principal || principal.role === 'organisation') return undefined;
    return {
      token,
      role: principal.role,
      subject: principal.subject,
      organisationId: undefined,
      expiresAt: (decodeJwt(token).exp ?? 0) * 1000,
      via: options.signedInVia,
    };
  };

  return async (request, reply) => {
    if (request.method !== 'GET') return false;
    const url = new URL(request.url, 'http://console.invalid');
    if (prerenderer.campaignPageId(url.pathname) === undefined) return false;
    const session = await sessionOf(request);
    if (!session) return false;

    const { body, flush, encoding } = encoder(request.headers['accept-encoding']);
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      // One person's dossiers: kept by no cache, shared or not.
      .header('cache-control', 'no-store')
      .header('vary', 'cookie, accept-encoding');
    if (encoding) void reply.header('content-encoding', encoding);
    void reply.send(body);
    body.write(template.head);
    flush();

    const get = async (path: string): Promise<unknown> => {
      // The browser has gone: nothing more to read for it.
      if (request.raw.destroyed) throw new Error('the browser closed the connection');
      const answer = await fastify.inject({
        method: 'GET',
        url: path,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${session.token}`,
          // The page's reads are logged under the page's own correlation id.
          [CORRELATION_ID_HEADER]: request.id,
        },
        remoteAddress: request.ip,
      });
      return answer.statusCode === 200 ? answer.json() : undefined;
    };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), PRERENDER_DEADLINE_MS);
    });
    let root = EMPTY_ROOT;
    try {
      const prerendered = await Promise.race([
        prerenderer.prerenderCampaignPage({ url: request.url, session, get }),
        deadline,
      ]);
      if (prerendered) root = prerenderedRoot(prerendered.html, prerendered.state);
    } catch (error) {
      if (!request.raw.destroyed) logger.warn(`${request.url} not prerendered: ${String(error)}`);
    } finally {
      clearTimeout(timer);
    }
    body.end(root + template.tail);
    return true;
  };
}

/**
 * The stream the page goes through, compressed as the browser accepts it: brotli at a middle
 * quality (a page made for one request: quick to compress matters more than the last bytes), else
 * gzip, else as it is. `flush` sends what was written so far (the head) at once.
 */
function encoder(acceptEncoding: string | string[] | undefined): {
  body: Transform;
  flush: () => void;
  encoding?: 'br' | 'gzip';
} {
  if (accepts(acceptEncoding, 'br')) {
    const body = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    return { body, flush: () => body.flush(constants.BROTLI_OPERATION_FLUSH), encoding: 'br' };
  }
  if (accepts(acceptEncoding, 'gzip')) {
    const body = createGzip();
    return { body, flush: () => body.flush(constants.Z_SYNC_FLUSH), encoding: 'gzip' };
  }
  return { body: new PassThrough(), flush: () => undefined };
}

/** Whether `Accept-Encoding` names `coding` with a weight above zero (RFC 9110, 12.5.3). */
export function accepts(acceptEncoding: string | string[] | undefined, coding: string): boolean {
  return String(acceptEncoding ?? '')
    .split(',')
    .some((entry) => {
      const [name, ...parameters] = entry.split(';').map((part) => part.trim().toLowerCase());
      const weight = parameters.find((parameter) => parameter.startsWith('q='));
      return name === coding && (weight === undefined || Number(weight.slice(2)) > 0);
    });
}
