import { EventActivities } from '@amiflow/contracts';
import { EventStore, EventStoreError } from '@amiflow/persistence';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Appending is idempotent by event id, so Temporal may retry freely. A store rule failure
 * (wrong version, reused id) or data PostgreSQL refuses (SQLSTATE class 22: a NUL character, a
 * date out of range) will not change on retry: it fails the activity for good, rather than hold
 * the aggregate's queue of commands while it is retried forever.
 */
export function createEventActivities(eventStore: EventStore): EventActivities {
  return {
    async appendEvents(input) {
      try {
        return await eventStore.append(input);
      } catch (error) {
        if (error instanceof EventStoreError) {
          throw ApplicationFailure.create({
            type: error.code,
            message: error.message,
            nonRetryable: true,
          });
        }
        if (isDataException(error)) {
          throw ApplicationFailure.create({
            type: 'EVENT_DATA_REFUSED',
            message: (error as Error).message,
            nonRetryable: true,
          });
        }
        throw error;
      }
    },
  };
}

function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('22');
}
