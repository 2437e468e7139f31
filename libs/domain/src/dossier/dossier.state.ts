export interface NoDossier {
  readonly status: 'NONE';
}

export interface DraftDossier {
  readonly status: 'DRAFT';
  readonly campaignId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly createdAt: string;
}

export type DossierState = NoDossier | DraftDossier;

export const initialDossierState: DossierState = { status: 'NONE' };
