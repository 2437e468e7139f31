import { DomainError, DomainErrorCode, isDomainErrorCode } from '@amiflow/domain';
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';

/**
 * A command refused by the workflow arrives as a failed update whose cause carries the domain
 * code; give the domain error back so the filter answers with its 4xx. Anything else is rethrown.
 */
export function rethrowAsDomainError(error: unknown): never {
  // Business keys are never reused: a lifecycle that has ended is not started again.
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    throw new DomainError(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
      'Ce dossier est clos : il ne peut plus être modifié.',
    );
  }
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message } = error.cause;
    if (isDomainErrorCode(type)) throw new DomainError(type, message);
  }
  throw error;
}
