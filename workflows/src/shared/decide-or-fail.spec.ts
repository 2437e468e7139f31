import { DomainErrorCode, refuse } from '@amiflow/domain';
import {
  ApplicationFailure,
  defaultFailureConverter,
  defaultPayloadConverter,
} from '@temporalio/common';
import { decideOrFail } from './decide-or-fail';

/** What the SDK does to a failure between the workflow and the client: to protobuf and back. */
function acrossTheBoundary(error: unknown): unknown {
  const failure = defaultFailureConverter.errorToFailure(error, defaultPayloadConverter);
  return defaultFailureConverter.failureToError(failure, defaultPayloadConverter);
}

function thrownBy(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('decideOrFail', () => {
  it('turns a refusal into a non-retryable failure carrying its code, message and details', () => {
    const details = { date: 'submissionDeadline', problems: [{ path: 'p', message: 'm' }] };
    const failure = acrossTheBoundary(
      thrownBy(() =>
        decideOrFail(() =>
          refuse(DomainErrorCode.CALENDAR_DATE_PASSED, 'La date limite est passée.', details),
        ),
      ),
    );
    expect(failure).toBeInstanceOf(ApplicationFailure);
    const { type, message, nonRetryable, details: carried } = failure as ApplicationFailure;
    expect({ type, message, nonRetryable, carried }).toEqual({
      type: 'CALENDAR_DATE_PASSED',
      message: 'La date limite est passée.',
      nonRetryable: true,
      carried: [details],
    });
  });

  it('carries no details when the refusal has none', () => {
    const failure = thrownBy(() =>
      decideOrFail(() => refuse(DomainErrorCode.TOO_EARLY, 'Trop tôt.')),
    ) as ApplicationFailure;
    expect((acrossTheBoundary(failure) as ApplicationFailure).details).toEqual([]);
  });

  it('lets any other error through: a bug is not a refusal', () => {
    const bug = new TypeError('undefined is not a function');
    expect(
      thrownBy(() =>
        decideOrFail(() => {
          throw bug;
        }),
      ),
    ).toBe(bug);
  });
});
