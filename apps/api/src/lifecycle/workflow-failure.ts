import { DomainError, isDomainErrorCode, refusals } from '@amiflow/domain';
import { ServiceUnavailableException } from '@nestjs/common';
import {
  ApplicationFailure,
  isGrpcServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';

/** gRPC codes that mean "not now": too many updates in flight on one workflow, server away. */
const NOT_NOW: readonly number[] = [8 /* RESOURCE_EXHAUSTED */, 14 /* UNAVAILABLE */];

/**
 * A command refused by the workflow arrives as a failed update whose cause carries the domain
 * code; give the domain error back so the filter answers with its 4xx. A Temporal that cannot
 * take the command now is a 503 to retry. Anything else is rethrown.
 */
export function rethrowAsDomainError(
  error: unknown,
  ended: () => DomainError = refusals.dossierClosed,
): never {
  // Business keys are never reused: a lifecycle that has ended is not started again.
  if (error instanceof WorkflowExecutionAlreadyStartedError) throw ended();
  const refusal = domainErrorOf(error);
  if (refusal) throw refusal;
  // Temporal admits ten updates in flight per workflow: a burst on one campaign waits its turn.
  const grpc = [error, (error as { cause?: unknown } | null)?.cause].find(isGrpcServiceError);
  if (grpc && NOT_NOW.includes(grpc.code)) {
    throw new ServiceUnavailableException(
      'Le service est momentanément saturé : réessayez dans quelques secondes.',
    );
  }
  // The client gave up waiting for the update's result (behind a burst of timers, say): the
  // command may still be decided, or not. Not a 500: a 503 that says to look before retrying;
  // a repeated command is refused if the first was applied (commands are idempotent by state).
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    throw new ServiceUnavailableException(
      "Le service n'a pas pu confirmer la demande à temps : elle sera peut-être appliquée. " +
        'Relisez ce que vous modifiiez avant de la renvoyer.',
    );
  }
  throw error;
}

/**
 * The domain error a workflow's refusal carries: its code is the failure's type, its details the
 * failure's one detail (see decideOrFail in workflows), so they reach the HTTP answer intact.
 */
export function domainErrorOf(error: unknown): DomainError | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const failure = error.cause;
  if (!(failure instanceof ApplicationFailure) || !isDomainErrorCode(failure.type))
    return undefined;
  return new DomainError(failure.type, failure.message, detailsOf(failure.details));
}

function detailsOf(details: unknown[] | undefined | null): Record<string, unknown> | undefined {
  const [first] = details ?? [];
  return typeof first === 'object' && first !== null && !Array.isArray(first)
    ? (first as Record<string, unknown>)
    : undefined;
}
