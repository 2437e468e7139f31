import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_RULE } from './idempotency-key';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * A route that honours the Idempotency-Key header: a repeat with the same key and body gets the
 * first response again instead of running twice. Meant for routes that create something.
 *
 * The interceptor is bound to these routes only, not to the whole application: any interceptor
 * puts a route's handler through Nest's RxJS pipeline and two AsyncResource bindings, which cost
 * a tenth of the trivial route's time on routes that have no key to honour. The controller's
 * module imports OperationsModule, which provides the store.
 */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        `Optional, ${IDEMPOTENCY_KEY_RULE}, kept 24 hours. A repeat with the same key and body ` +
        'gets the first response again, with `Idempotent-Replayed: true`; the same key with ' +
        'another body is refused (422 IDEMPOTENCY_KEY_REUSED), and so is a repeat while the ' +
        'first request still runs (409 IDEMPOTENCY_KEY_IN_USE). Server errors (5xx) are not kept.',
    }),
  );
