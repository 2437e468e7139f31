import { ReminderKind } from '../reminders/reminder-rule';
import { assertNever } from '../shared/assert-never';
import { Instant } from '../time/instant';
import { pendingDossierReminders } from './dossier.reminders';
import { Dossier, DossierStatus, FINAL_STATUSES, openClarification } from './dossier.state';

/**
 * Who the dossier waits on, the rule of the operators' tabs (issue 11, « qui doit agir »):
 * - `ORGANISATION` — a draft (only the organisation can submit it), or a clarification asked and
 *   not answered yet (docs/domain/README.md, the clarification loop);
 * - `OPERATOR` — a decision only an agent takes: an eligibility the directory could not settle
 *   (`NEEDS_REVIEW`), an eligible dossier not screened yet, a screening under way, a consultation
 *   whose outcome is not recorded once it has ended, a consulted dossier without follow-ups or
 *   closing, a follow-up overdue, a dossier whose follow-ups are all done but not closed;
 * - `NOBODY` — the next step comes by itself: the automatic eligibility check of a just-submitted
 *   dossier, a shortlisted dossier waiting for the consultations to be planned, a consultation or
 *   a follow-up still to come;
 * - `DONE` — a final state (`FINAL_STATUSES`) or an ineligibility decided (kept until someone
 *   overrides it).
 */
export type WaitingOn = 'OPERATOR' | 'ORGANISATION' | 'NOBODY' | 'DONE';

export interface DossierWork {
  readonly waitingOn: WaitingOn;
  /**
   * UTC instant from which the dossier waits on that party. In the future for work that time
   * brings (a consultation that has not ended, a follow-up not due): until then the dossier waits
   * on nobody.
   */
  readonly since: Instant;
}

/** The operators' tabs; `all` is every dossier, whatever the others say. */
export const DOSSIER_TABS = ['to-process', 'awaiting-organisation', 'processed', 'all'] as const;
export type DossierTab = (typeof DOSSIER_TABS)[number];

/** Who must act on the dossier next, and since when (see `WaitingOn` for the rules). */
export function dossierWork(dossier: Dossier): DossierWork {
  const status = dossier.status;
  if (FINAL_STATUSES.includes(status) || status === 'INELIGIBLE') {
    const clarification = status === 'INELIGIBLE' ? openClarification(dossier) : undefined;
    return clarification
      ? { waitingOn: 'ORGANISATION', since: clarification.requestedAt }
      : { waitingOn: 'DONE', since: dossier.lastChangedAt };
  }
  const clarification = openClarification(dossier);
  if (clarification) return { waitingOn: 'ORGANISATION', since: clarification.requestedAt };
  return workByStatus(dossier, status);
}

function workByStatus(dossier: Dossier, status: DossierStatus): DossierWork {
  const now = dossier.lastChangedAt;
  switch (status) {
    case 'DRAFT':
      return { waitingOn: 'ORGANISATION', since: dossier.createdAt };
    case 'SUBMITTED':
    case 'SHORTLISTED':
      return { waitingOn: 'NOBODY', since: now };
    case 'NEEDS_REVIEW':
    case 'ELIGIBLE':
    case 'UNDER_SCREENING':
    case 'CONSULTED':
      return { waitingOn: 'OPERATOR', since: now };
    case 'CONSULTATION_SCHEDULED':
      // Its outcome is the operator's to record once the consultation has ended.
      return dossier.consultation
        ? { waitingOn: 'OPERATOR', since: laterOf(now, dossier.consultation.endsAt) }
        : { waitingOn: 'OPERATOR', since: now };
    case 'FOLLOW_UP': {
      const open = dossier.followUps
        .filter((followUp) => followUp.completedAt === undefined)
        .map((followUp) => followUp.dueAt)
        .sort();
      // With every follow-up done, closing the dossier is the operator's; else the first overdue.
      return { waitingOn: 'OPERATOR', since: open.length === 0 ? now : laterOf(now, open[0]) };
    }
    case 'INELIGIBLE':
    case 'NOT_RETAINED':
    case 'CLOSED':
    case 'WITHDRAWN':
    case 'EXPIRED':
    case 'CANCELLED':
      return { waitingOn: 'DONE', since: now };
    default:
      return assertNever(status);
  }
}

