import { DomainError, DomainErrorCode, isDomainErrorCode } from '@amiflow/domain';
import { ServiceUnavailableException } from '@nestjs/common';
import {
  ApplicationFailure,
  isGrpcServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
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
  endedMessage = 'Ce dossier est clos : il ne peut plus être modifié.',
): never {
  // Business keys are never reused: a lifecycle that has ended is not started again.
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    throw new DomainError(DomainErrorCode.TRANSITION_NOT_ALLOWED, endedMessage);
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message } = error.cause;
    if (isDomainErrorCode(type)) throw new DomainError(type, message);
  }
  // Temporal admits ten updates in flight per workflow: a burst on one campaign waits its turn.
  const grpc = [error, (error as { cause?: unknown } | null)?.cause].find(isGrpcServiceError);
  if (grpc && NOT_NOW.includes(grpc.code)) {
    throw new ServiceUnavailableException(
      'Le service est momentanément saturé : réessayez dans quelques secondes.',
    );
  }
  throw error;
}
