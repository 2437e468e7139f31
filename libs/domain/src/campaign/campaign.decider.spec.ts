import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainError } from '../errors/domain-error';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { ReminderRule } from '../reminders/reminder-rule';
import { Actor } from '../shared/actor';
import { toLocalDateTime } from '../time/zoned-time';
import { CampaignCalendar, CampaignDefinition } from './campaign-definition';
import { CampaignCommand, ChangeCampaignCalendar } from './campaign.commands';
import { decideCampaign, evolveCampaign } from './campaign.decider';
import { CampaignEvent } from './campaign.events';
import { campaignReminderRelevance, pendingCampaignReminders } from './campaign.reminders';
import {
  Campaign,
  CAMPAIGN_PHASES,
  CampaignPhase,
  CampaignState,
  initialCampaignState,
  isCampaign,
} from './campaign.state';

// The 2019 health data & AI AMI, in UTC: opens 8 Oct 22:00 (9 Oct 00:00 Paris, summer time),
// meeting 29 Oct 12:45-15:00 (13:45-16:00 Paris, winter time), registrations until the meeting
// starts, deadline 14 Nov 23:00 (15 Nov 00:00 Paris), consultations 30 Nov 23:00 (1 Dec Paris).
const { campaignId, definition } = referenceCampaign;
const { calendar } = definition;
const PARIS = 'Europe/Paris';

const admin: Actor = { id: 'admin-dns', role: 'admin' };

const CREATED_AT = '2019-10-01T08:00:00.000Z';
const PUBLISHED_AT = '2019-10-02T08:00:00.000Z';
const SCREENING_AT = '2019-11-18T08:00:00.000Z';
const CLOSED_AT = '2019-12-20T16:00:00.000Z';
/** The information meeting: 13:45-16:00 in Paris; registrations close as it starts. */
const MEETING_STARTS_AT = '2019-10-29T12:45:00.000Z';
const MEETING_ENDS_AT = '2019-10-29T15:00:00.000Z';
/** A Sunday in October, campaign open, meeting to come: 10:00 in Paris. */
const DURING_OPENING = '2019-10-20T08:00:00.000Z';

// ---- given: histories ----------------------------------------------------------------------

function createdEvent(campaign: CampaignDefinition = definition): CampaignEvent {
  return {
    type: 'CampaignCreated',
    data: { campaignId, definition: campaign, createdAt: CREATED_AT, createdBy: admin },
  };
}
const published: CampaignEvent = {
  type: 'CampaignPublished',
  data: { publishedAt: PUBLISHED_AT, by: admin },
};
const opened: CampaignEvent = { type: 'CampaignOpened', data: { openedAt: calendar.opensAt } };
const submissionsClosed: CampaignEvent = {
  type: 'CampaignSubmissionsClosed',
  data: { closedAt: calendar.submissionDeadline },
};
const screeningStarted: CampaignEvent = {
  type: 'CampaignScreeningStarted',
  data: { startedAt: SCREENING_AT },
};
const consultationsStarted: CampaignEvent = {
  type: 'CampaignConsultationsStarted',
  data: { startedAt: calendar.consultationsStartAt },
};
const closed: CampaignEvent = { type: 'CampaignClosed', data: { closedAt: CLOSED_AT, by: admin } };
const cancelled: CampaignEvent = {
  type: 'CampaignCancelled',
  data: { cancelledAt: DURING_OPENING, reason: 'Crédits annulés', by: admin },
};

function given(...events: CampaignEvent[]): CampaignState {
  return fold(initialCampaignState, events);
}

function fold(state: CampaignState, events: CampaignEvent[]): CampaignState {
  return events.reduce(evolveCampaign, state);
}

/** A campaign that has gone through the normal course up to `phase` (cancelled once open). */
function campaignIn(phase: CampaignPhase, campaign: CampaignDefinition = definition): Campaign {
  const course = [
    createdEvent(campaign),
    published,
    opened,
    submissionsClosed,
    screeningStarted,
    consultationsStarted,
    closed,
  ];
  const history =
    phase === 'CANCELLED'
      ? [...course.slice(0, 3), cancelled]
      : course.slice(0, CAMPAIGN_PHASES.indexOf(phase) + 1);
  return asCampaign(given(...history));
}

function asCampaign(state: CampaignState): Campaign {
  if (!isCampaign(state)) throw new Error('expected a campaign');
  return state;
}

function phasesExcept(...allowed: CampaignPhase[]): CampaignPhase[] {
  return CAMPAIGN_PHASES.filter((phase) => !allowed.includes(phase));
}

// ---- when ----------------------------------------------------------------------------------

function when(command: CampaignCommand, state: CampaignState, now: string): CampaignEvent[] {
  return decideCampaign(command, state, new Date(now));
}

/** Decides and folds, for the steps a scenario goes through before the one it is about. */
function after(state: CampaignState, command: CampaignCommand, now: string): Campaign {
  return asCampaign(fold(state, when(command, state, now)));
}

function secondsBefore(moment: string, seconds = 1): string {
  return new Date(Date.parse(moment) - seconds * 1000).toISOString();
}

