export interface CreateDossierDraft {
  readonly type: 'CreateDossierDraft';
  readonly campaignId: string;
  readonly organisationId: string;
  readonly organisationName: string;
}

export type DossierCommand = CreateDossierDraft;
