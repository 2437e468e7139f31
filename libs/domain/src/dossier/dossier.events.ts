export interface DossierDraftCreated {
  readonly type: 'DossierDraftCreated';
  readonly data: {
    readonly campaignId: string;
    readonly organisationId: string;
    readonly organisationName: string;
    /** ISO 8601 instant, UTC. */
    readonly createdAt: string;
  };
}

export type DossierEvent = DossierDraftCreated;