function laterOf(a: Instant, b: Instant): Instant {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/**
 * The tab a dossier is in at `now`: work that time brings counts as the operator's only once its
 * instant has come. `undefined` when it waits on nobody (it is then only under `all`).
 */
export function dossierTab(work: DossierWork, now: Date): Exclude<DossierTab, 'all'> | undefined {
  switch (work.waitingOn) {
    case 'OPERATOR':
      return Date.parse(work.since) <= now.getTime() ? 'to-process' : undefined;
    case 'ORGANISATION':
      return 'awaiting-organisation';
    case 'DONE':
      return 'processed';
    case 'NOBODY':
      return undefined;
    default:
      return assertNever(work.waitingOn);
  }
}

/** What can fall due on a dossier (issue 11, the deadline view). */
export const DUE_KINDS = [
  'DEADLINE',
  'CLARIFICATION',
  'CONSULTATION',
  'FOLLOW_UP',
  'REMINDER',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

export interface DueItem {
  readonly kind: DueKind;
  /** UTC instant it falls due. */
  readonly dueAt: Instant;
  /** What it is, in French, for operators (« Date limite de dépôt »…). */
  readonly label: string;
}

const REMINDER_LABELS: Partial<Record<ReminderKind, string>> = {
  DEADLINE_REMINDER: 'Relance avant la date limite de dépôt',
  CLARIFICATION_REMINDER: 'Relance de la demande de précisions',
  CONSULTATION_REMINDER: 'Rappel de la consultation individuelle',
  FOLLOW_UP_REMINDER: 'Rappel de la suite à donner',
};

/**
 * Everything still to fall due on the dossier, earliest first (ties by kind, then label): the
 * submission deadline of a draft (docs/domain/README.md: a draft expires at it), the due date of an open
 * clarification, the start of a scheduled consultation, the due date of each open follow-up, and
 * each reminder the campaign still owes it (`pendingDossierReminders`, the workflow's own rule).
 * A clarification open on a final dossier concerns no one, as for its reminders.
 */
export function dueItems(dossier: Dossier): DueItem[] {
  const items: DueItem[] = [];
  if (dossier.status === 'DRAFT') {
    items.push({
      kind: 'DEADLINE',
      dueAt: dossier.terms.submissionDeadline,
      label: 'Date limite de dépôt',
    });
  }
  const clarification = FINAL_STATUSES.includes(dossier.status)
    ? undefined
    : openClarification(dossier);
  if (clarification) {
    items.push({
      kind: 'CLARIFICATION',
      dueAt: clarification.dueAt,
      label: 'Réponse à la demande de précisions',
    });
  }
  if (dossier.status === 'CONSULTATION_SCHEDULED') {
    items.push({
      kind: 'CONSULTATION',
      dueAt: dossier.consultation.startsAt,
      label: 'Consultation individuelle',
    });
  }
  if (dossier.status === 'FOLLOW_UP') {
    for (const followUp of dossier.followUps) {
      if (followUp.completedAt !== undefined) continue;
      items.push({
        kind: 'FOLLOW_UP',
        dueAt: followUp.dueAt,
        label: `Suite à donner : ${followUp.title}`,
      });
    }
  }
  for (const reminder of pendingDossierReminders(dossier)) {
    items.push({
      kind: 'REMINDER',
      dueAt: reminder.dueAt,
      label: REMINDER_LABELS[reminder.kind] ?? 'Relance',
    });
  }
  return items.sort(
    (a, b) =>
      Date.parse(a.dueAt) - Date.parse(b.dueAt) ||
      DUE_KINDS.indexOf(a.kind) - DUE_KINDS.indexOf(b.kind) ||
      a.label.localeCompare(b.label),
  );
}

/** The first item to fall due, what the dossier list shows and sorts by. */
export function nextDue(dossier: Dossier): DueItem | undefined {
  return dueItems(dossier)[0];
}

/**
 * Late: its instant has passed and it is still due. Every item here leaves the list once dealt
 * with (the workflow expires the draft, lapses the clarification, issues the reminder; the
 * operator records the outcome, completes the follow-up), so one still listed after its instant
 * is late.
 */
export function isLate(dueAt: Instant, now: Date): boolean {
  return Date.parse(dueAt) < now.getTime();
}
