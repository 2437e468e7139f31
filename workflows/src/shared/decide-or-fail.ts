import { DomainError } from '@amiflow/domain';
import { ApplicationFailure } from '@temporalio/workflow';

/**
 * Runs a decision; a refused command becomes a non-retryable failure whose type is the domain
 * error code and whose one detail is the domain error's details (which date, which phase, which
 * problems), which the API turns back into its 4xx. Any other error is a bug and propagates.
 * The failure is an update's outcome, not a command: adding its details changes no history.
 */
export function decideOrFail<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof DomainError) {
      throw ApplicationFailure.create({
        type: error.code,
        message: error.message,
        nonRetryable: true,
        details: error.details === undefined ? undefined : [error.details],
      });
    }
    throw error;
  }
}
