import type { IdempotencyScope } from '@amiflow/persistence';
import type { FastifyRequest } from 'fastify';

/** A key the request holds until its response is sent. */
export interface PendingClaim {
  readonly scope: IdempotencyScope;
  readonly claimId: string;
}

// The interceptor claims the key; the onSend hook, which sees the response as sent (including
// what the exception filter made of an error), settles it. The request object links the two.
const claims = new WeakMap<FastifyRequest, PendingClaim>();

export function holdClaim(request: FastifyRequest, claim: PendingClaim): void {
  claims.set(request, claim);
}

/** The request's claim, once: whoever takes it settles it. */
export function takeClaim(request: FastifyRequest): PendingClaim | undefined {
  const claim = claims.get(request);
  claims.delete(request);
  return claim;
}