function refusal(attempt: () => unknown): DomainError | undefined {
  try {
    attempt();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

function refusalCode(attempt: () => unknown): DomainErrorCode | undefined {
  return refusal(attempt)?.code;
}

const publish: CampaignCommand = { type: 'PublishCampaign', actor: admin };
const open: CampaignCommand = { type: 'OpenCampaign' };
const closeSubmissions: CampaignCommand = { type: 'CloseSubmissions' };
const startScreening: CampaignCommand = { type: 'StartScreening' };
const startConsultations: CampaignCommand = { type: 'StartConsultations' };
const close: CampaignCommand = { type: 'CloseCampaign', actor: admin };
const cancel = (reason = 'Crédits annulés'): CampaignCommand => ({
  type: 'CancelCampaign',
  reason,
  actor: admin,
});
const changeCalendar = (
  changes: Partial<CampaignCalendar>,
  reason = 'Salle indisponible',
): ChangeCampaignCalendar => ({ type: 'ChangeCampaignCalendar', changes, reason, actor: admin });
const register = (organisationId: string, organisationName = `CNP ${organisationId}`) =>
  ({ type: 'RegisterForMeeting', organisationId, organisationName }) as const;
const cancelRegistration = (organisationId: string) =>
  ({ type: 'CancelMeetingRegistration', organisationId }) as const;
const issue = (ruleId: string, occurrence: string) =>
  ({ type: 'IssueCampaignReminder', ruleId, occurrence }) as const;

function rule(id: string): ReminderRule {
  const found = definition.reminders.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
}

/** The reference campaign without information meeting (nor its dates, nor its reminder). */
const withoutMeeting: CampaignDefinition = {
  ...definition,
  meeting: undefined,
  calendar: {
    opensAt: calendar.opensAt,
    submissionDeadline: calendar.submissionDeadline,
    consultationsStartAt: calendar.consultationsStartAt,
  },
  reminders: definition.reminders.filter((candidate) => candidate.kind !== 'MEETING_REMINDER'),
};

/** The reference campaign in a small room: two seats. */
const smallRoom: CampaignDefinition = {
  ...definition,
  meeting: { place: '20, avenue de Ségur, 75007 Paris', capacity: 2 },
};

// ---- then ----------------------------------------------------------------------------------

describe('campaign decider: the scenarios', () => {
  it('run by the reference calendar, whose registrations close as the meeting starts', () => {
    expect(calendar).toMatchObject({
      meetingRegistrationDeadline: MEETING_STARTS_AT,
      meetingStartsAt: MEETING_STARTS_AT,
      meetingEndsAt: MEETING_ENDS_AT,
    });
  });
});

describe('campaign decider: any command but creation', () => {
  it.each<CampaignCommand>([
    publish,
    open,
    closeSubmissions,
    startScreening,
    startConsultations,
    close,
    cancel(),
    changeCalendar({ submissionDeadline: '2019-11-21T23:00:00.000Z' }),
    register('cnp-radiologie'),
    cancelRegistration('cnp-radiologie'),
    issue('invitation-ouverture', 'opening'),
  ])('is refused for a campaign that does not exist ($type)', (command) => {
    expect(refusalCode(() => when(command, initialCampaignState, DURING_OPENING))).toBe(
      DomainErrorCode.CAMPAIGN_NOT_FOUND,
    );
  });
});

describe('campaign decider: CreateCampaign', () => {
  const create = (campaign: CampaignDefinition = definition): CampaignCommand => ({
    type: 'CreateCampaign',
    campaignId,
    definition: campaign,
    actor: admin,
  });

  it('records the campaign with its definition, the instant and who created it', () => {
    expect(when(create(), initialCampaignState, CREATED_AT)).toEqual([
      {
        type: 'CampaignCreated',
        data: { campaignId, definition, createdAt: CREATED_AT, createdBy: admin },
      },
    ]);
  });

  it('folds into a draft running by the definition calendar, with no registration nor reminder', () => {
    const events = when(create(), initialCampaignState, CREATED_AT);
    expect(fold(initialCampaignState, events)).toEqual({
      phase: 'DRAFT',
      campaignId,
      definition,
      calendar,
      createdAt: CREATED_AT,
      phaseChangedAt: CREATED_AT,
      registrations: [],
      issuedReminders: [],
    });
  });

  it('accepts a campaign without information meeting', () => {
    expect(when(create(withoutMeeting), initialCampaignState, CREATED_AT)).toHaveLength(1);
  });

  it('refuses to create a campaign that already exists, whatever its phase', () => {
    expect(refusalCode(() => when(create(), campaignIn('DRAFT'), CREATED_AT))).toBe(
      DomainErrorCode.CAMPAIGN_ALREADY_EXISTS,
    );
    expect(refusalCode(() => when(create(), campaignIn('CANCELLED'), CREATED_AT))).toBe(
      DomainErrorCode.CAMPAIGN_ALREADY_EXISTS,
    );
  });

  it('refuses a calendar out of order, naming each date that does not follow its predecessor', () => {
    const deadlineBeforeOpening = {
      ...definition,
      calendar: { ...calendar, submissionDeadline: '2019-10-01T22:00:00.000Z' },
    };
    const error = refusal(() =>
      when(create(deadlineBeforeOpening), initialCampaignState, CREATED_AT),
    );
    expect(error?.code).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
    expect(error?.details?.problems).toEqual([
      {
        path: 'calendar.submissionDeadline',
        message: "La date limite de dépôt doit suivre l'ouverture.",
      },
      {
        path: 'calendar.submissionDeadline',
        message: 'La date limite de dépôt doit suivre le début de la réunion.',
      },
    ]);
    expect(error?.message).toContain('Définition de campagne invalide');
  });

  it('refuses an unknown time zone', () => {
    const onMars = { ...definition, timeZone: 'Mars/Olympus' };
    const error = refusal(() => when(create(onMars), initialCampaignState, CREATED_AT));
    expect(error?.code).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
    expect(error?.details?.problems).toEqual([
      { path: 'timeZone', message: 'Fuseau horaire inconnu : Mars/Olympus.' },
    ]);
  });

  it('refuses a questionnaire with the same section twice', () => {
    const twice = { ...definition, sections: [...definition.sections, definition.sections[0]] };
    const error = refusal(() => when(create(twice), initialCampaignState, CREATED_AT));
    expect(error?.code).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
    expect(error?.details?.problems).toEqual([
      { path: 'sections', message: 'Section en double : organisation.' },
    ]);
  });

  it('refuses a reminder whose anchor is not the one of its kind', () => {
    const invitationAtMeeting: CampaignDefinition = {
      ...definition,
      reminders: [{ ...rule('invitation-ouverture'), anchor: 'MEETING' }],
    };
    const error = refusal(() =>
      when(create(invitationAtMeeting), initialCampaignState, CREATED_AT),
    );
    expect(error?.code).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
    expect(error?.details?.problems).toEqual([
      {
        path: 'reminders[0]',
        message: 'Une relance CAMPAIGN_INVITATION part de OPENING vers DIRECTORY_ELIGIBLE.',
      },
    ]);
  });
});

describe('campaign decider: PublishCampaign', () => {
  it('publishes a draft', () => {
    expect(when(publish, campaignIn('DRAFT'), PUBLISHED_AT)).toEqual([
      { type: 'CampaignPublished', data: { publishedAt: PUBLISHED_AT, by: admin } },
    ]);
  });

  it('folds into a scheduled campaign, not open yet', () => {
    const state = fold(campaignIn('DRAFT'), when(publish, campaignIn('DRAFT'), PUBLISHED_AT));
    expect(state).toMatchObject({ phase: 'SCHEDULED', phaseChangedAt: PUBLISHED_AT });
  });

  it('may publish after the opening date: the campaign then opens at once', () => {
    expect(when(publish, campaignIn('DRAFT'), DURING_OPENING)).toHaveLength(1);
  });

  it('refuses to publish once the submission deadline has come', () => {
    const error = refusal(() => when(publish, campaignIn('DRAFT'), calendar.submissionDeadline));
    expect(error?.code).toBe(DomainErrorCode.CALENDAR_DATE_PASSED);
    expect(error?.message).toContain('modifiez le calendrier avant de publier');
  });

  it.each(phasesExcept('DRAFT'))('refuses to publish a campaign in phase %s', (phase) => {
    const error = refusal(() => when(publish, campaignIn(phase), PUBLISHED_AT));
    expect(error?.code).toBe(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    expect(error?.details).toEqual({ phase });
  });
});

describe('campaign decider: OpenCampaign', () => {
  it('opens a scheduled campaign at its opening date', () => {
    expect(when(open, campaignIn('SCHEDULED'), calendar.opensAt)).toEqual([
      { type: 'CampaignOpened', data: { openedAt: calendar.opensAt } },
    ]);
  });

  it('folds into an open campaign', () => {
    const state = fold(campaignIn('SCHEDULED'), [
      { type: 'CampaignOpened', data: { openedAt: calendar.opensAt } },
    ]);
    expect(state).toMatchObject({ phase: 'OPEN', phaseChangedAt: calendar.opensAt });
  });

  it('refuses to open one second before the opening date, saying when it opens in Paris', () => {
    const error = refusal(() =>
      when(open, campaignIn('SCHEDULED'), secondsBefore(calendar.opensAt)),
    );
    expect(error?.code).toBe(DomainErrorCode.TOO_EARLY);
    expect(error?.message).toBe("L'ouverture est fixée au 09/10/2019 à 00:00 (Europe/Paris).");
    expect(error?.details).toEqual({ date: 'opensAt', at: calendar.opensAt });
  });

  it('waits for the opening date as moved, not the original one', () => {
    const later = '2019-10-14T22:00:00.000Z';
    const moved = after(campaignIn('SCHEDULED'), changeCalendar({ opensAt: later }), PUBLISHED_AT);
    expect(refusalCode(() => when(open, moved, calendar.opensAt))).toBe(DomainErrorCode.TOO_EARLY);
    expect(when(open, moved, later)).toEqual([
      { type: 'CampaignOpened', data: { openedAt: later } },
    ]);
  });

  it.each(phasesExcept('SCHEDULED'))('refuses to open a campaign in phase %s', (phase) => {
    expect(refusalCode(() => when(open, campaignIn(phase), DURING_OPENING))).toBe(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
    );
  });

  it('says it in French, eliding « de » before a vowel', () => {
    expect(refusal(() => when(open, campaignIn('DRAFT'), DURING_OPENING))?.message).toBe(
      "Impossible d'ouvrir la campagne : elle est en préparation.",
    );
  });
});

describe('campaign decider: CloseSubmissions', () => {
  it('closes submissions exactly at the deadline', () => {
    expect(when(closeSubmissions, campaignIn('OPEN'), calendar.submissionDeadline)).toEqual([
      { type: 'CampaignSubmissionsClosed', data: { closedAt: calendar.submissionDeadline } },
    ]);
  });

  it('folds into a campaign closed to submissions', () => {
    const state = fold(campaignIn('OPEN'), [submissionsClosed]);
    expect(state).toMatchObject({
      phase: 'SUBMISSIONS_CLOSED',
      phaseChangedAt: calendar.submissionDeadline,
    });
  });

  it('refuses to close one second before the deadline (14 November 23:59:59 in Paris)', () => {
    const lastSecond = secondsBefore(calendar.submissionDeadline);
    expect(toLocalDateTime(new Date(lastSecond), PARIS)).toBe('2019-11-14T23:59:59');
    expect(refusalCode(() => when(closeSubmissions, campaignIn('OPEN'), lastSecond))).toBe(
      DomainErrorCode.TOO_EARLY,
    );
  });

  it.each(phasesExcept('OPEN'))(
    'refuses to close submissions of a campaign in phase %s',
    (phase) => {
      expect(
        refusalCode(() => when(closeSubmissions, campaignIn(phase), calendar.submissionDeadline)),
      ).toBe(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    },
  );
});

describe('campaign decider: StartScreening', () => {
  it('starts screening once submissions are closed', () => {
    expect(when(startScreening, campaignIn('SUBMISSIONS_CLOSED'), SCREENING_AT)).toEqual([
      { type: 'CampaignScreeningStarted', data: { startedAt: SCREENING_AT } },
    ]);
  });

  it('folds into a campaign under screening', () => {
    expect(fold(campaignIn('SUBMISSIONS_CLOSED'), [screeningStarted])).toMatchObject({
      phase: 'SCREENING',
      phaseChangedAt: SCREENING_AT,
    });
  });

  it.each(phasesExcept('SUBMISSIONS_CLOSED'))(
    'refuses to start screening a campaign in phase %s',
    (phase) => {
      expect(refusalCode(() => when(startScreening, campaignIn(phase), SCREENING_AT))).toBe(
        DomainErrorCode.TRANSITION_NOT_ALLOWED,
      );
    },
  );
});

describe('campaign decider: StartConsultations', () => {
  it('starts consultations at their date', () => {
    expect(
      when(startConsultations, campaignIn('SCREENING'), calendar.consultationsStartAt),
    ).toEqual([
      { type: 'CampaignConsultationsStarted', data: { startedAt: calendar.consultationsStartAt } },
    ]);
  });

  it('folds into a campaign in consultations', () => {
    expect(fold(campaignIn('SCREENING'), [consultationsStarted])).toMatchObject({
      phase: 'CONSULTATIONS',
      phaseChangedAt: calendar.consultationsStartAt,
    });
  });

  it('refuses to start one second before their date', () => {
    const error = refusal(() =>
      when(
        startConsultations,
        campaignIn('SCREENING'),
        secondsBefore(calendar.consultationsStartAt),
      ),
    );
    expect(error?.code).toBe(DomainErrorCode.TOO_EARLY);
    expect(error?.message).toBe(
      'Le début des consultations est fixé au 01/12/2019 à 00:00 (Europe/Paris).',
    );
  });

  it.each(phasesExcept('SCREENING'))(
    'refuses to start consultations of a campaign in phase %s',
    (phase) => {
      expect(
        refusalCode(() =>
          when(startConsultations, campaignIn(phase), calendar.consultationsStartAt),
        ),
      ).toBe(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    },
  );
});

describe('campaign decider: CloseCampaign', () => {
  it('closes a campaign in consultations, recording who closed it', () => {
    expect(when(close, campaignIn('CONSULTATIONS'), CLOSED_AT)).toEqual([
      { type: 'CampaignClosed', data: { closedAt: CLOSED_AT, by: admin } },
    ]);
  });

  it('folds into a closed campaign', () => {
    expect(fold(campaignIn('CONSULTATIONS'), [closed])).toMatchObject({
      phase: 'CLOSED',
      phaseChangedAt: CLOSED_AT,
    });
  });

  it.each(phasesExcept('CONSULTATIONS'))('refuses to close a campaign in phase %s', (phase) => {
    expect(refusalCode(() => when(close, campaignIn(phase), CLOSED_AT))).toBe(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
    );
  });
});

describe('campaign decider: CancelCampaign', () => {
  it.each(phasesExcept('CLOSED', 'CANCELLED'))(
    'cancels a campaign in phase %s with the trimmed reason',
    (phase) => {
      const events = when(cancel('  Crédits annulés  '), campaignIn(phase), DURING_OPENING);
      expect(events).toEqual([
        {
          type: 'CampaignCancelled',
          data: { cancelledAt: DURING_OPENING, reason: 'Crédits annulés', by: admin },
        },
      ]);
      expect(fold(campaignIn(phase), events)).toMatchObject({
        phase: 'CANCELLED',
        phaseChangedAt: DURING_OPENING,
        cancellationReason: 'Crédits annulés',
      });
    },
  );

  it.each<CampaignPhase>(['CLOSED', 'CANCELLED'])(
    'refuses to cancel a campaign in phase %s',
    (phase) => {
      expect(refusalCode(() => when(cancel(), campaignIn(phase), CLOSED_AT))).toBe(
        DomainErrorCode.TRANSITION_NOT_ALLOWED,
      );
    },
  );

  it('says why in French', () => {
    expect(refusal(() => when(cancel(), campaignIn('CLOSED'), CLOSED_AT))?.message).toBe(
      "Impossible d'annuler la campagne : elle est clôturée.",
    );
  });

  it('refuses a cancellation without reason', () => {
    const error = refusal(() => when(cancel('   '), campaignIn('OPEN'), DURING_OPENING));
    expect(error?.code).toBe(DomainErrorCode.INVALID_COMMAND);
    expect(error?.message).toContain('doit être motivée');
  });
});

describe('campaign decider: ChangeCampaignCalendar', () => {
  const extendedDeadline = '2019-11-21T23:00:00.000Z'; // 22 Nov 00:00 in Paris
  const movedMeeting = {
    meetingRegistrationDeadline: '2019-11-05T13:00:00.000Z', // 5 Nov 14:00 in Paris
    meetingStartsAt: '2019-11-05T13:00:00.000Z',
    meetingEndsAt: '2019-11-05T15:00:00.000Z',
  };

  it('extends the deadline of an open campaign, recording both calendars and the trimmed reason', () => {
    const command = changeCalendar(
      { submissionDeadline: extendedDeadline },
      '  Report demandé par les CNP ',
    );
    expect(when(command, campaignIn('OPEN'), DURING_OPENING)).toEqual([
      {
        type: 'CampaignCalendarChanged',
        data: {
          previous: calendar,
          calendar: { ...calendar, submissionDeadline: extendedDeadline },
          changedAt: DURING_OPENING,
          reason: 'Report demandé par les CNP',
          by: admin,
        },
      },
    ]);
  });

  it('makes the extended deadline the one submissions close at', () => {
    const extended = after(
      campaignIn('OPEN'),
      changeCalendar({ submissionDeadline: extendedDeadline }),
      DURING_OPENING,
    );
    expect(extended.calendar.submissionDeadline).toBe(extendedDeadline);
    expect(extended.definition.calendar.submissionDeadline).toBe(calendar.submissionDeadline);
    expect(refusalCode(() => when(closeSubmissions, extended, calendar.submissionDeadline))).toBe(
      DomainErrorCode.TOO_EARLY,
    );
    expect(when(closeSubmissions, extended, extendedDeadline)).toHaveLength(1);
  });

  it('moves the information meeting, and its reminder follows', () => {
    const moved = after(campaignIn('OPEN'), changeCalendar(movedMeeting), DURING_OPENING);
    expect(moved.calendar).toEqual({ ...calendar, ...movedMeeting });
    const meetingReminder = pendingCampaignReminders(moved, new Date(DURING_OPENING)).find(
      (due) => due.ruleId === 'reunion-j-2',
    );
    expect(meetingReminder?.dueAt).toBe('2019-11-03T08:00:00.000Z'); // 3 Nov 09:00 in Paris
  });

  it('refuses to move a date already passed', () => {
    const error = refusal(() =>
      when(
        changeCalendar({ opensAt: '2019-10-09T22:00:00.000Z' }),
        campaignIn('OPEN'),
        DURING_OPENING,
      ),
    );
    expect(error?.code).toBe(DomainErrorCode.CALENDAR_DATE_PASSED);
    expect(error?.details).toEqual({ date: 'opensAt' });
    expect(error?.message).toContain("L'ouverture est déjà passée");
  });

  it('refuses to move a date at the very instant it comes', () => {
    expect(
      refusalCode(() =>
        when(
          changeCalendar({ meetingEndsAt: '2019-10-29T16:00:00.000Z' }),
          campaignIn('OPEN'),
          MEETING_ENDS_AT,
        ),
      ),
    ).toBe(DomainErrorCode.CALENDAR_DATE_PASSED);
  });

  it('refuses to move a future date into the past', () => {
    const error = refusal(() =>
      when(
        changeCalendar({ submissionDeadline: '2019-10-19T22:00:00.000Z' }),
        campaignIn('OPEN'),
        DURING_OPENING,
      ),
    );
    expect(error?.code).toBe(DomainErrorCode.CALENDAR_DATE_PASSED);
    expect(error?.details).toEqual({ date: 'submissionDeadline' });
    expect(error?.message).toBe('La date limite de dépôt ne peut pas être placée dans le passé.');
  });

  it('refuses to move a future date to now', () => {
    expect(
      refusalCode(() =>
        when(
          changeCalendar({ submissionDeadline: DURING_OPENING }),
          campaignIn('OPEN'),
          DURING_OPENING,
        ),
      ),
    ).toBe(DomainErrorCode.CALENDAR_DATE_PASSED);
  });

  it('agrees the message with a masculine date', () => {
    expect(
      refusal(() =>
        when(
          changeCalendar({ consultationsStartAt: '2019-10-19T22:00:00.000Z' }),
          campaignIn('OPEN'),
          DURING_OPENING,
        ),
      )?.message,
    ).toBe('Le début des consultations ne peut pas être placé dans le passé.');
  });

  it('refuses a calendar whose dates would be out of order', () => {
    const error = refusal(() =>
      when(
        changeCalendar({ consultationsStartAt: '2019-11-10T23:00:00.000Z' }),
        campaignIn('OPEN'),
        DURING_OPENING,
      ),
    );
    expect(error?.code).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
    expect(error?.details?.problems).toEqual([
      {
        path: 'calendar.consultationsStartAt',
        message: 'Le début des consultations doit suivre la date limite de dépôt.',
      },
    ]);
  });

  it('refuses registrations that would close after the meeting starts', () => {
    expect(
      refusalCode(() =>
        when(
          changeCalendar({ meetingRegistrationDeadline: '2019-10-29T14:00:00.000Z' }),
          campaignIn('OPEN'),
          DURING_OPENING,
        ),
      ),
    ).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
  });

  it('refuses something that is not an instant', () => {
    expect(
      refusalCode(() =>
        when(
          changeCalendar({ submissionDeadline: '22/11/2019' }),
          campaignIn('OPEN'),
          DURING_OPENING,
        ),
      ),
    ).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
  });

  it('refuses meeting dates for a campaign without information meeting', () => {
    const state = campaignIn('OPEN', withoutMeeting);
    expect(refusalCode(() => when(changeCalendar(movedMeeting), state, DURING_OPENING))).toBe(
      DomainErrorCode.INVALID_CAMPAIGN_DEFINITION,
    );
  });

  it('records nothing when no date moves', () => {
    const state = campaignIn('OPEN');
    expect(when(changeCalendar({}), state, DURING_OPENING)).toEqual([]);
    expect(when(changeCalendar({ ...calendar }), state, DURING_OPENING)).toEqual([]);
  });

  it('sees the same instant written without milliseconds as no move, even for a passed date', () => {
    const sameOpening = changeCalendar({ opensAt: '2019-10-08T22:00:00Z' });
    expect(when(sameOpening, campaignIn('OPEN'), DURING_OPENING)).toEqual([]);
  });

  it('records a moved date in the canonical form of instants', () => {
    const [event] = when(
      changeCalendar({ submissionDeadline: '2019-11-21T23:00:00Z' }),
      campaignIn('OPEN'),
      DURING_OPENING,
    );
    expect(event).toMatchObject({ data: { calendar: { submissionDeadline: extendedDeadline } } });
  });

  it('lets a draft move any date, even to or from the past', () => {
    const longAfter = '2020-01-15T08:00:00.000Z';
    const earlierOpening = '2019-10-01T22:00:00.000Z';
    const events = when(
      changeCalendar({ opensAt: earlierOpening }),
      campaignIn('DRAFT'),
      longAfter,
    );
    expect(events).toEqual([
      {
        type: 'CampaignCalendarChanged',
        data: {
          previous: calendar,
          calendar: { ...calendar, opensAt: earlierOpening },
          changedAt: longAfter,
          reason: 'Salle indisponible',
          by: admin,
        },
      },
    ]);
    expect(asCampaign(fold(campaignIn('DRAFT'), events)).calendar.opensAt).toBe(earlierOpening);
  });

  it('still keeps a draft calendar in order', () => {
    expect(
      refusalCode(() =>
        when(
          changeCalendar({ opensAt: '2019-12-15T23:00:00.000Z' }),
          campaignIn('DRAFT'),
          CREATED_AT,
        ),
      ),
    ).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
  });

  it('refuses a change without reason, even one that moves nothing', () => {
    const error = refusal(() => when(changeCalendar({}, ' '), campaignIn('OPEN'), DURING_OPENING));
    expect(error?.code).toBe(DomainErrorCode.INVALID_COMMAND);
    expect(error?.message).toContain('doit être motivé');
  });

  it.each<CampaignPhase>(['CLOSED', 'CANCELLED'])(
    'refuses to change the calendar of a campaign in phase %s',
    (phase) => {
      const command = changeCalendar({ consultationsStartAt: '2020-02-01T23:00:00.000Z' });
      expect(refusalCode(() => when(command, campaignIn(phase), DURING_OPENING))).toBe(
        DomainErrorCode.TRANSITION_NOT_ALLOWED,
      );
    },
  );
});

describe('campaign decider: RegisterForMeeting', () => {
  const beforeMeeting = '2019-10-21T08:00:00.000Z';

  it('confirms a registration while seats remain, with the trimmed organisation name', () => {
    const events = when(
      register('cnp-radiologie', '  CNP de radiologie '),
      campaignIn('OPEN'),
      beforeMeeting,
    );
    expect(events).toEqual([
      {
        type: 'MeetingRegistrationRecorded',
        data: {
          organisationId: 'cnp-radiologie',
          organisationName: 'CNP de radiologie',
          status: 'CONFIRMED',
          registeredAt: beforeMeeting,
        },
      },
    ]);
    expect(asCampaign(fold(campaignIn('OPEN'), events)).registrations).toEqual([
      {
        organisationId: 'cnp-radiologie',
        organisationName: 'CNP de radiologie',
        status: 'CONFIRMED',
        registeredAt: beforeMeeting,
      },
    ]);
  });

  it('takes registrations before the campaign opens', () => {
    expect(when(register('cnp-radiologie'), campaignIn('SCHEDULED'), PUBLISHED_AT)).toHaveLength(1);
  });

  it('confirms registrations up to the capacity, then puts the next ones on the waiting list', () => {
    let state = campaignIn('OPEN', smallRoom);
    state = after(state, register('a'), '2019-10-21T08:00:00.000Z');
    state = after(state, register('b'), '2019-10-21T09:00:00.000Z');
    const third = when(register('c'), state, '2019-10-21T10:00:00.000Z');
    expect(third).toEqual([
      {
        type: 'MeetingRegistrationRecorded',
        data: {
          organisationId: 'c',
          organisationName: 'CNP c',
          status: 'WAITLISTED',
          registeredAt: '2019-10-21T10:00:00.000Z',
        },
      },
    ]);
    expect(
      asCampaign(fold(state, third)).registrations.map((r) => [r.organisationId, r.status]),
    ).toEqual([
      ['a', 'CONFIRMED'],
      ['b', 'CONFIRMED'],
      ['c', 'WAITLISTED'],
    ]);
  });

  it('accepts the last registration one second before the registrations close', () => {
    const lastSecond = secondsBefore(MEETING_STARTS_AT);
    expect(when(register('cnp-radiologie'), campaignIn('OPEN'), lastSecond)).toHaveLength(1);
  });

  it('refuses a registration once the registrations have closed', () => {
    const error = refusal(() =>
      when(register('cnp-radiologie'), campaignIn('OPEN'), MEETING_STARTS_AT),
    );
    expect(error?.code).toBe(DomainErrorCode.MEETING_REGISTRATION_CLOSED);
    expect(error?.message).toContain('closes depuis le 29/10/2019 à 13:45 (Europe/Paris)');
  });

  it('refuses an organisation already registered, even on the waiting list', () => {
    let state = campaignIn('OPEN', { ...smallRoom, meeting: { place: 'Ségur', capacity: 1 } });
    state = after(state, register('a'), beforeMeeting);
    state = after(state, register('b'), beforeMeeting);
    expect(refusalCode(() => when(register('a'), state, beforeMeeting))).toBe(
      DomainErrorCode.MEETING_ALREADY_REGISTERED,
    );
    expect(refusalCode(() => when(register('b'), state, beforeMeeting))).toBe(
      DomainErrorCode.MEETING_ALREADY_REGISTERED,
    );
  });

  it('refuses a blank organisation name', () => {
    expect(
      refusalCode(() => when(register('cnp-radiologie', '  '), campaignIn('OPEN'), beforeMeeting)),
    ).toBe(DomainErrorCode.INVALID_COMMAND);
  });

  it.each(phasesExcept('SCHEDULED', 'OPEN'))(
    'refuses a registration to a campaign in phase %s',
    (phase) => {
      expect(
        refusalCode(() => when(register('cnp-radiologie'), campaignIn(phase), beforeMeeting)),
      ).toBe(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    },
  );

  it('refuses a registration to a campaign without information meeting', () => {
    expect(
      refusalCode(() =>
        when(register('cnp-radiologie'), campaignIn('OPEN', withoutMeeting), beforeMeeting),
      ),
    ).toBe(DomainErrorCode.NO_INFORMATION_MEETING);
  });
});

describe('campaign decider: CancelMeetingRegistration', () => {
  const beforeMeeting = '2019-10-21T08:00:00.000Z';
  const cancelledAt = '2019-10-25T08:00:00.000Z';

  /** a and b confirmed, c then d waiting. */
  function fullRoom(): Campaign {
    let state = campaignIn('OPEN', smallRoom);
    for (const organisationId of ['a', 'b', 'c', 'd']) {
      state = after(state, register(organisationId), beforeMeeting);
    }
    return state;
  }

  it('gives the freed seat of a confirmed registration to the first on the waiting list', () => {
    const events = when(cancelRegistration('a'), fullRoom(), cancelledAt);
    expect(events).toEqual([
      { type: 'MeetingRegistrationCancelled', data: { organisationId: 'a', cancelledAt } },
      {
        type: 'MeetingRegistrationPromoted',
        data: { organisationId: 'c', promotedAt: cancelledAt },
      },
    ]);
    expect(
      asCampaign(fold(fullRoom(), events)).registrations.map((r) => [r.organisationId, r.status]),
    ).toEqual([
      ['b', 'CONFIRMED'],
      ['c', 'CONFIRMED'],
      ['d', 'WAITLISTED'],
    ]);
  });

  it('refuses to cancel a registration once the campaign is cancelled: no one is promoted', () => {
    const cancelledCampaign = asCampaign(fold(fullRoom(), [cancelled]));
    expect(refusal(() => when(cancelRegistration('a'), cancelledCampaign, cancelledAt))?.code).toBe(
      DomainErrorCode.TRANSITION_NOT_ALLOWED,
    );
  });

  it('promotes no one when a waiting registration is cancelled', () => {
    const events = when(cancelRegistration('c'), fullRoom(), cancelledAt);
    expect(events).toEqual([
      { type: 'MeetingRegistrationCancelled', data: { organisationId: 'c', cancelledAt } },
    ]);
    expect(asCampaign(fold(fullRoom(), events)).registrations.map((r) => r.organisationId)).toEqual(
      ['a', 'b', 'd'],
    );
  });

  it('promotes no one when no one is waiting', () => {
    const state = after(campaignIn('OPEN'), register('a'), beforeMeeting);
    expect(when(cancelRegistration('a'), state, cancelledAt)).toEqual([
      { type: 'MeetingRegistrationCancelled', data: { organisationId: 'a', cancelledAt } },
    ]);
  });

  it('lets a registration be cancelled after registrations close, until the meeting starts', () => {
    let state = after(campaignIn('OPEN'), register('a'), beforeMeeting);
    state = after(
      state,
      changeCalendar({ meetingRegistrationDeadline: '2019-10-25T22:00:00.000Z' }),
      beforeMeeting,
    );
    const lateInTheDay = '2019-10-29T12:44:59.000Z';
    expect(refusalCode(() => when(register('b'), state, lateInTheDay))).toBe(
      DomainErrorCode.MEETING_REGISTRATION_CLOSED,
    );
    expect(when(cancelRegistration('a'), state, lateInTheDay)).toHaveLength(1);
  });

  it('refuses to cancel once the meeting has started', () => {
    const state = after(campaignIn('OPEN'), register('a'), beforeMeeting);
    const error = refusal(() => when(cancelRegistration('a'), state, MEETING_STARTS_AT));
    expect(error?.code).toBe(DomainErrorCode.MEETING_REGISTRATION_CLOSED);
    expect(error?.message).toContain('a commencé');
  });

  it('refuses to cancel the registration of an organisation not registered', () => {
    expect(refusalCode(() => when(cancelRegistration('z'), fullRoom(), cancelledAt))).toBe(
      DomainErrorCode.MEETING_REGISTRATION_NOT_FOUND,
    );
  });

  it('refuses for a campaign without information meeting', () => {
    expect(
      refusalCode(() =>
        when(cancelRegistration('a'), campaignIn('OPEN', withoutMeeting), cancelledAt),
      ),
    ).toBe(DomainErrorCode.NO_INFORMATION_MEETING);
  });
});

describe('campaign decider: IssueCampaignReminder', () => {
  const meetingReminderAt = '2019-10-27T08:00:00.000Z';

  describe('invitation at opening', () => {
    it('is issued at the opening date, before the campaign has even been opened', () => {
      const events = when(
        issue('invitation-ouverture', 'opening'),
        campaignIn('SCHEDULED'),
        calendar.opensAt,
      );
      expect(events).toEqual([
        {
          type: 'CampaignReminderIssued',
          data: {
            ruleId: 'invitation-ouverture',
            kind: 'CAMPAIGN_INVITATION',
            occurrence: 'opening',
            dueAt: calendar.opensAt,
            issuedAt: calendar.opensAt,
          },
        },
      ]);
      expect(asCampaign(fold(campaignIn('SCHEDULED'), events)).issuedReminders).toEqual([
        'invitation-ouverture:opening',
      ]);
    });

    it('is not due one second before the opening', () => {
      expect(
        refusalCode(() =>
          when(
            issue('invitation-ouverture', 'opening'),
            campaignIn('SCHEDULED'),
            secondsBefore(calendar.opensAt),
          ),
        ),
      ).toBe(DomainErrorCode.REMINDER_NOT_DUE);
    });

    it('concerns no one while the campaign is a draft', () => {
      expect(
        refusalCode(() =>
          when(issue('invitation-ouverture', 'opening'), campaignIn('DRAFT'), calendar.opensAt),
        ),
      ).toBe(DomainErrorCode.REMINDER_NOT_APPLICABLE);
    });
  });

  describe('meeting reminder, two days before at 09:00 in Paris', () => {
    it('falls on 27 October 08:00 UTC, after the clocks went back that night', () => {
      const [event] = when(issue('reunion-j-2', 'meeting'), campaignIn('OPEN'), meetingReminderAt);
      expect(event).toEqual({
        type: 'CampaignReminderIssued',
        data: {
          ruleId: 'reunion-j-2',
          kind: 'MEETING_REMINDER',
          occurrence: 'meeting',
          dueAt: meetingReminderAt,
          issuedAt: meetingReminderAt,
        },
      });
      expect(toLocalDateTime(new Date(meetingReminderAt), PARIS)).toBe('2019-10-27T09:00:00');
    });

    it('is not due one second before, saying when it is in Paris', () => {
      const error = refusal(() =>
        when(issue('reunion-j-2', 'meeting'), campaignIn('OPEN'), secondsBefore(meetingReminderAt)),
      );
      expect(error?.code).toBe(DomainErrorCode.REMINDER_NOT_DUE);
      expect(error?.message).toContain('27/10/2019 à 09:00 (Europe/Paris)');
    });

    it('records nothing the second time it is issued', () => {
      const sent = after(campaignIn('OPEN'), issue('reunion-j-2', 'meeting'), meetingReminderAt);
      expect(sent.issuedReminders).toEqual(['reunion-j-2:meeting']);
      expect(when(issue('reunion-j-2', 'meeting'), sent, '2019-10-27T08:05:00.000Z')).toEqual([]);
    });

    it('concerns no one once the meeting has started', () => {
      expect(
        refusalCode(() =>
          when(issue('reunion-j-2', 'meeting'), campaignIn('OPEN'), MEETING_STARTS_AT),
        ),
      ).toBe(DomainErrorCode.REMINDER_NOT_APPLICABLE);
    });

    it('concerns no one once the campaign is cancelled', () => {
      expect(
        refusalCode(() =>
          when(issue('reunion-j-2', 'meeting'), campaignIn('CANCELLED'), meetingReminderAt),
        ),
      ).toBe(DomainErrorCode.REMINDER_NOT_APPLICABLE);
    });

    it('refuses an occurrence the rule does not have', () => {
      expect(
        refusalCode(() =>
          when(issue('reunion-j-2', 'opening'), campaignIn('OPEN'), meetingReminderAt),
        ),
      ).toBe(DomainErrorCode.REMINDER_NOT_APPLICABLE);
    });
  });

  describe('operator digest, every day at 08:30 in Paris', () => {
    it('is issued for the local date, at 08:30 Paris time', () => {
      const at = '2019-10-28T07:30:00.000Z'; // 08:30 in winter time
      expect(when(issue('synthese-quotidienne', '2019-10-28'), campaignIn('OPEN'), at)).toEqual([
        {
          type: 'CampaignReminderIssued',
          data: {
            ruleId: 'synthese-quotidienne',
            kind: 'OPERATOR_DIGEST',
            occurrence: '2019-10-28',
            dueAt: at,
            issuedAt: at,
          },
        },
      ]);
    });

    it('follows summer time too', () => {
      const at = '2019-10-10T06:30:00.000Z'; // 08:30 in summer time
      expect(
        when(issue('synthese-quotidienne', '2019-10-10'), campaignIn('OPEN'), at),
      ).toHaveLength(1);
    });

    it("takes today's date in Paris, not in UTC", () => {
      const halfPastMidnightInParis = '2019-10-27T23:30:00.000Z';
      const state = campaignIn('OPEN');
      expect(
        refusalCode(() =>
          when(issue('synthese-quotidienne', '2019-10-28'), state, halfPastMidnightInParis),
        ),
      ).toBe(DomainErrorCode.REMINDER_NOT_DUE);
      expect(
        refusalCode(() =>
          when(issue('synthese-quotidienne', '2019-10-27'), state, halfPastMidnightInParis),
        ),
      ).toBe(DomainErrorCode.REMINDER_NOT_APPLICABLE);
    });

    it('is not due one second before 08:30', () => {
      expect(
        refusalCode(() =>
          when(
            issue('synthese-quotidienne', '2019-10-28'),
            campaignIn('OPEN'),
            '2019-10-28T07:29:59.000Z',
          ),
        ),
      ).toBe(DomainErrorCode.REMINDER_NOT_DUE);
    });

    it('records nothing when issued twice the same day', () => {
      const sent = after(
        campaignIn('SCREENING'),
        issue('synthese-quotidienne', '2019-11-20'),
        '2019-11-20T07:30:00.000Z',
      );
      expect(
        when(issue('synthese-quotidienne', '2019-11-20'), sent, '2019-11-20T09:00:00.000Z'),
      ).toEqual([]);
    });

    it.each<CampaignPhase>(['DRAFT', 'SCHEDULED', 'CLOSED', 'CANCELLED'])(
      'concerns no one in phase %s',
      (phase) => {
        expect(
          refusalCode(() =>
            when(
              issue('synthese-quotidienne', '2019-10-28'),
              campaignIn(phase),
              '2019-10-28T07:30:00.000Z',
            ),
          ),
        ).toBe(DomainErrorCode.REMINDER_NOT_APPLICABLE);
      },
    );
  });

  it('leaves the reminders about one dossier to the dossier', () => {
    expect(
      refusalCode(() =>
        when(issue('depot-j-7', 'deadline'), campaignIn('OPEN'), '2019-11-08T08:00:00.000Z'),
      ),
    ).toBe(DomainErrorCode.REMINDER_NOT_APPLICABLE);
  });

  it('refuses a rule the campaign does not have', () => {
    const error = refusal(() =>
      when(issue('relance-inconnue', 'opening'), campaignIn('OPEN'), DURING_OPENING),
    );
    expect(error?.code).toBe(DomainErrorCode.UNKNOWN_REMINDER);
    expect(error?.message).toContain('relance-inconnue');
  });
});

describe('pendingCampaignReminders', () => {
  const invitation = {
    ruleId: 'invitation-ouverture',
    kind: 'CAMPAIGN_INVITATION',
    occurrence: 'opening',
    dueAt: calendar.opensAt,
  };
  const meetingReminder = {
    ruleId: 'reunion-j-2',
    kind: 'MEETING_REMINDER',
    occurrence: 'meeting',
    dueAt: '2019-10-27T08:00:00.000Z',
  };
  const digest = (date: string, dueAt: string) => ({
    ruleId: 'synthese-quotidienne',
    kind: 'OPERATOR_DIGEST',
    occurrence: date,
    dueAt,
  });

  it('lists nothing for a draft', () => {
    expect(pendingCampaignReminders(campaignIn('DRAFT'), new Date(CREATED_AT))).toEqual([]);
  });

  it('lists the invitation and the meeting reminder of a scheduled campaign, soonest first', () => {
    expect(pendingCampaignReminders(campaignIn('SCHEDULED'), new Date(PUBLISHED_AT))).toEqual([
      invitation,
      meetingReminder,
    ]);
  });

  it("lists today's digest once open, and leaves out what has been issued", () => {
    const sent = after(
      campaignIn('OPEN'),
      issue('invitation-ouverture', 'opening'),
      calendar.opensAt,
    );
    const sevenInParis = '2019-10-20T05:00:00.000Z';
    expect(pendingCampaignReminders(sent, new Date(sevenInParis))).toEqual([
      digest('2019-10-20', '2019-10-20T06:30:00.000Z'),
      meetingReminder,
    ]);
  });

  it("lists tomorrow's digest once today's is issued", () => {
    const sent = after(
      campaignIn('SCREENING'),
      issue('synthese-quotidienne', '2019-11-20'),
      '2019-11-20T07:30:00.000Z',
    );
    expect(pendingCampaignReminders(sent, new Date('2019-11-20T10:00:00.000Z'))).toEqual([
      digest('2019-11-21', '2019-11-21T07:30:00.000Z'),
    ]);
  });

  it('drops the meeting reminder once the meeting has started, even if never issued', () => {
    const reminders = pendingCampaignReminders(campaignIn('OPEN'), new Date(MEETING_STARTS_AT));
    expect(reminders.map((due) => due.ruleId)).toEqual([
      'invitation-ouverture',
      'synthese-quotidienne',
    ]);
  });

  it.each<CampaignPhase>(['CLOSED', 'CANCELLED'])('lists nothing in phase %s', (phase) => {
    expect(pendingCampaignReminders(campaignIn(phase), new Date(DURING_OPENING))).toEqual([]);
  });

  it('lists nothing about the meeting for a campaign without one', () => {
    const reminders = pendingCampaignReminders(
      campaignIn('SCHEDULED', withoutMeeting),
      new Date(PUBLISHED_AT),
    );
    expect(reminders).toEqual([invitation]);
  });
});

describe('campaignReminderRelevance, asked again when the mail goes out', () => {
  const meetingReminder = { ruleId: 'reunion-j-2', occurrence: 'meeting' };
  const registeredTwice = () =>
    after(
      after(campaignIn('OPEN'), register('cnp-radiologie'), DURING_OPENING),
      register('cnp-cardiologie'),
      DURING_OPENING,
    );

  it('keeps the meeting reminder for an organisation still confirmed, until the meeting begins', () => {
    const campaign = registeredTwice();
    const at = secondsBefore(MEETING_STARTS_AT);
    expect(
      campaignReminderRelevance(campaign, meetingReminder, 'cnp-radiologie', new Date(at)),
    ).toEqual({ concerned: true });
    expect(
      campaignReminderRelevance(
        campaign,
        meetingReminder,
        'cnp-radiologie',
        new Date(MEETING_STARTS_AT),
      ),
    ).toEqual(expect.objectContaining({ concerned: false, reason: 'LAPSED' }));
  });

  it('drops the meeting reminder to a registration cancelled meanwhile, not to the others', () => {
    const campaign = after(registeredTwice(), cancelRegistration('cnp-radiologie'), DURING_OPENING);
    const now = new Date(secondsBefore(MEETING_STARTS_AT, 60));
    expect(campaignReminderRelevance(campaign, meetingReminder, 'cnp-radiologie', now)).toEqual(
      expect.objectContaining({ concerned: false, reason: 'NOT_APPLICABLE' }),
    );
    expect(campaignReminderRelevance(campaign, meetingReminder, 'cnp-cardiologie', now)).toEqual({
      concerned: true,
    });
  });

  it('drops the invitation once submissions are closed', () => {
    const invitation = { ruleId: rule('invitation-ouverture').id, occurrence: 'opening' };
    expect(
      campaignReminderRelevance(
        campaignIn('SUBMISSIONS_CLOSED'),
        invitation,
        'cnp-radiologie',
        new Date(SCREENING_AT),
      ),
    ).toEqual(expect.objectContaining({ concerned: false }));
  });
});
