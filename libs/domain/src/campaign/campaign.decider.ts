import { DomainErrorCode } from '../errors/domain-error-code';
import { refuse } from '../errors/domain-error';
import { refusals } from '../errors/refusals';
import { reminderKey } from '../reminders/reminder-rule';
import { assertNever } from '../shared/assert-never';
import { deInfinitive } from '../shared/french';
import { canonicalInstant, hasReached, instant, isInstant } from '../time/instant';
import { formatWithZone } from '../time/display';
import {
  CALENDAR_DATES,
  CalendarDate,
  CampaignCalendar,
  CampaignDefinition,
} from './campaign-definition';
import {
  capitalise,
  DATE_LABELS,
  validateCalendar,
  validateCampaignDefinition,
} from './campaign-definition.validation';
import {
  CampaignCommand,
  CancelMeetingRegistration,
  ChangeCampaignCalendar,
  IssueCampaignReminder,
  RegisterForMeeting,
} from './campaign.commands';
import { CampaignEvent } from './campaign.events';
import { meetingMoved, meetingMovesOf } from './campaign.meeting';
import { dueOccurrence } from './campaign.reminders';
import {
  Campaign,
  CampaignPhase,
  CampaignState,
  isCampaign,
  isFinished,
  MeetingRegistration,
} from './campaign.state';

export function decideCampaign(
  command: CampaignCommand,
  state: CampaignState,
  now: Date,
): CampaignEvent[] {
  const at = instant(now);
  if (command.type === 'CreateCampaign') {
    if (isCampaign(state)) throw refusals.campaignAlreadyExists(command.campaignId);
    assertValidDefinition(command.definition);
    return [
      {
        type: 'CampaignCreated',
        data: {
          campaignId: command.campaignId,
          definition: command.definition,
          createdAt: at,
          createdBy: command.actor,
        },
      },
    ];
  }
  if (!isCampaign(state)) throw refusals.campaignNotFound();
  const { calendar } = state;

  switch (command.type) {
    case 'PublishCampaign':
      requirePhase(state, ['DRAFT'], 'publier');
      if (hasReached(now, calendar.submissionDeadline)) {
        refuse(
          DomainErrorCode.CALENDAR_DATE_PASSED,
          'La date limite de dépôt est déjà passée : modifiez le calendrier avant de publier.',
        );
      }
      return [{ type: 'CampaignPublished', data: { publishedAt: at, by: command.actor } }];
    case 'OpenCampaign':
      requirePhase(state, ['SCHEDULED'], 'ouvrir');
      requireReached(now, calendar.opensAt, state, 'opensAt');
      return [{ type: 'CampaignOpened', data: { openedAt: at } }];
    case 'CloseSubmissions':
      requirePhase(state, ['OPEN'], 'clore les dépôts de');
      requireReached(now, calendar.submissionDeadline, state, 'submissionDeadline');
      return [{ type: 'CampaignSubmissionsClosed', data: { closedAt: at } }];
    case 'StartScreening':
      requirePhase(state, ['SUBMISSIONS_CLOSED'], "commencer l'examen de");
      return [{ type: 'CampaignScreeningStarted', data: { startedAt: at } }];
    case 'StartConsultations':
      requirePhase(state, ['SCREENING'], 'commencer les consultations de');
      requireReached(now, calendar.consultationsStartAt, state, 'consultationsStartAt');
      return [{ type: 'CampaignConsultationsStarted', data: { startedAt: at } }];
    case 'CloseCampaign':
      requirePhase(state, ['CONSULTATIONS'], 'clore');
      return [{ type: 'CampaignClosed', data: { closedAt: at, by: command.actor } }];
    case 'CancelCampaign': {
      if (isFinished(state.phase)) notAllowed(state, 'annuler');
      const reason = command.reason.trim();
      if (reason === '') {
        refuse(DomainErrorCode.INVALID_COMMAND, "L'annulation d'une campagne doit être motivée.");
      }
      return [{ type: 'CampaignCancelled', data: { cancelledAt: at, reason, by: command.actor } }];
    }
    case 'ChangeCampaignCalendar':
      return decideCalendarChange(command, state, now);
    case 'RegisterForMeeting':
      return decideRegistration(command, state, now);
    case 'CancelMeetingRegistration':
      return decideRegistrationCancellation(command, state, now);
    case 'IssueCampaignReminder':
      return decideReminder(command, state, now);
    default:
      return assertNever(command);
  }
}

