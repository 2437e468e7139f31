import { randomUUID } from 'node:crypto';
import { Actor } from '@amiflow/contracts';
import {
  CampaignCommand,
  CampaignEvent,
  CampaignState,
  decideCampaign,
  decideDossier,
  DossierCommand,
  DossierEvent,
  DossierState,
  evolveCampaign,
  evolveDossier,
  initialCampaignState,
  initialDossierState,
} from '@amiflow/domain';
import { campaignStreamId, dossierStreamId } from '@amiflow/contracts';
import { EventStore } from '../event-store/event-store';

const system: Actor = { id: 'test', role: 'system' };

/**
 * One aggregate's stream driven as its workflow will drive it: decide with the domain at a given
 * instant, append the events, fold them. For tests of what the store and read models make of
 * real event sequences.
 */
export class TestStream<Command, Event extends { type: string; data: unknown }, State> {
  private version = 0;

  constructor(
    private readonly store: EventStore,
    readonly streamId: string,
    private readonly decide: (command: Command, state: State, now: Date) => Event[],
    private readonly evolve: (state: State, event: Event) => State,
    public state: State,
  ) {}

  async run(command: Command, now: Date | string, actor: Actor = system): Promise<Event[]> {
    const at = typeof now === 'string' ? new Date(now) : now;
    const events = this.decide(command, this.state, at);
    await this.store.append({
      streamId: this.streamId,
      expectedVersion: this.version,
      events: events.map((event) => ({
        eventId: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: { actor, occurredAt: at.toISOString(), correlationId: 'test' },
      })),
    });
    this.state = events.reduce(this.evolve, this.state);
    this.version += events.length;
    return events;
  }
}

export type CampaignTestStream = TestStream<CampaignCommand, CampaignEvent, CampaignState>;

export function campaignStream(store: EventStore, campaignId: string): CampaignTestStream {
  return new TestStream(
    store,
    campaignStreamId(campaignId),
    decideCampaign,
    evolveCampaign,
    initialCampaignState,
  );
}

export function dossierStream(
  store: EventStore,
  campaignId: string,
  organisationId: string,
): TestStream<DossierCommand, DossierEvent, DossierState> {
  return new TestStream(
    store,
    dossierStreamId(campaignId, organisationId),
    decideDossier,
    evolveDossier,
    initialDossierState,
  );
}
