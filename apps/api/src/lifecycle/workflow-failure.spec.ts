import { DomainError } from '@amiflow/domain';
import {
  ApplicationFailure,
  defaultFailureConverter,
  defaultPayloadConverter,
} from '@temporalio/common';
import { ServiceUnavailableException } from '@nestjs/common';
import {
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { domainErrorOf, rethrowAsDomainError } from './workflow-failure';

/** A failed update as the client receives it: the workflow's failure, to protobuf and back. */
function failedUpdate(failure: ApplicationFailure): WorkflowUpdateFailedError {
  const proto = defaultFailureConverter.errorToFailure(failure, defaultPayloadConverter);
  const cause = defaultFailureConverter.failureToError(proto, defaultPayloadConverter);
  return new WorkflowUpdateFailedError('Workflow Update failed', cause);
}

describe('domainErrorOf', () => {
  it("gives back the workflow's refusal with its details", () => {
    const error = domainErrorOf(
      failedUpdate(
        ApplicationFailure.create({
          type: 'TRANSITION_NOT_ALLOWED',
          message: 'Impossible de publier la campagne : elle est ouverte.',
          nonRetryable: true,
          details: [{ phase: 'OPEN' }],
        }),
      ),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect({ code: error?.code, message: error?.message, details: error?.details }).toEqual({
      code: 'TRANSITION_NOT_ALLOWED',
      message: 'Impossible de publier la campagne : elle est ouverte.',
      details: { phase: 'OPEN' },
    });
  });

  it('reads a refusal without details as one without details', () => {
    const error = domainErrorOf(
      failedUpdate(ApplicationFailure.create({ type: 'TOO_EARLY', message: 'Trop tôt.' })),
    );
    expect(error?.details).toBeUndefined();
  });

  it('leaves alone a failure that is not a domain refusal', () => {
    expect(
      domainErrorOf(
        failedUpdate(ApplicationFailure.create({ type: 'EVENT_DATA_REFUSED', message: 'x' })),
      ),
    ).toBeUndefined();
    expect(domainErrorOf(new Error('network'))).toBeUndefined();
  });
});

describe('rethrowAsDomainError', () => {
  // Seen under a burst of a thousand expiry timers: the client stopped waiting for the update's
  // result, and the API answered 500 to a submission that may still be decided.
  it('answers 503, never 500, when the client stopped waiting for the update', () => {
    const timedOut = new WorkflowUpdateRPCTimeoutOrCancelledError(
      'Timed out or cancelled waiting for Workflow Update',
    );
    expect(() => rethrowAsDomainError(timedOut)).toThrow(ServiceUnavailableException);
    expect(() => rethrowAsDomainError(timedOut)).toThrow(/avant de la renvoyer/);
  });

  it('rethrows what it does not know', () => {
    const unknown = new Error('network');
    expect(() => rethrowAsDomainError(unknown)).toThrow(unknown);
  });
});
