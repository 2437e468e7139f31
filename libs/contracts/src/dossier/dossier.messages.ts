import type { CreateDossierDraft, DossierState } from '@amiflow/domain';
import type { Actor } from '../events/event-envelope';

export const DOSSIER_WORKFLOW_TYPE = 'dossierLifecycle';

export const dossierUpdateNames = {
  createDraft: 'createDossierDraft',
} as const;

export const dossierQueryNames = {
  state: 'dossierState',
} as const;

export interface DossierWorkflowInput {
  readonly campaignId: string;
  readonly organisationId: string;
}

/** Every update carries who asks and the request it belongs to, besides the command. */
export interface DossierUpdateRequest<Command> {
  readonly command: Command;
  readonly actor: Actor;
  readonly correlationId: string;
}

export type CreateDossierDraftRequest = DossierUpdateRequest<CreateDossierDraft>;

export interface DossierSnapshot {
  readonly state: DossierState;
  /** Events in the dossier's stream. */
  readonly version: number;
}
