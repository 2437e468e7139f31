import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_RULE } from './idempotency-key';

export const IDEMPOTENT_ROUTE = 'amiflow:idempotent';

/**
 * A route that honours the Idempotency-Key header: a repeat with the same key and body gets the
 * first response again instead of running twice. Meant for routes that create something.
 */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IDEMPOTENT_ROUTE, true),
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
