import rateLimit from '@fastify/rate-limit';
import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TokenVerifier } from '../../auth/token-verifier';
import { ApiError } from '../../errors/api-error';

const BEARER = /^Bearer (\S+)$/i;

/**
 * At most `perMinute` requests per client and minute, in this process's memory (each API replica
 * counts its own). A client is the subject of a valid bearer token — checked, so that made-up
 * tokens cannot each get a fresh allowance — else the IP address. Health probes are exempt: an
 * orchestrator must always be able to ask. Beyond the limit: 429 in the one error shape, with
 * Retry-After.
 */
export async function registerRateLimit(
  fastify: FastifyInstance,
  options: { perMinute: number; verifier: TokenVerifier; exempt: (path: string) => boolean },
): Promise<void> {
  const { perMinute, verifier, exempt } = options;
  // An exempt route gets no limiter hook at all, rather than one that computes the caller's key
  // (checking a token) and then lets it through. Added before the plugin's own onRoute hook,
  // which reads this option.
  fastify.addHook('onRoute', (route) => {
    if (exempt(route.url)) route.config = { ...route.config, rateLimit: false };
  });
  await fastify.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: async (request: FastifyRequest) => {
      const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
      if (token !== undefined) {
        const principal = await verifier.verify(token).catch(() => undefined);
        if (principal) return `subject:${principal.subject}`;
      }
      return `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        HttpStatus.TOO_MANY_REQUESTS,
        'TOO_MANY_REQUESTS',
        `Trop de requêtes : au plus ${context.max} par minute. Réessayez dans ${Math.ceil(context.ttl / 1000)} s.`,
      ),
  });
}