function decideCalendarChange(
  command: ChangeCampaignCalendar,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  if (isFinished(state.phase)) notAllowed(state, 'modifier le calendrier de');
  const reason = command.reason.trim();
  if (reason === '') {
    refuse(DomainErrorCode.INVALID_COMMAND, 'Un changement de calendrier doit être motivé.');
  }
  const previous = state.calendar;
  // Compared as instants: `…:00Z` and `…:00.000Z` are the same date, not a move.
  const moved = CALENDAR_DATES.filter((date) => {
    const change = command.changes[date];
    return change !== undefined && !sameInstant(change, previous[date]);
  });
  if (moved.length === 0) return [];
  for (const date of moved) {
    const current = previous[date];
    // A draft's calendar is still being written: any date may move. Once published, the past stays.
    if (state.phase !== 'DRAFT' && current !== undefined && hasReached(now, current)) {
      refuse(
        DomainErrorCode.CALENDAR_DATE_PASSED,
        `${capitalise(DATE_LABELS[date])} est déjà ${agreed(date, 'passé')} : cette date ne peut plus être modifiée.`,
        { date },
      );
    }
  }
  const calendar: CampaignCalendar = {
    ...previous,
    ...Object.fromEntries(
      moved.map((date) => [date, canonicalInstant(command.changes[date] as string)]),
    ),
  };
  for (const date of moved) {
    if (state.phase !== 'DRAFT' && hasReached(now, calendar[date] as string)) {
      refuse(
        DomainErrorCode.CALENDAR_DATE_PASSED,
        `${capitalise(DATE_LABELS[date])} ne peut pas être ${agreed(date, 'placé')} dans le passé.`,
        { date },
      );
    }
  }
  const problems = validateCalendar(calendar, state.definition.meeting !== undefined);
  if (problems.length > 0) throw refusals.invalidCampaignDefinition(problems);
  return [
    {
      type: 'CampaignCalendarChanged',
      data: { previous, calendar, changedAt: instant(now), reason, by: command.actor },
    },
  ];
}

function decideRegistration(
  command: RegisterForMeeting,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  const deadline = requireMeeting(state);
  requirePhase(state, ['SCHEDULED', 'OPEN'], "s'inscrire à la réunion de");
  if (hasReached(now, deadline)) {
    refuse(
      DomainErrorCode.MEETING_REGISTRATION_CLOSED,
      `Les inscriptions à la réunion d'information sont closes depuis le ${shown(state, deadline)}.`,
    );
  }
  const organisationName = command.organisationName.trim();
  if (organisationName === '') {
    refuse(DomainErrorCode.INVALID_COMMAND, "Le nom de l'organisation ne peut pas être vide.");
  }
  if (state.registrations.some((r) => r.organisationId === command.organisationId)) {
    refuse(
      DomainErrorCode.MEETING_ALREADY_REGISTERED,
      "Cette organisation est déjà inscrite à la réunion d'information.",
    );
  }
  const confirmed = state.registrations.filter((r) => r.status === 'CONFIRMED').length;
  const capacity = state.definition.meeting?.capacity ?? 0;
  return [
    {
      type: 'MeetingRegistrationRecorded',
      data: {
        organisationId: command.organisationId,
        organisationName,
        status: confirmed < capacity ? 'CONFIRMED' : 'WAITLISTED',
        registeredAt: instant(now),
      },
    },
  ];
}

function decideRegistrationCancellation(
  command: CancelMeetingRegistration,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  requireMeeting(state);
  requirePhase(state, ['SCHEDULED', 'OPEN'], 'annuler une inscription à la réunion de');
  const registration = state.registrations.find((r) => r.organisationId === command.organisationId);
  if (!registration) {
    refuse(
      DomainErrorCode.MEETING_REGISTRATION_NOT_FOUND,
      "Cette organisation n'est pas inscrite à la réunion d'information.",
    );
  }
  const startsAt = state.calendar.meetingStartsAt as string;
  if (hasReached(now, startsAt)) {
    refuse(
      DomainErrorCode.MEETING_REGISTRATION_CLOSED,
      "La réunion d'information a commencé : l'inscription ne peut plus être annulée.",
    );
  }
  const at = instant(now);
  const events: CampaignEvent[] = [
    {
      type: 'MeetingRegistrationCancelled',
      data: { organisationId: command.organisationId, cancelledAt: at },
    },
  ];
  const firstWaiting = state.registrations.find((r) => r.status === 'WAITLISTED');
  if (registration.status === 'CONFIRMED' && firstWaiting) {
    events.push({
      type: 'MeetingRegistrationPromoted',
      data: { organisationId: firstWaiting.organisationId, promotedAt: at },
    });
  }
  return events;
}

function decideReminder(
  command: IssueCampaignReminder,
  state: Campaign,
  now: Date,
): CampaignEvent[] {
  const rule = state.definition.reminders.find((candidate) => candidate.id === command.ruleId);
  if (!rule) refuse(DomainErrorCode.UNKNOWN_REMINDER, `Relance inconnue : ${command.ruleId}.`);
  // Issuing twice is what a retried step does: the second time records nothing.
  if (state.issuedReminders.includes(reminderKey(command))) return [];
  const due = dueOccurrence(state, rule, now);
  if (!due || due.occurrence !== command.occurrence) {
    refuse(
      DomainErrorCode.REMINDER_NOT_APPLICABLE,
      `La relance ${rule.id} (${command.occurrence}) ne concerne plus personne.`,
    );
  }
  if (!hasReached(now, due.dueAt)) {
    refuse(
      DomainErrorCode.REMINDER_NOT_DUE,
      `La relance ${rule.id} ne part pas avant le ${shown(state, due.dueAt)}.`,
    );
  }
  return [{ type: 'CampaignReminderIssued', data: { ...due, issuedAt: instant(now) } }];
}

