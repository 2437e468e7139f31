import { CreateEventStore1764288000000 } from './1764288000000-create-event-store.migration';
import { CreateDossierSummaries1764288000001 } from './1764288000001-create-dossier-summaries.migration';
import { IndexEventsByTransaction1764288000002 } from './1764288000002-index-events-by-transaction.migration';
import { ReshapeDossierSummaries1764288000003 } from './1764288000003-reshape-dossier-summaries.migration';
import { CreateCampaignSummaries1764288000004 } from './1764288000004-create-campaign-summaries.migration';
import { CreateMeetingRegistrations1764288000005 } from './1764288000005-create-meeting-registrations.migration';
import { CreateReminderDeliveries1764288000006 } from './1764288000006-create-reminder-deliveries.migration';
import { CreateOrganisationDirectory1764288000007 } from './1764288000007-create-organisation-directory.migration';
import { SeedReferenceDirectory1764288000008 } from './1764288000008-seed-reference-directory.migration';
import { AddOrganisationContactAddress1764288000009 } from './1764288000009-add-organisation-contact-address.migration';
import { RecordSentMailsInLedger1764288000010 } from './1764288000010-record-sent-mails-in-ledger.migration';
import { TrackDeliveryFailures1764288000011 } from './1764288000011-track-delivery-failures.migration';
import { CreateIdempotencyKeys1764288000012 } from './1764288000012-create-idempotency-keys.migration';
import { IndexOrganisationNamesByTrigram1764288000013 } from './1764288000013-index-organisation-names-by-trigram.migration';
import { SearchDossiersWithoutAccents1764288000014 } from './1764288000014-search-dossiers-without-accents.migration';
import { ClaimDeliveriesBeforeSending1764288000031 } from './1764288000031-claim-deliveries-before-sending.migration';
import { AddWorkAndDueToDossierSummaries1764288000100 } from './1764288000100-add-work-and-due-to-dossier-summaries.migration';
import { CreateDossierDueItems1764288000101 } from './1764288000101-create-dossier-due-items.migration';
import { CreateSavedViews1764288000102 } from './1764288000102-create-saved-views.migration';
import { IndexDeliveriesByDossier1764288000103 } from './1764288000103-index-deliveries-by-dossier.migration';
import { AddSavedViewColumns1764288000121 } from './1764288000121-add-saved-view-columns.migration';
import { IndexDossierCounts1764288000122 } from './1764288000122-index-dossier-counts.migration';
import { CreateDataBackfills1764288000123 } from './1764288000123-create-data-backfills.migration';
import { CreateDossierReviewers1764288000130 } from './1764288000130-create-dossier-reviewers.migration';
import { OrderDossierListIndexesAsTheList1764288000150 } from './1764288000150-order-dossier-list-indexes-as-the-list.migration';
import { NotifyDossierListChanges1764288000160 } from './1764288000160-notify-dossier-list-changes.migration';

/** In order. Listed by hand so the compiled apps never glob for files. */
export const migrations = [
  CreateEventStore1764288000000,
  CreateDossierSummaries1764288000001,
  IndexEventsByTransaction1764288000002,
  ReshapeDossierSummaries1764288000003,
  CreateCampaignSummaries1764288000004,
  CreateMeetingRegistrations1764288000005,
  CreateReminderDeliveries1764288000006,
  CreateOrganisationDirectory1764288000007,
  SeedReferenceDirectory1764288000008,
  AddOrganisationContactAddress1764288000009,
  RecordSentMailsInLedger1764288000010,
  TrackDeliveryFailures1764288000011,
  CreateIdempotencyKeys1764288000012,
  IndexOrganisationNamesByTrigram1764288000013,
  SearchDossiersWithoutAccents1764288000014,
  ClaimDeliveriesBeforeSending1764288000031,
  AddWorkAndDueToDossierSummaries1764288000100,
  CreateDossierDueItems1764288000101,
  CreateSavedViews1764288000102,
  IndexDeliveriesByDossier1764288000103,
  AddSavedViewColumns1764288000121,
  IndexDossierCounts1764288000122,
  CreateDataBackfills1764288000123,
  CreateDossierReviewers1764288000130,
  OrderDossierListIndexesAsTheList1764288000150,
  NotifyDossierListChanges1764288000160,
];
