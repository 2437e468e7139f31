import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/**
 * The campaign page drawn by the API, in the HTML it sends: the console's own screens
 * (apps/console/src/prerender/prerender-campaign-page.tsx, built by `npm run build` into
 * `dist/console-prerender`), with the campaign, its dossier counts and its first page of dossiers
 * read through the API's own routes with the signed-in operator's token. The table and counts are
 * there as soon as the document is read (its head leaves before they are: the browser fetches the
 * console's files meanwhile); the console's scripts, once run, take that markup over
 * from the same answers, embedded in the page (start-console.tsx). `npm run bench:console`
 * measures it.
 *
 * The token comes from the console's session cookie (apps/console/src/auth/stored-session.ts:
 * `Path=/console/campagnes/`, `SameSite=Strict`), which only this page reads: the API's routes
 * take the bearer header alone. The reads go through those routes (Fastify's `inject`:
 * authentication, authorisation, validation as for any call), so a page shows nothing its token
 * could not read; an organisation's token, an expired or forged one, gets the console's plain
 * page, as without a cookie, and so does any failure here (logged), never an error page.
 */

/** The cookie the console keeps its session in (apps/console/src/auth/stored-session.ts). */
export const SESSION_COOKIE = 'amiflow-console-session';

/** The session as the console stores it; what the screens are drawn for. */
export interface ConsoleSession {
  readonly token: string;
  readonly role: 'operator' | 'admin' | 'organisation' | undefined;
  readonly subject: string | undefined;
  readonly organisationId: string | undefined;
  /** UTC instant, ms since the epoch. */
  readonly expiresAt: number;
  readonly via: 'development' | 'oidc';
}

interface Prerenderer {
  campaignPageId(pathname: string): string | undefined;
  prerenderCampaignPage(request: {
    url: string;
    session: ConsoleSession;
    get: (path: string) => Promise<unknown>;
  }): Promise<{ html: string; state: unknown } | undefined>;
}

/** Where `npm run build` puts the prerendering, beside the console (`dist/console`). */
export const prerendererFile = (consoleDirectory: string): string =>
  join(consoleDirectory, '..', 'console-prerender', 'prerender.cjs');

/**
 * The session the request's cookie carries, if it is one that has not expired; only the session's
 * own fields are kept. Its token is not checked here: the API's routes check it when the page's
 * answers are read with it.
 */
export function sessionFromCookie(
  cookieHeader: string | undefined,
  now: number = Date.now(),
): ConsoleSession | undefined {
  const raw = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  if (!raw) return undefined;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(decodeURIComponent(raw)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { token, role, subject, organisationId, expiresAt, via } = parsed;
  const optionalText = (value: unknown) => value === undefined || typeof value === 'string';
  if (
    typeof token !== 'string' ||
    !/^[\x21-\x7e]+$/.test(token) ||
    typeof expiresAt !== 'number' ||
    expiresAt <= now ||
    !(role === undefined || role === 'operator' || role === 'admin' || role === 'organisation') ||
    !optionalText(subject) ||
    !optionalText(organisationId) ||
    (via !== 'development' && via !== 'oidc')
  ) {
    return undefined;
  }
  return {
    token,
    role,
    subject: subject,
    organisationId: organisationId,
    expiresAt,
    via,
  };
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
 * The root element with the screens' markup, and beside it what they were drawn from and for, as
 * JSON (a data block, which no CSP blocks as it runs nothing; `<` escaped so that no text in it
 * can end it).
 */
export function prerenderedRoot(
  html: string,
  embedded: { subject: string | undefined; state: unknown },
): string {
  const json = JSON.stringify(embedded).replace(/</g, '\\u003c');
  return (
    `<div id="root">${html}</div>` +
    `<script type="application/json" id="amiflow-prerendered">${json}</script>`
  );
}

/**
 * Answers a campaign's page drawn in, when the request has a session cookie that is not an
 * organisation's; resolves false when it did not answer, for the caller to send the plain page.
 * The head goes at once; if the campaign cannot be read with the token (refused, unknown) or the
 * drawing fails (logged), the root stays empty and the console draws the page itself.
 */
export function consolePrerendering(
  fastify: FastifyInstance,
  consoleDirectory: string,
): ((request: FastifyRequest, reply: FastifyReply) => Promise<boolean>) | undefined {
  const file = prerendererFile(consoleDirectory);
  if (!existsSync(file)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a build output, found at run time
  const prerenderer = require(file) as Prerenderer;
  const { head, tail } = splitTemplate(readFileSync(join(consoleDirectory, 'index.html'), 'utf8'));
  return async (request, reply) => {
    const session = sessionFromCookie(request.headers.cookie);
    if (!session || session.role === 'organisation') return false;
    const url = new URL(request.url, 'http://console.invalid');
    if (prerenderer.campaignPageId(url.pathname) === undefined) return false;
    const get = async (path: string): Promise<unknown> => {
      const answer = await fastify.inject({
        method: 'GET',
        url: path,
        headers: { accept: 'application/json', authorization: `Bearer ${session.token}` },
        remoteAddress: request.ip,
      });
      return answer.statusCode === 200 ? answer.json() : undefined;
    };
    const { body, flush, encoding } = encoder(request.headers['accept-encoding']);
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      // One person's dossiers: kept by no cache, shared or not.
      .header('cache-control', 'no-store')
      .header('vary', 'cookie, accept-encoding');
    if (encoding) void reply.header('content-encoding', encoding);
    void reply.send(body);
    body.write(head);
    flush();
    let root = EMPTY_ROOT;
    try {
      const prerendered = await prerenderer.prerenderCampaignPage({
        url: request.url,
        session,
        get,
      });
      if (prerendered) {
        root = prerenderedRoot(prerendered.html, {
          subject: session.subject,
          state: prerendered.state,
        });
      }
    } catch (error) {
      request.log.warn({ err: error }, 'console page not prerendered');
    }
    body.end(root + tail);
    return true;
  };
}

/**
 * The stream the page goes through, compressed as the browser accepts it: brotli at a middle
 * quality (a page made for one request: quick to compress matters more than the last bytes), else
 * gzip, else as it is. Compressed streams are flushed after the head, so that it leaves at once.
 */
function encoder(acceptEncoding: string | string[] | undefined): {
  body: Transform;
  flush: () => void;
  encoding?: 'br' | 'gzip';
} {
  const accepted = String(acceptEncoding ?? '');
  if (/\bbr\b/.test(accepted)) {
    const body = createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
    return { body, flush: () => body.flush(constants.BROTLI_OPERATION_FLUSH), encoding: 'br' };
  }
  if (/\bgzip\b/.test(accepted)) {
    const body = createGzip();
    return { body, flush: () => body.flush(constants.Z_SYNC_FLUSH), encoding: 'gzip' };
  }
  return { body: new PassThrough(), flush: () => undefined };
}
