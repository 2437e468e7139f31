import { createEventActivities } from '@amiflow/activities';
import { EventStore } from '@amiflow/persistence';
import { Inject, Injectable } from '@nestjs/common';

/** Gathers every activity, built by its factory from the Nest-provided dependencies. */
@Injectable()
export class WorkerActivities {
  constructor(@Inject(EventStore) private readonly eventStore: EventStore) {}

  all(): object {
    return { ...createEventActivities(this.eventStore) };
  }
}
