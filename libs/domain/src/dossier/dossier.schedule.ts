import { DueReminder } from '../reminders/reminder-rule';
import { earliestAfter } from '../time/earliest-after';
import { hasReached, Instant } from '../time/instant';
import { ExpireDraft, LapseClarification, StartDossierScreening } from './dossier.commands';
import { dossierReminderRelevance, pendingDossierReminders } from './dossier.reminders';
import { Dossier, DossierStatus, FINAL_STATUSES, openClarification } from './dossier.state';

// What falls due on a dossier as time passes, and when it next will: the policy the dossier's
// workflow follows on its own clock. The workflow keeps the mechanics (timers, activities, the
// order it acts in); these functions say what to do at an instant, from the state alone.

/** The commands the dossier's clock issues by itself. */
export type DossierClockCommand = ExpireDraft | StartDossierScreening | LapseClarification;

export type DossierDueWork =
  /** A submitted dossier waits for the directory's word on its eligibility: ask it now. */
  | { readonly kind: 'ELIGIBILITY_CHECK' }
  /** A date has come: the command that records it. */
  | { readonly kind: 'COMMAND'; readonly command: DossierClockCommand };

/** A reminder whose time has come, and who it goes to. */
export interface DueDossierReminder {
  readonly reminder: DueReminder;
  /**
   * What it reminds of has started or fallen due, or no longer applies (a worker away at its
   * time): the decider refuses it. Runs recorded before that rule issued such a reminder anyway,
   * unless it was a deadline's, which is why the workflow needs to know.
   */
  readonly lapsed: boolean;
  /** An organisation, or a follow-up's owner. */
  readonly recipient: string;
}

/**
 * What falls due on the dossier at `now`, besides its reminders, in the order the workflow does
 * it: the eligibility check of a submitted dossier; at the deadline, to the millisecond, a
 * draft's expiry or an eligible dossier's screening; at its due date, an unanswered
 * clarification's lapse. Several may be due at once (a clarification lapses whatever the state).
 */
export function dossierWorkDue(dossier: Dossier, now: Date): DossierDueWork[] {
  const due: DossierDueWork[] = [];
  const deadlinePassed = hasReached(now, dossier.terms.submissionDeadline);
  if (dossier.status === 'SUBMITTED') due.push({ kind: 'ELIGIBILITY_CHECK' });
  if (dossier.status === 'DRAFT' && deadlinePassed) {
    due.push({ kind: 'COMMAND', command: { type: 'ExpireDraft' } });
  }
  if (dossier.status === 'ELIGIBLE' && deadlinePassed) {
    due.push({ kind: 'COMMAND', command: { type: 'StartDossierScreening' } });
  }
  const clarification = openClarification(dossier);
  if (clarification && hasReached(now, clarification.dueAt)) {
    const { clarificationId } = clarification;
    due.push({ kind: 'COMMAND', command: { type: 'LapseClarification', clarificationId } });
  }
  return due;
}

/**
 * The reminders owed whose time has come at `now` (to the millisecond), earliest first, each with
 * its recipient and whether it has lapsed. `owed` is the dossier's pending reminders unless the
 * caller owes fewer (a workflow on an older version of the rules).
 */
export function dossierRemindersDue(
  dossier: Dossier,
  now: Date,
  owed: readonly DueReminder[] = pendingDossierReminders(dossier),
): DueDossierReminder[] {
  return owed
    .filter((reminder) => hasReached(now, reminder.dueAt))
    .map((reminder) => ({
      reminder,
      lapsed: dossierReminderRelevance(dossier, reminder, now).concerned === false,
      recipient: reminderRecipient(dossier, reminder),
    }));
}

/**
 * The next instant after `now` at which something falls due on the dossier by itself — a reminder
 * owed, the deadline of a draft or of an eligible dossier, an open clarification's due date — or
 * none: then only a command or the campaign's news moves it on. What is due at `now` is not
 * "next": the caller does it before sleeping.
 */
export function nextDossierWakeUp(
  dossier: Dossier,
  now: Date,
  owed: readonly DueReminder[] = pendingDossierReminders(dossier),
): Instant | undefined {
  const instants: Instant[] = owed.map((reminder) => reminder.dueAt);
  if (WAITING_FOR_DEADLINE.includes(dossier.status)) {
    instants.push(dossier.terms.submissionDeadline);
  }
  const clarification = openClarification(dossier);
  if (clarification) instants.push(clarification.dueAt);
  return earliestAfter(instants, now);
}

/**
 * Whether nothing can fall due on the dossier any more: it reached a final state, or its campaign
 * closed before it was shortlisted (nothing left to wait for).
 */
export function dossierLifecycleEnded(dossier: Dossier, campaignClosed: boolean): boolean {
  return (
    FINAL_STATUSES.includes(dossier.status) ||
    (campaignClosed && ENDED_BY_CAMPAIGN_CLOSURE.includes(dossier.status))
  );
}

/** A follow-up reminder goes to the action's owner; every other one to the organisation. */
function reminderRecipient(dossier: Dossier, reminder: DueReminder): string {
  if (reminder.kind !== 'FOLLOW_UP_REMINDER') return dossier.organisationId;
  const followUp = dossier.followUps.find((f) => f.followUpId === reminder.occurrence);
  return followUp?.owner ?? dossier.organisationId;
}

/** A draft expires at the deadline; an eligible dossier's screening starts then. */
const WAITING_FOR_DEADLINE: readonly DossierStatus[] = ['DRAFT', 'ELIGIBLE'];

/** Before shortlisting, a dossier has nothing left to wait for once its campaign is closed. */
const ENDED_BY_CAMPAIGN_CLOSURE: readonly DossierStatus[] = [
  'SUBMITTED',
  'NEEDS_REVIEW',
  'ELIGIBLE',
  'INELIGIBLE',
  'UNDER_SCREENING',
];
