import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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
 * us (the DSFR's icons include data: images), no inline script, no eval. It calls the API
 * ('self') and, to sign in with OpenID Connect, the provider's discovery and token endpoints.
 * Inline styles are allowed: DSFR components set a few style attributes.
 */
export function consolePolicy(identityProviderOrigin: string | undefined) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
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

/**
 * Helmet's headers on every response (HSTS, nosniff, no framing, no referrer, same-origin
 * resource policy…) with a Content-Security-Policy that allows nothing, except under the
 * documentation's prefix, which gets the policy the Swagger UI needs, and the console's, which gets
 * its own. Register before any route.
 */
export async function registerSecurityHeaders(
  fastify: FastifyInstance,
  docsPrefix: string,
  console?: { prefix: string; identityProviderOrigin: string | undefined },
): Promise<void> {
  // Runs before helmet's own onRoute hook, which turns a route's `helmet` option into its config.
  fastify.addHook('onRoute', (route) => {
    if (route.url.startsWith(docsPrefix)) {
      route.helmet = { contentSecurityPolicy: { useDefaults: false, directives: DOCS_POLICY } };
    } else if (
      console &&
      (route.url === console.prefix.slice(0, -1) || route.url.startsWith(console.prefix))
    ) {
      route.helmet = {
        contentSecurityPolicy: {
          useDefaults: false,
          directives: consolePolicy(console.identityProviderOrigin),
        },
      };
    }
  });
  await fastify.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: API_POLICY },
    frameguard: { action: 'deny' },
  });
}
