import { AppConfig } from '@amiflow/config';
import { IdempotencyStore } from '@amiflow/persistence';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { TokenVerifier } from '../auth/token-verifier';
import { CORRELATION_ID_HEADER } from '../common/correlation-id';
import {
  CONSOLE_DIR,
  CONSOLE_PREFIX,
  inlineScriptHashes,
  serveConsole,
} from './console/serve-console';
import { registerIdempotencyRecorder } from './idempotency/idempotency-recorder';
import { registerRequestLog } from './logging/request-log';
import { ApiMetrics } from './metrics/api-metrics';
import { registerRequestMetrics } from './metrics/request-metrics';
import { registerRateLimit } from './security/rate-limit';
import { registerSecurityHeaders } from './security/security-headers';

/**
 * Installs the fastify hooks every request goes through: correlation id, security headers, rate
 * limit, metrics, request log, idempotency records; then the console's files under /console/. Call before any route is registered (before
 * the OpenAPI page and `init`): fastify gives route-level hooks only to routes added after.
 */
export async function installOperations(
  app: NestFastifyApplication,
  config: AppConfig,
  docsPath: string,
): Promise<void> {
  // Nest's adapter pins its own copy of fastify; the plugins' type augmentations apply to the
  // workspace's. Same major version, same object at run time: only the types need bridging.
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // The adapter's genReqId made the correlation id the request id: give it back to the caller.
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(CORRELATION_ID_HEADER, request.id);
  });
  const issuer = config.auth.oidc?.issuerUrl;
  registerSecurityHeaders(fastify, docsPath, {
    prefix: CONSOLE_PREFIX,
    identityProviderOrigin: issuer === undefined ? undefined : new URL(issuer).origin,
    scriptHashes: inlineScriptHashes(),
  });
  await registerRateLimit(fastify, {
    perMinute: config.operations.rateLimitPerMinute,
    verifier: app.get(TokenVerifier),
    exempt: (path) => path === '/health' || path.startsWith('/health/'),
  });
  registerRequestMetrics(fastify, app.get(ApiMetrics));
  registerRequestLog(fastify, new Logger('HttpRequest'));
  registerIdempotencyRecorder(fastify, app.get(IdempotencyStore), new Logger('Idempotency'));
  const prerendering = {
    verifier: app.get(TokenVerifier),
    signedInVia: config.auth.jwtSecret ? ('development' as const) : ('oidc' as const),
  };
  if (!(await serveConsole(fastify, prerendering))) {
    new Logger('Console').log(`No built console in ${CONSOLE_DIR}: /console/ is not served`);
  }
}
