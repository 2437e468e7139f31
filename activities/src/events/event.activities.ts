import { EventActivities } from '@amiflow/contracts';
import { EventStore, EventStoreError } from '@amiflow/persistence';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Appending is idempotent by event id, so Temporal may retry freely. A store rule failure
 * (wrong version, reused id) will not change on retry: it fails the activity for good.
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
        throw error;
      }
    },
  };
}
