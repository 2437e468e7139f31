import { CreateEventStore1764288000000 } from './1764288000000-create-event-store.migration';
import { CreateDossierSummaries1764288000001 } from './1764288000001-create-dossier-summaries.migration';
import { IndexEventsByTransaction1764288000002 } from './1764288000002-index-events-by-transaction.migration';

/** In order. Listed by hand so the compiled apps never glob for files. */
export const migrations = [
  CreateEventStore1764288000000,
  CreateDossierSummaries1764288000001,
  IndexEventsByTransaction1764288000002,
];
