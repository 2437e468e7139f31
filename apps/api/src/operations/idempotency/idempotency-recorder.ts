import { IdempotencyStore } from '@amiflow/persistence';
import { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { takeClaim } from './pending-claims';

/**
 * Settles the key a request claimed, as its response leaves: the response is kept for repeats,
 * unless it is a server error (5xx), which frees the key so that a repeat runs again. Awaited
 * before sending, so a client that repeats at once finds the response rather than a claim.
 */
export function registerIdempotencyRecorder(
  fastify: FastifyInstance,
  store: IdempotencyStore,
  logger: LoggerService,
): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    const claim = takeClaim(request);
    if (claim === undefined) return payload;
    try {
      const body = payload === null || payload === undefined ? '' : payload;
      if (reply.statusCode >= 500 || typeof body !== 'string') {
        await store.release(claim.scope, claim.claimId);
      } else {
        const contentType = reply.getHeader('content-type');
        await store.complete(claim.scope, claim.claimId, {
          statusCode: reply.statusCode,
          contentType: typeof contentType === 'string' ? contentType : null,
          body,
        });
      }
    } catch (error) {
      // The response still goes out; the claim lapses after its lease and a repeat runs again.
      logger.error(
        `Could not settle idempotency key ${claim.scope.key}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return payload;
  });
}
