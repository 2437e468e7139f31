import {
  campaignIdAttribute,
  DossierSnapshot,
  dossierStreamId,
  DossierUpdateRequest,
  DossierWorkflowInput,
  EventActivities,
  stateAttribute,
} from '@amiflow/contracts';
import {
  decideDossier,
  DossierCommand,
  DossierEvent,
  DossierState,
  evolveDossier,
  initialDossierState,
} from '@amiflow/domain';
import {
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
} from '@temporalio/workflow';
import { decideOrFail } from '../shared/domain-failure';
import { createSerialQueue } from '../shared/serially';
import { createDossierDraftUpdate, dossierStateQuery } from './dossier.messages';

const { appendEvents } = proxyActivities<EventActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * One execution per organisation and campaign (ID `dossier/<campaign>/<organisation>`). Each
 * command is decided by the domain, persisted as events, and only then acknowledged.
 */
export async function dossierLifecycle(input: DossierWorkflowInput): Promise<void> {
  const streamId = dossierStreamId(input.campaignId, input.organisationId);
  let state: DossierState = initialDossierState;
  let version = 0;
  const serially = createSerialQueue();

  const snapshot = (): DossierSnapshot => ({ state, version });

  async function handle(request: DossierUpdateRequest<DossierCommand>): Promise<DossierSnapshot> {
    return serially(async () => {
      const events = decideOrFail(() => decideDossier(request.command, state, new Date()));
      await persist(events, request);
      return snapshot();
    });
  }

  async function persist(
    events: DossierEvent[],
    request: DossierUpdateRequest<DossierCommand>,
  ): Promise<void> {
    if (events.length === 0) return;
    const occurredAt = new Date().toISOString();
    await appendEvents({
      streamId,
      expectedVersion: version,
      events: events.map((event) => ({
        eventId: uuid4(),
        type: event.type,
        data: event.data,
        metadata: { actor: request.actor, occurredAt, correlationId: request.correlationId },
      })),
    });
    state = events.reduce(evolveDossier, state);
    version += events.length;
    upsertSearchAttributes([
      { key: campaignIdAttribute, value: input.campaignId },
      { key: stateAttribute, value: state.status },
    ]);
  }

  setHandler(dossierStateQuery, snapshot);
  setHandler(createDossierDraftUpdate, handle, {
    // Refuse early, without a trace in history, what the current state already rules out.
    validator: (request: DossierUpdateRequest<DossierCommand>) => {
      decideOrFail(() => decideDossier(request.command, state, new Date()));
    },
  });

  // The later phases (submission, screening, consultations) extend this lifecycle; until then
  // a dossier waits for its commands.
  await condition(() => false);
}
