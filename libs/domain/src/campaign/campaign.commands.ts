import { EvaluationGrid } from './evaluation-grid';
import { Actor } from '../shared/actor';
import { CampaignCalendar, CampaignDefinition } from './campaign-definition';

export interface CreateCampaign {
  readonly type: 'CreateCampaign';
  readonly campaignId: string;
  readonly definition: CampaignDefinition;
  readonly actor: Actor;
}

/** Makes the campaign public; it opens by itself at its opening date. */
export interface PublishCampaign {
  readonly type: 'PublishCampaign';
  readonly actor: Actor;
}

/** Phase changes the workflow issues at the campaign's instants. */
export interface OpenCampaign {
  readonly type: 'OpenCampaign';
}
export interface CloseSubmissions {
  readonly type: 'CloseSubmissions';
}
export interface StartScreening {
  readonly type: 'StartScreening';
}
export interface StartConsultations {
  readonly type: 'StartConsultations';
}

export interface CloseCampaign {
  readonly type: 'CloseCampaign';
  readonly actor: Actor;
}

export interface CancelCampaign {
  readonly type: 'CancelCampaign';
  readonly reason: string;
  readonly actor: Actor;
}

/** Moves dates that have not come yet; the others stay as they were. */
export interface ChangeCampaignCalendar {
  readonly type: 'ChangeCampaignCalendar';
  readonly changes: Partial<CampaignCalendar>;
  readonly reason: string;
  readonly actor: Actor;
}

/**
 * Sets the evaluation grid (null: none, the dossiers are not reviewed) before the campaign opens:
 * each dossier keeps the copy it receives at its creation.
 */
export interface ChangeEvaluationGrid {
  readonly type: 'ChangeEvaluationGrid';
  readonly evaluationGrid: EvaluationGrid | null;
  readonly actor: Actor;
}

export interface RegisterForMeeting {
  readonly type: 'RegisterForMeeting';
  readonly organisationId: string;
  readonly organisationName: string;
}

export interface CancelMeetingRegistration {
  readonly type: 'CancelMeetingRegistration';
  readonly organisationId: string;
}

/** Records that a campaign-wide reminder goes out now; refused early, ignored when sent. */
export interface IssueCampaignReminder {
  readonly type: 'IssueCampaignReminder';
  readonly ruleId: string;
  readonly occurrence: string;
}

export type CampaignCommand =
  | CreateCampaign
  | PublishCampaign
  | OpenCampaign
  | CloseSubmissions
  | StartScreening
  | StartConsultations
  | CloseCampaign
  | CancelCampaign
  | ChangeCampaignCalendar
  | ChangeEvaluationGrid
  | RegisterForMeeting
  | CancelMeetingRegistration
  | IssueCampaignReminder;
