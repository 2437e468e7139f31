import { IdempotencyStore, StoredResponse } from '@amiflow/persistence';
import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Observable, of } from 'rxjs';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { ApiError } from '../../errors/api-error';
import {
  hashRequestBody,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
  isValidIdempotencyKey,
} from './idempotency-key';
import { holdClaim } from './pending-claims';

/**
 * Bound by `@Idempotent()` to the routes that honour keys: a request with an Idempotency-Key runs
 * once, its repeats get the stored response. Runs after the guard, so the key is scoped by the
 * authenticated caller.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(IdempotencyStore) private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    const key = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (key === undefined) return next.handle();
    if (!isValidIdempotencyKey(key)) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'INVALID_IDEMPOTENCY_KEY',
        "L'en-tête Idempotency-Key doit compter de 1 à 128 lettres, chiffres ou signes « _ . : - ».",
      );
    }
    const scope = {
      caller: request.principal?.subject ?? 'anonymous',
      method: request.method,
      path: request.url.split('?')[0],
      key,
    };
    const requestHash = hashRequestBody(request.body);
    const claim = await this.store.claim(scope, requestHash);
    if (claim.outcome === 'claimed') {
      holdClaim(request, { scope, claimId: claim.claimId });
      return next.handle();
    }
    if (claim.requestHash !== requestHash) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'IDEMPOTENCY_KEY_REUSED',
        "Cette clé d'idempotence a déjà servi pour une autre requête : utilisez-en une nouvelle.",
      );
    }
    if (claim.outcome === 'in-flight') {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'IDEMPOTENCY_KEY_IN_USE',
        "Une requête avec cette clé d'idempotence est en cours : réessayez dans un instant.",
      );
    }
    return of(replay(http.getResponse<FastifyReply>(), claim.response));
  }
}

/** Sets the stored status and type on the reply and gives the stored body to send as it was. */
function replay(reply: FastifyReply, response: StoredResponse): string {
  void reply.status(response.statusCode).header(IDEMPOTENT_REPLAYED_HEADER, 'true');
  if (response.contentType !== null) void reply.header('content-type', response.contentType);
  return response.body;
}
