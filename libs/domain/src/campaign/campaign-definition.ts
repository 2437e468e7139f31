import { ConsultationSettings } from '../consultations/consultation-schedule';
import { EligibilityPolicy } from '../eligibility/eligibility';
import { EvaluationGrid } from './evaluation-grid';
import { QuestionnaireSection } from '../questionnaire/questionnaire';
import { ReminderRule } from '../reminders/reminder-rule';
import { Instant } from '../time/instant';

/**
 * The dates a campaign runs by, as UTC instants; shown in the campaign's zone. The meeting's dates
 * are here too because an administrator moves them the same way as the others.
 */
export interface CampaignCalendar {
  readonly opensAt: Instant;
  readonly meetingRegistrationDeadline?: Instant;
  readonly meetingStartsAt?: Instant;
  readonly meetingEndsAt?: Instant;
  /** Submissions are accepted strictly before this instant. */
  readonly submissionDeadline: Instant;
  readonly consultationsStartAt: Instant;
}

export type CalendarDate = keyof CampaignCalendar;

export const CALENDAR_DATES: readonly CalendarDate[] = [
  'opensAt',
  'meetingRegistrationDeadline',
  'meetingStartsAt',
  'meetingEndsAt',
  'submissionDeadline',
  'consultationsStartAt',
];

export interface InformationMeeting {
  readonly place: string;
  /** Seats; registrations beyond it go to a waiting list. */
  readonly capacity: number;
}

export interface SupportForm {
  readonly id: string;
  readonly label: string;
}

/** A whole campaign as data: another AMI is another record, never new code. */
export interface CampaignDefinition {
  readonly title: string;
  readonly organisers: readonly string[];
  /** IANA zone the calendar is defined and shown in. */
  readonly timeZone: string;
  readonly calendar: CampaignCalendar;
  /** Present when the campaign holds an information meeting; its dates are in the calendar. */
  readonly meeting?: InformationMeeting;
  readonly eligibility: EligibilityPolicy;
  readonly sections: readonly QuestionnaireSection[];
  readonly supportForms: readonly SupportForm[];
  readonly reminders: readonly ReminderRule[];
  /** How individual consultations are laid out, when the campaign holds them. */
  readonly consultations?: ConsultationSettings;
  /** The criteria reviewers score dossiers on; without one, the campaign offers no reviews. */
  readonly evaluationGrid?: EvaluationGrid;
}

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