export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  if (event.type === 'CampaignCreated') {
    const { campaignId, definition, createdAt } = event.data;
    return {
      phase: 'DRAFT',
      campaignId,
      definition,
      calendar: definition.calendar,
      createdAt,
      phaseChangedAt: createdAt,
      registrations: [],
      issuedReminders: [],
    };
  }
  if (!isCampaign(state)) return state;
  const enter = (phase: CampaignPhase, at: string): Campaign => ({
    ...state,
    phase,
    phaseChangedAt: at,
  });
  switch (event.type) {
    case 'CampaignPublished':
      return enter('SCHEDULED', event.data.publishedAt);
    case 'CampaignOpened':
      return enter('OPEN', event.data.openedAt);
    case 'CampaignSubmissionsClosed':
      return enter('SUBMISSIONS_CLOSED', event.data.closedAt);
    case 'CampaignScreeningStarted':
      return enter('SCREENING', event.data.startedAt);
    case 'CampaignConsultationsStarted':
      return enter('CONSULTATIONS', event.data.startedAt);
    case 'CampaignClosed':
      return enter('CLOSED', event.data.closedAt);
    case 'CampaignCancelled':
      return {
        ...enter('CANCELLED', event.data.cancelledAt),
        cancellationReason: event.data.reason,
      };
    case 'CampaignCalendarChanged': {
      const { previous, calendar } = event.data;
      if (!meetingMoved(previous, calendar)) return { ...state, calendar };
      return { ...state, calendar, meetingMoves: meetingMovesOf(state) + 1 };
    }
    case 'MeetingRegistrationRecorded': {
      const { organisationId, organisationName, status, registeredAt } = event.data;
      return withRegistrations(state, [
        ...state.registrations,
        { organisationId, organisationName, status, registeredAt },
      ]);
    }
    case 'MeetingRegistrationCancelled':
      return withRegistrations(
        state,
        state.registrations.filter((r) => r.organisationId !== event.data.organisationId),
      );
    case 'MeetingRegistrationPromoted':
      return withRegistrations(
        state,
        state.registrations.map((r) =>
          r.organisationId === event.data.organisationId ? { ...r, status: 'CONFIRMED' } : r,
        ),
      );
    case 'CampaignReminderIssued':
      return { ...state, issuedReminders: [...state.issuedReminders, reminderKey(event.data)] };
    default:
      return assertNever(event);
  }
}

/** Confirmed first, then the waiting list, each in order of arrival. */
function withRegistrations(state: Campaign, registrations: MeetingRegistration[]): Campaign {
  const confirmed = registrations.filter((r) => r.status === 'CONFIRMED');
  const waiting = registrations.filter((r) => r.status === 'WAITLISTED');
  return { ...state, registrations: [...confirmed, ...waiting] };
}

function assertValidDefinition(definition: CampaignDefinition): void {
  const problems = validateCampaignDefinition(definition);
  if (problems.length > 0) throw refusals.invalidCampaignDefinition(problems);
}

function requireMeeting(state: Campaign): string {
  const deadline = state.calendar.meetingRegistrationDeadline;
  if (!state.definition.meeting || !deadline) throw refusals.noInformationMeeting();
  return deadline;
}

function requirePhase(state: Campaign, phases: readonly CampaignPhase[], action: string): void {
  if (!phases.includes(state.phase)) notAllowed(state, action);
}

function notAllowed(state: Campaign, action: string): never {
  refuse(
    DomainErrorCode.TRANSITION_NOT_ALLOWED,
    `Impossible ${deInfinitive(action)} la campagne : elle est ${PHASE_LABELS[state.phase]}.`,
    { phase: state.phase },
  );
}

function requireReached(
  now: Date,
  moment: string,
  state: Campaign,
  date: keyof CampaignCalendar,
): void {
  if (!hasReached(now, moment)) {
    refuse(
      DomainErrorCode.TOO_EARLY,
      `${capitalise(DATE_LABELS[date])} est ${agreed(date, 'fixé')} au ${shown(state, moment)}.`,
      { date, at: moment },
    );
  }
}

function shown(state: Campaign, moment: string): string {
  return formatWithZone(moment, state.definition.timeZone);
}

function sameInstant(change: string, current: string | undefined): boolean {
  return current !== undefined && isInstant(change) && Date.parse(change) === Date.parse(current);
}

/** Dates whose French label is masculine (« le début… »), for the agreement of participles. */
const MASCULINE_DATES: ReadonlySet<CalendarDate> = new Set([
  'meetingStartsAt',
  'consultationsStartAt',
]);

function agreed(date: CalendarDate, participle: string): string {
  return MASCULINE_DATES.has(date) ? participle : `${participle}e`;
}

const PHASE_LABELS: Readonly<Record<CampaignPhase, string>> = {
  DRAFT: 'en préparation',
  SCHEDULED: 'publiée mais pas encore ouverte',
  OPEN: 'ouverte',
  SUBMISSIONS_CLOSED: 'close aux dépôts',
  SCREENING: "en cours d'examen",
  CONSULTATIONS: 'en phase de consultations',
  CLOSED: 'clôturée',
  CANCELLED: 'annulée',
};
