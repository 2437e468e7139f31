import {
  CalendarChangedSignal,
  CampaignCancelledSignal,
  dossierQueryNames,
  dossierSignalNames,
  DossierSnapshot,
  dossierUpdateNames,
  DossierUpdateRequest,
} from '@amiflow/contracts';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

export const dossierCommandUpdate = defineUpdate<DossierSnapshot, [DossierUpdateRequest]>(
  dossierUpdateNames.command,
);

export const dossierStateQuery = defineQuery<DossierSnapshot>(dossierQueryNames.state);

export const calendarChangedSignal = defineSignal<[CalendarChangedSignal]>(
  dossierSignalNames.calendarChanged,
);
export const submissionsClosedSignal = defineSignal(dossierSignalNames.submissionsClosed);
export const campaignCancelledSignal = defineSignal<[CampaignCancelledSignal]>(
  dossierSignalNames.campaignCancelled,
);
export const campaignClosedSignal = defineSignal(dossierSignalNames.campaignClosed);
