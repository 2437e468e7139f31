import {
  CreateDossierDraftRequest,
  dossierQueryNames,
  DossierSnapshot,
  dossierUpdateNames,
} from '@amiflow/contracts';
import { defineQuery, defineUpdate } from '@temporalio/workflow';

export const createDossierDraftUpdate = defineUpdate<DossierSnapshot, [CreateDossierDraftRequest]>(
  dossierUpdateNames.createDraft,
);

export const dossierStateQuery = defineQuery<DossierSnapshot>(dossierQueryNames.state);
