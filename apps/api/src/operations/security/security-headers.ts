import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

// The API answers JSON only: a page that loads nothing, and that nobody may frame.
const API_POLICY = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

// The Swagger UI page loads its scripts, styles and fonts from us, has inline <style> blocks and
// data: images, and calls the API from the page. No inline script, no eval: script-src stays
// 'self'. No upgrade-insecure-requests: the page must work on http://127.0.0.1 as well.
const DOCS_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/**
 * The console (a Vite build served under /console/): its scripts, styles, fonts and images from
 * us (the DSFR's icons include data: images), no eval, and no inline script but those of its
 * `index.html`, each allowed by its hash (`scriptHashes`, `'sha256-…'`). It calls the API
 * ('self') and, to sign in with OpenID Connect, the provider's discovery and token endpoints.
 * Inline styles are allowed: DSFR components set a few style attributes.
 */
export function consolePolicy(
  identityProviderOrigin: string | undefined,
  scriptHashes: readonly string[] = [],
) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...scriptHashes],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", ...(identityProviderOrigin ? [identityProviderOrigin] : [])],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  };
}

/** Where a route's config keeps its headers. */
const SECURITY_HEADERS = 'amiflowSecurityHeaders';

/** The headers a policy sets, by lower-case name. */
export type SecurityHeaders = Readonly<Record<string, string>>;

/**
 * Helmet's headers for these options, worked out once. Helmet's middleware sets the same values on
 * every response; @fastify/helmet built that middleware anew for each request (parsing the policy's
 * directives every time), a sixteenth of the trivial route's time.
 */
export function helmetHeaders(options: HelmetOptions): SecurityHeaders {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    // Helmet removes X-Powered-By, which fastify never sets.
    removeHeader: () => undefined,
  };
  // Helmet throws a bad option itself (since 8.1) rather than passing it to `next`.
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}

/**
 * Helmet's headers on every response (HSTS, nosniff, no framing, no referrer, same-origin
 * resource policy…) with a Content-Security-Policy that allows nothing, except under the
 * documentation's prefix, which gets the policy the Swagger UI needs, and the console's, which gets
 * its own. Each route's headers are worked out when it is added; a path no route matches (a 404)
 * gets the API's. Register before any route.
 */
export function registerSecurityHeaders(
  fastify: FastifyInstance,
  docsPrefix: string,
  console?: {
    prefix: string;
    identityProviderOrigin: string | undefined;
    scriptHashes?: readonly string[];
  },
): void {
  const policy = (directives: Record<string, string[]>) =>
    helmetHeaders({
      contentSecurityPolicy: { useDefaults: false, directives },
      frameguard: { action: 'deny' },
    });
  const api = policy(API_POLICY);
  const docs = policy(DOCS_POLICY);
  const consolePage =
    console && policy(consolePolicy(console.identityProviderOrigin, console.scriptHashes));
  fastify.addHook('onRoute', (route) => {
    const headers = route.url.startsWith(docsPrefix)
      ? docs
      : consolePage &&
          console &&
          (route.url === console.prefix.slice(0, -1) || route.url.startsWith(console.prefix))
        ? consolePage
        : api;
    route.config = { ...route.config, [SECURITY_HEADERS]: headers } as typeof route.config;
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const config = request.routeOptions.config as { [SECURITY_HEADERS]?: SecurityHeaders };
    void reply.headers(config[SECURITY_HEADERS] ?? api);
    done();
  });
}
