// The campaign's rules as a specification, one file on purpose (over 300 lines): read from top to
// bottom it is the whole of them, grouped by the part of the campaign's life each governs.
import { DomainErrorCode } from '../errors/domain-error-code';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { ReminderRule } from '../reminders/reminder-rule';
import { Actor } from '../shared/actor';
import { specification } from '../testing/decider-specification';
import { toLocalDateTime } from '../time/zoned-time';
import { CampaignCalendar, CampaignDefinition } from './campaign-definition';
import { CampaignCommand, ChangeCampaignCalendar } from './campaign.commands';
import { campaignDecider } from './campaign.decider';
import { CampaignEvent } from './campaign.events';
import { campaignReminderRelevance, pendingCampaignReminders } from './campaign.reminders';
import { Campaign, CAMPAIGN_PHASES, CampaignPhase, isCampaign } from './campaign.state';

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

const { given } = specification(campaignDecider);

/** The normal course of a campaign up to `phase` (cancelled once open), as its events. */
function historyIn(
  phase: CampaignPhase,
  campaign: CampaignDefinition = definition,
): CampaignEvent[] {
  const course = [
    createdEvent(campaign),
    published,
    opened,
    submissionsClosed,
    screeningStarted,
    consultationsStarted,
    closed,
  ];
  return phase === 'CANCELLED'
    ? [...course.slice(0, 3), cancelled]
    : course.slice(0, CAMPAIGN_PHASES.indexOf(phase) + 1);
}

/** The campaign these events fold into. */
function campaignOf(history: readonly CampaignEvent[]): Campaign {
  const state = given(history).state();
  if (!isCampaign(state)) throw new Error('expected a campaign');
  return state;
}

function phasesExcept(...allowed: CampaignPhase[]): CampaignPhase[] {
  return CAMPAIGN_PHASES.filter((phase) => !allowed.includes(phase));
}

// ---- when ----------------------------------------------------------------------------------

/** A history, then what a command decided at an instant: for the steps before the rule at stake. */
function after(
  history: readonly CampaignEvent[],
  command: CampaignCommand,
  now: string,
): CampaignEvent[] {
  return [...history, ...given(history).when(command, { at: now }).events()];
}

function secondsBefore(moment: string, seconds = 1): string {
  return new Date(Date.parse(moment) - seconds * 1000).toISOString();
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

describe('The reference campaign', () => {
  it('run by the reference calendar, whose registrations close as the meeting starts', () => {
    expect(calendar).toMatchObject({
      meetingRegistrationDeadline: MEETING_STARTS_AT,
      meetingStartsAt: MEETING_STARTS_AT,
      meetingEndsAt: MEETING_ENDS_AT,
    });
  });
});

describe('Any command but the creation', () => {
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
    given([]).when(command, { at: DURING_OPENING }).then(DomainErrorCode.CAMPAIGN_NOT_FOUND);
  });
});

describe("A campaign's phases: written, published, opened, closed to submissions, screened, in consultations, closed, or cancelled", () => {
  describe('CreateCampaign', () => {
    const create = (campaign: CampaignDefinition = definition): CampaignCommand => ({
      type: 'CreateCampaign',
      campaignId,
      definition: campaign,
      actor: admin,
    });

    it('records the campaign with its definition, the instant and who created it', () => {
      given([])
        .when(create(), { at: CREATED_AT })
        .then([
          {
            type: 'CampaignCreated',
            data: { campaignId, definition, createdAt: CREATED_AT, createdBy: admin },
          },
        ]);
    });

    it('folds into a draft running by the definition calendar, with no registration nor reminder', () => {
      const events = given([]).when(create(), { at: CREATED_AT }).events();
      expect(given(events).state()).toEqual({
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
      expect(given([]).when(create(withoutMeeting), { at: CREATED_AT }).events()).toHaveLength(1);
    });

    it('refuses to create a campaign that already exists, whatever its phase', () => {
      given(historyIn('DRAFT'))
        .when(create(), { at: CREATED_AT })
        .then(DomainErrorCode.CAMPAIGN_ALREADY_EXISTS);
      given(historyIn('CANCELLED'))
        .when(create(), { at: CREATED_AT })
        .then(DomainErrorCode.CAMPAIGN_ALREADY_EXISTS);
    });

    it('refuses a calendar out of order, naming each date that does not follow its predecessor', () => {
      const deadlineBeforeOpening = {
        ...definition,
        calendar: { ...calendar, submissionDeadline: '2019-10-01T22:00:00.000Z' },
      };
      const error = given([]).when(create(deadlineBeforeOpening), { at: CREATED_AT }).refusal();
      expect(error.code).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
      expect(error.details?.problems).toEqual([
        {
          path: 'calendar.submissionDeadline',
          message: "La date limite de dépôt doit suivre l'ouverture.",
        },
        {
          path: 'calendar.submissionDeadline',
          message: 'La date limite de dépôt doit suivre le début de la réunion.',
        },
      ]);
      expect(error.message).toContain('Définition de campagne invalide');
    });

    it('refuses an unknown time zone', () => {
      const onMars = { ...definition, timeZone: 'Mars/Olympus' };
      const error = given([]).when(create(onMars), { at: CREATED_AT }).refusal();
      expect(error.code).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
      expect(error.details?.problems).toEqual([
        { path: 'timeZone', message: 'Fuseau horaire inconnu : Mars/Olympus.' },
      ]);
    });

    it('refuses a questionnaire with the same section twice', () => {
      const twice = { ...definition, sections: [...definition.sections, definition.sections[0]] };
      const error = given([]).when(create(twice), { at: CREATED_AT }).refusal();
      expect(error.code).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
      expect(error.details?.problems).toEqual([
        { path: 'sections', message: 'Section en double : organisation.' },
      ]);
    });

    it('refuses a reminder whose anchor is not the one of its kind', () => {
      const invitationAtMeeting: CampaignDefinition = {
        ...definition,
        reminders: [{ ...rule('invitation-ouverture'), anchor: 'MEETING' }],
      };
      const error = given([]).when(create(invitationAtMeeting), { at: CREATED_AT }).refusal();
      expect(error.code).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
      expect(error.details?.problems).toEqual([
        {
          path: 'reminders[0]',
          message: 'Une relance CAMPAIGN_INVITATION part de OPENING vers DIRECTORY_ELIGIBLE.',
        },
      ]);
    });
  });

  describe('PublishCampaign', () => {
    it('publishes a draft', () => {
      given(historyIn('DRAFT'))
        .when(publish, { at: PUBLISHED_AT })
        .then([{ type: 'CampaignPublished', data: { publishedAt: PUBLISHED_AT, by: admin } }]);
    });

    it('folds into a scheduled campaign, not open yet', () => {
      const state = given([
        ...historyIn('DRAFT'),
        ...given(historyIn('DRAFT')).when(publish, { at: PUBLISHED_AT }).events(),
      ]).state();
      expect(state).toMatchObject({ phase: 'SCHEDULED', phaseChangedAt: PUBLISHED_AT });
    });

    it('may publish after the opening date: the campaign then opens at once', () => {
      expect(given(historyIn('DRAFT')).when(publish, { at: DURING_OPENING }).events()).toHaveLength(
        1,
      );
    });

    it('refuses to publish once the submission deadline has come', () => {
      const error = given(historyIn('DRAFT'))
        .when(publish, { at: calendar.submissionDeadline })
        .refusal();
      expect(error.code).toBe(DomainErrorCode.CALENDAR_DATE_PASSED);
      expect(error.message).toContain('modifiez le calendrier avant de publier');
    });

    it.each(phasesExcept('DRAFT'))('refuses to publish a campaign in phase %s', (phase) => {
      const error = given(historyIn(phase)).when(publish, { at: PUBLISHED_AT }).refusal();
      expect(error.code).toBe(DomainErrorCode.TRANSITION_NOT_ALLOWED);
      expect(error.details).toEqual({ phase });
    });
  });

  describe('OpenCampaign', () => {
    it('opens a scheduled campaign at its opening date', () => {
      given(historyIn('SCHEDULED'))
        .when(open, { at: calendar.opensAt })
        .then([{ type: 'CampaignOpened', data: { openedAt: calendar.opensAt } }]);
    });

    it('folds into an open campaign', () => {
      const state = given([
        ...historyIn('SCHEDULED'),
        { type: 'CampaignOpened', data: { openedAt: calendar.opensAt } },
      ]).state();
      expect(state).toMatchObject({ phase: 'OPEN', phaseChangedAt: calendar.opensAt });
    });

    it('refuses to open one second before the opening date, saying when it opens in Paris', () => {
      const error = given(historyIn('SCHEDULED'))
        .when(open, { at: secondsBefore(calendar.opensAt) })
        .refusal();
      expect(error.code).toBe(DomainErrorCode.TOO_EARLY);
      expect(error.message).toBe("L'ouverture est fixée au 09/10/2019 à 00:00 (Europe/Paris).");
      expect(error.details).toEqual({ date: 'opensAt', at: calendar.opensAt });
    });

    it('waits for the opening date as moved, not the original one', () => {
      const later = '2019-10-14T22:00:00.000Z';
      const moved = after(historyIn('SCHEDULED'), changeCalendar({ opensAt: later }), PUBLISHED_AT);
      given(moved).when(open, { at: calendar.opensAt }).then(DomainErrorCode.TOO_EARLY);
      given(moved)
        .when(open, { at: later })
        .then([{ type: 'CampaignOpened', data: { openedAt: later } }]);
    });

    it.each(phasesExcept('SCHEDULED'))('refuses to open a campaign in phase %s', (phase) => {
      given(historyIn(phase))
        .when(open, { at: DURING_OPENING })
        .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });

    it('says it in French, eliding « de » before a vowel', () => {
      expect(given(historyIn('DRAFT')).when(open, { at: DURING_OPENING }).refusal().message).toBe(
        "Impossible d'ouvrir la campagne : elle est en préparation.",
      );
    });
  });

  describe('CloseSubmissions', () => {
    it('closes submissions exactly at the deadline', () => {
      given(historyIn('OPEN'))
        .when(closeSubmissions, { at: calendar.submissionDeadline })
        .then([
          { type: 'CampaignSubmissionsClosed', data: { closedAt: calendar.submissionDeadline } },
        ]);
    });

    it('folds into a campaign closed to submissions', () => {
      const state = given([...historyIn('OPEN'), submissionsClosed]).state();
      expect(state).toMatchObject({
        phase: 'SUBMISSIONS_CLOSED',
        phaseChangedAt: calendar.submissionDeadline,
      });
    });

    it('refuses to close one second before the deadline (14 November 23:59:59 in Paris)', () => {
      const lastSecond = secondsBefore(calendar.submissionDeadline);
      expect(toLocalDateTime(new Date(lastSecond), PARIS)).toBe('2019-11-14T23:59:59');
      given(historyIn('OPEN'))
        .when(closeSubmissions, { at: lastSecond })
        .then(DomainErrorCode.TOO_EARLY);
    });

    it.each(phasesExcept('OPEN'))(
      'refuses to close submissions of a campaign in phase %s',
      (phase) => {
        given(historyIn(phase))
          .when(closeSubmissions, { at: calendar.submissionDeadline })
          .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
      },
    );
  });

  describe('StartScreening', () => {
    it('starts screening once submissions are closed', () => {
      given(historyIn('SUBMISSIONS_CLOSED'))
        .when(startScreening, { at: SCREENING_AT })
        .then([{ type: 'CampaignScreeningStarted', data: { startedAt: SCREENING_AT } }]);
    });

    it('folds into a campaign under screening', () => {
      expect(given([...historyIn('SUBMISSIONS_CLOSED'), screeningStarted]).state()).toMatchObject({
        phase: 'SCREENING',
        phaseChangedAt: SCREENING_AT,
      });
    });

    it.each(phasesExcept('SUBMISSIONS_CLOSED'))(
      'refuses to start screening a campaign in phase %s',
      (phase) => {
        given(historyIn(phase))
          .when(startScreening, { at: SCREENING_AT })
          .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
      },
    );
  });

  describe('StartConsultations', () => {
    it('starts consultations at their date', () => {
      given(historyIn('SCREENING'))
        .when(startConsultations, { at: calendar.consultationsStartAt })
        .then([
          {
            type: 'CampaignConsultationsStarted',
            data: { startedAt: calendar.consultationsStartAt },
          },
        ]);
    });

    it('folds into a campaign in consultations', () => {
      expect(given([...historyIn('SCREENING'), consultationsStarted]).state()).toMatchObject({
        phase: 'CONSULTATIONS',
        phaseChangedAt: calendar.consultationsStartAt,
      });
    });

    it('refuses to start one second before their date', () => {
      const error = given(historyIn('SCREENING'))
        .when(startConsultations, { at: secondsBefore(calendar.consultationsStartAt) })
        .refusal();
      expect(error.code).toBe(DomainErrorCode.TOO_EARLY);
      expect(error.message).toBe(
        'Le début des consultations est fixé au 01/12/2019 à 00:00 (Europe/Paris).',
      );
    });

    it.each(phasesExcept('SCREENING'))(
      'refuses to start consultations of a campaign in phase %s',
      (phase) => {
        given(historyIn(phase))
          .when(startConsultations, { at: calendar.consultationsStartAt })
          .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
      },
    );
  });

  describe('CloseCampaign', () => {
    it('closes a campaign in consultations, recording who closed it', () => {
      given(historyIn('CONSULTATIONS'))
        .when(close, { at: CLOSED_AT })
        .then([{ type: 'CampaignClosed', data: { closedAt: CLOSED_AT, by: admin } }]);
    });

    it('folds into a closed campaign', () => {
      expect(given([...historyIn('CONSULTATIONS'), closed]).state()).toMatchObject({
        phase: 'CLOSED',
        phaseChangedAt: CLOSED_AT,
      });
    });

    it.each(phasesExcept('CONSULTATIONS'))('refuses to close a campaign in phase %s', (phase) => {
      given(historyIn(phase))
        .when(close, { at: CLOSED_AT })
        .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });
  });

  describe('CancelCampaign', () => {
    it.each(phasesExcept('CLOSED', 'CANCELLED'))(
      'cancels a campaign in phase %s with the trimmed reason',
      (phase) => {
        const events = given(historyIn(phase))
          .when(cancel('  Crédits annulés  '), { at: DURING_OPENING })
          .events();
        expect(events).toEqual([
          {
            type: 'CampaignCancelled',
            data: { cancelledAt: DURING_OPENING, reason: 'Crédits annulés', by: admin },
          },
        ]);
        expect(given([...historyIn(phase), ...events]).state()).toMatchObject({
          phase: 'CANCELLED',
          phaseChangedAt: DURING_OPENING,
          cancellationReason: 'Crédits annulés',
        });
      },
    );

    it.each<CampaignPhase>(['CLOSED', 'CANCELLED'])(
      'refuses to cancel a campaign in phase %s',
      (phase) => {
        given(historyIn(phase))
          .when(cancel(), { at: CLOSED_AT })
          .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
      },
    );

    it('says why in French', () => {
      expect(given(historyIn('CLOSED')).when(cancel(), { at: CLOSED_AT }).refusal().message).toBe(
        "Impossible d'annuler la campagne : elle est clôturée.",
      );
    });

    it('refuses a cancellation without reason', () => {
      const error = given(historyIn('OPEN')).when(cancel('   '), { at: DURING_OPENING }).refusal();
      expect(error.code).toBe(DomainErrorCode.INVALID_COMMAND);
      expect(error.message).toContain('doit être motivée');
    });
  });
});

describe('Its calendar: dates move, with a reason, while they have not come', () => {
  describe('ChangeCampaignCalendar', () => {
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
      given(historyIn('OPEN'))
        .when(command, { at: DURING_OPENING })
        .then([
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
        historyIn('OPEN'),
        changeCalendar({ submissionDeadline: extendedDeadline }),
        DURING_OPENING,
      );
      expect(campaignOf(extended).calendar.submissionDeadline).toBe(extendedDeadline);
      expect(campaignOf(extended).definition.calendar.submissionDeadline).toBe(
        calendar.submissionDeadline,
      );
      given(extended)
        .when(closeSubmissions, { at: calendar.submissionDeadline })
        .then(DomainErrorCode.TOO_EARLY);
      expect(
        given(extended).when(closeSubmissions, { at: extendedDeadline }).events(),
      ).toHaveLength(1);
    });

    it('moves the information meeting, and its reminder follows', () => {
      const moved = after(historyIn('OPEN'), changeCalendar(movedMeeting), DURING_OPENING);
      expect(campaignOf(moved).calendar).toEqual({ ...calendar, ...movedMeeting });
      const meetingReminder = pendingCampaignReminders(
        campaignOf(moved),
        new Date(DURING_OPENING),
      ).find((due) => due.ruleId === 'reunion-j-2');
      expect(meetingReminder?.dueAt).toBe('2019-11-03T08:00:00.000Z'); // 3 Nov 09:00 in Paris
    });

    it('refuses to move a date already passed', () => {
      const error = given(historyIn('OPEN'))
        .when(changeCalendar({ opensAt: '2019-10-09T22:00:00.000Z' }), { at: DURING_OPENING })
        .refusal();
      expect(error.code).toBe(DomainErrorCode.CALENDAR_DATE_PASSED);
      expect(error.details).toEqual({ date: 'opensAt' });
      expect(error.message).toContain("L'ouverture est déjà passée");
    });

    it('refuses to move a date at the very instant it comes', () => {
      given(historyIn('OPEN'))
        .when(changeCalendar({ meetingEndsAt: '2019-10-29T16:00:00.000Z' }), {
          at: MEETING_ENDS_AT,
        })
        .then(DomainErrorCode.CALENDAR_DATE_PASSED);
    });

    it('refuses to move a future date into the past', () => {
      const error = given(historyIn('OPEN'))
        .when(changeCalendar({ submissionDeadline: '2019-10-19T22:00:00.000Z' }), {
          at: DURING_OPENING,
        })
        .refusal();
      expect(error.code).toBe(DomainErrorCode.CALENDAR_DATE_PASSED);
      expect(error.details).toEqual({ date: 'submissionDeadline' });
      expect(error.message).toBe('La date limite de dépôt ne peut pas être placée dans le passé.');
    });

    it('refuses to move a future date to now', () => {
      given(historyIn('OPEN'))
        .when(changeCalendar({ submissionDeadline: DURING_OPENING }), { at: DURING_OPENING })
        .then(DomainErrorCode.CALENDAR_DATE_PASSED);
    });

    it('agrees the message with a masculine date', () => {
      expect(
        given(historyIn('OPEN'))
          .when(changeCalendar({ consultationsStartAt: '2019-10-19T22:00:00.000Z' }), {
            at: DURING_OPENING,
          })
          .refusal().message,
      ).toBe('Le début des consultations ne peut pas être placé dans le passé.');
    });

    it('refuses a calendar whose dates would be out of order', () => {
      const error = given(historyIn('OPEN'))
        .when(changeCalendar({ consultationsStartAt: '2019-11-10T23:00:00.000Z' }), {
          at: DURING_OPENING,
        })
        .refusal();
      expect(error.code).toBe(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
      expect(error.details?.problems).toEqual([
        {
          path: 'calendar.consultationsStartAt',
          message: 'Le début des consultations doit suivre la date limite de dépôt.',
        },
      ]);
    });

    it('refuses registrations that would close after the meeting starts', () => {
      given(historyIn('OPEN'))
        .when(changeCalendar({ meetingRegistrationDeadline: '2019-10-29T14:00:00.000Z' }), {
          at: DURING_OPENING,
        })
        .then(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
    });

    it('refuses something that is not an instant', () => {
      given(historyIn('OPEN'))
        .when(changeCalendar({ submissionDeadline: '22/11/2019' }), { at: DURING_OPENING })
        .then(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
    });

    it('refuses meeting dates for a campaign without information meeting', () => {
      const state = historyIn('OPEN', withoutMeeting);
      given(state)
        .when(changeCalendar(movedMeeting), { at: DURING_OPENING })
        .then(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
    });

    it('records nothing when no date moves', () => {
      const state = historyIn('OPEN');
      given(state).when(changeCalendar({}), { at: DURING_OPENING }).then([]);
      given(state)
        .when(changeCalendar({ ...calendar }), { at: DURING_OPENING })
        .then([]);
    });

    it('sees the same instant written without milliseconds as no move, even for a passed date', () => {
      const sameOpening = changeCalendar({ opensAt: '2019-10-08T22:00:00Z' });
      given(historyIn('OPEN')).when(sameOpening, { at: DURING_OPENING }).then([]);
    });

    it('records a moved date in the canonical form of instants', () => {
      const [event] = given(historyIn('OPEN'))
        .when(changeCalendar({ submissionDeadline: '2019-11-21T23:00:00Z' }), {
          at: DURING_OPENING,
        })
        .events();
      expect(event).toMatchObject({ data: { calendar: { submissionDeadline: extendedDeadline } } });
    });

    it('lets a draft move any date, even to or from the past', () => {
      const longAfter = '2020-01-15T08:00:00.000Z';
      const earlierOpening = '2019-10-01T22:00:00.000Z';
      const events = given(historyIn('DRAFT'))
        .when(changeCalendar({ opensAt: earlierOpening }), { at: longAfter })
        .events();
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
      expect(campaignOf([...historyIn('DRAFT'), ...events]).calendar.opensAt).toBe(earlierOpening);
    });

    it('still keeps a draft calendar in order', () => {
      given(historyIn('DRAFT'))
        .when(changeCalendar({ opensAt: '2019-12-15T23:00:00.000Z' }), { at: CREATED_AT })
        .then(DomainErrorCode.INVALID_CAMPAIGN_DEFINITION);
    });

    it('refuses a change without reason, even one that moves nothing', () => {
      const error = given(historyIn('OPEN'))
        .when(changeCalendar({}, ' '), { at: DURING_OPENING })
        .refusal();
      expect(error.code).toBe(DomainErrorCode.INVALID_COMMAND);
      expect(error.message).toContain('doit être motivé');
    });

    it.each<CampaignPhase>(['CLOSED', 'CANCELLED'])(
      'refuses to change the calendar of a campaign in phase %s',
      (phase) => {
        const command = changeCalendar({ consultationsStartAt: '2020-02-01T23:00:00.000Z' });
        given(historyIn(phase))
          .when(command, { at: DURING_OPENING })
          .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
      },
    );
  });
});

describe('The information meeting: seats, then a waiting list', () => {
  describe('RegisterForMeeting', () => {
    const beforeMeeting = '2019-10-21T08:00:00.000Z';

    it('confirms a registration while seats remain, with the trimmed organisation name', () => {
      const events = given(historyIn('OPEN'))
        .when(register('cnp-radiologie', '  CNP de radiologie '), { at: beforeMeeting })
        .events();
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
      expect(campaignOf([...historyIn('OPEN'), ...events]).registrations).toEqual([
        {
          organisationId: 'cnp-radiologie',
          organisationName: 'CNP de radiologie',
          status: 'CONFIRMED',
          registeredAt: beforeMeeting,
        },
      ]);
    });

    it('takes registrations before the campaign opens', () => {
      expect(
        given(historyIn('SCHEDULED'))
          .when(register('cnp-radiologie'), { at: PUBLISHED_AT })
          .events(),
      ).toHaveLength(1);
    });

    it('confirms registrations up to the capacity, then puts the next ones on the waiting list', () => {
      let state = historyIn('OPEN', smallRoom);
      state = after(state, register('a'), '2019-10-21T08:00:00.000Z');
      state = after(state, register('b'), '2019-10-21T09:00:00.000Z');
      const third = given(state).when(register('c'), { at: '2019-10-21T10:00:00.000Z' }).events();
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
        campaignOf([...state, ...third]).registrations.map((r) => [r.organisationId, r.status]),
      ).toEqual([
        ['a', 'CONFIRMED'],
        ['b', 'CONFIRMED'],
        ['c', 'WAITLISTED'],
      ]);
    });

    it('accepts the last registration one second before the registrations close', () => {
      const lastSecond = secondsBefore(MEETING_STARTS_AT);
      expect(
        given(historyIn('OPEN')).when(register('cnp-radiologie'), { at: lastSecond }).events(),
      ).toHaveLength(1);
    });

    it('refuses a registration once the registrations have closed', () => {
      const error = given(historyIn('OPEN'))
        .when(register('cnp-radiologie'), { at: MEETING_STARTS_AT })
        .refusal();
      expect(error.code).toBe(DomainErrorCode.MEETING_REGISTRATION_CLOSED);
      expect(error.message).toContain('closes depuis le 29/10/2019 à 13:45 (Europe/Paris)');
    });

    it('refuses an organisation already registered, even on the waiting list', () => {
      let state = historyIn('OPEN', { ...smallRoom, meeting: { place: 'Ségur', capacity: 1 } });
      state = after(state, register('a'), beforeMeeting);
      state = after(state, register('b'), beforeMeeting);
      given(state)
        .when(register('a'), { at: beforeMeeting })
        .then(DomainErrorCode.MEETING_ALREADY_REGISTERED);
      given(state)
        .when(register('b'), { at: beforeMeeting })
        .then(DomainErrorCode.MEETING_ALREADY_REGISTERED);
    });

    it('refuses a blank organisation name', () => {
      given(historyIn('OPEN'))
        .when(register('cnp-radiologie', '  '), { at: beforeMeeting })
        .then(DomainErrorCode.INVALID_COMMAND);
    });

    it.each(phasesExcept('SCHEDULED', 'OPEN'))(
      'refuses a registration to a campaign in phase %s',
      (phase) => {
        given(historyIn(phase))
          .when(register('cnp-radiologie'), { at: beforeMeeting })
          .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
      },
    );

    it('refuses a registration to a campaign without information meeting', () => {
      given(historyIn('OPEN', withoutMeeting))
        .when(register('cnp-radiologie'), { at: beforeMeeting })
        .then(DomainErrorCode.NO_INFORMATION_MEETING);
    });
  });

  describe('CancelMeetingRegistration', () => {
    const beforeMeeting = '2019-10-21T08:00:00.000Z';
    const cancelledAt = '2019-10-25T08:00:00.000Z';

    /** a and b confirmed, c then d waiting. */
    function fullRoom(): CampaignEvent[] {
      let history = historyIn('OPEN', smallRoom);
      for (const organisationId of ['a', 'b', 'c', 'd']) {
        history = after(history, register(organisationId), beforeMeeting);
      }
      return history;
    }

    it('gives the freed seat of a confirmed registration to the first on the waiting list', () => {
      const events = given(fullRoom()).when(cancelRegistration('a'), { at: cancelledAt }).events();
      expect(events).toEqual([
        { type: 'MeetingRegistrationCancelled', data: { organisationId: 'a', cancelledAt } },
        {
          type: 'MeetingRegistrationPromoted',
          data: { organisationId: 'c', promotedAt: cancelledAt },
        },
      ]);
      expect(
        campaignOf([...fullRoom(), ...events]).registrations.map((r) => [
          r.organisationId,
          r.status,
        ]),
      ).toEqual([
        ['b', 'CONFIRMED'],
        ['c', 'CONFIRMED'],
        ['d', 'WAITLISTED'],
      ]);
    });

    it('refuses to cancel a registration once the campaign is cancelled: no one is promoted', () => {
      const cancelledCampaign = [...fullRoom(), cancelled];
      given(cancelledCampaign)
        .when(cancelRegistration('a'), { at: cancelledAt })
        .then(DomainErrorCode.TRANSITION_NOT_ALLOWED);
    });

    it('promotes no one when a waiting registration is cancelled', () => {
      const events = given(fullRoom()).when(cancelRegistration('c'), { at: cancelledAt }).events();
      expect(events).toEqual([
        { type: 'MeetingRegistrationCancelled', data: { organisationId: 'c', cancelledAt } },
      ]);
      expect(
        campaignOf([...fullRoom(), ...events]).registrations.map((r) => r.organisationId),
      ).toEqual(['a', 'b', 'd']);
    });

    it('promotes no one when no one is waiting', () => {
      const state = after(historyIn('OPEN'), register('a'), beforeMeeting);
      given(state)
        .when(cancelRegistration('a'), { at: cancelledAt })
        .then([
          { type: 'MeetingRegistrationCancelled', data: { organisationId: 'a', cancelledAt } },
        ]);
    });

    it('lets a registration be cancelled after registrations close, until the meeting starts', () => {
      let state = after(historyIn('OPEN'), register('a'), beforeMeeting);
      state = after(
        state,
        changeCalendar({ meetingRegistrationDeadline: '2019-10-25T22:00:00.000Z' }),
        beforeMeeting,
      );
      const lateInTheDay = '2019-10-29T12:44:59.000Z';
      given(state)
        .when(register('b'), { at: lateInTheDay })
        .then(DomainErrorCode.MEETING_REGISTRATION_CLOSED);
      expect(
        given(state).when(cancelRegistration('a'), { at: lateInTheDay }).events(),
      ).toHaveLength(1);
    });

    it('refuses to cancel once the meeting has started', () => {
      const state = after(historyIn('OPEN'), register('a'), beforeMeeting);
      const error = given(state).when(cancelRegistration('a'), { at: MEETING_STARTS_AT }).refusal();
      expect(error.code).toBe(DomainErrorCode.MEETING_REGISTRATION_CLOSED);
      expect(error.message).toContain('a commencé');
    });

    it('refuses to cancel the registration of an organisation not registered', () => {
      given(fullRoom())
        .when(cancelRegistration('z'), { at: cancelledAt })
        .then(DomainErrorCode.MEETING_REGISTRATION_NOT_FOUND);
    });

    it('refuses for a campaign without information meeting', () => {
      given(historyIn('OPEN', withoutMeeting))
        .when(cancelRegistration('a'), { at: cancelledAt })
        .then(DomainErrorCode.NO_INFORMATION_MEETING);
    });
  });
});

describe('Its reminders: each goes out once, when due, while it concerns someone', () => {
  describe('IssueCampaignReminder', () => {
    const meetingReminderAt = '2019-10-27T08:00:00.000Z';

    describe('invitation at opening', () => {
      it('is issued at the opening date, before the campaign has even been opened', () => {
        const events = given(historyIn('SCHEDULED'))
          .when(issue('invitation-ouverture', 'opening'), { at: calendar.opensAt })
          .events();
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
        expect(campaignOf([...historyIn('SCHEDULED'), ...events]).issuedReminders).toEqual([
          'invitation-ouverture:opening',
        ]);
      });

      it('is not due one second before the opening', () => {
        given(historyIn('SCHEDULED'))
          .when(issue('invitation-ouverture', 'opening'), { at: secondsBefore(calendar.opensAt) })
          .then(DomainErrorCode.REMINDER_NOT_DUE);
      });

      it('concerns no one while the campaign is a draft', () => {
        given(historyIn('DRAFT'))
          .when(issue('invitation-ouverture', 'opening'), { at: calendar.opensAt })
          .then(DomainErrorCode.REMINDER_NOT_APPLICABLE);
      });
    });

    describe('meeting reminder, two days before at 09:00 in Paris', () => {
      it('falls on 27 October 08:00 UTC, after the clocks went back that night', () => {
        const [event] = given(historyIn('OPEN'))
          .when(issue('reunion-j-2', 'meeting'), { at: meetingReminderAt })
          .events();
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
        const error = given(historyIn('OPEN'))
          .when(issue('reunion-j-2', 'meeting'), { at: secondsBefore(meetingReminderAt) })
          .refusal();
        expect(error.code).toBe(DomainErrorCode.REMINDER_NOT_DUE);
        expect(error.message).toContain('27/10/2019 à 09:00 (Europe/Paris)');
      });

      it('records nothing the second time it is issued', () => {
        const sent = after(historyIn('OPEN'), issue('reunion-j-2', 'meeting'), meetingReminderAt);
        expect(campaignOf(sent).issuedReminders).toEqual(['reunion-j-2:meeting']);
        given(sent)
          .when(issue('reunion-j-2', 'meeting'), { at: '2019-10-27T08:05:00.000Z' })
          .then([]);
      });

      it('concerns no one once the meeting has started', () => {
        given(historyIn('OPEN'))
          .when(issue('reunion-j-2', 'meeting'), { at: MEETING_STARTS_AT })
          .then(DomainErrorCode.REMINDER_NOT_APPLICABLE);
      });

      it('concerns no one once the campaign is cancelled', () => {
        given(historyIn('CANCELLED'))
          .when(issue('reunion-j-2', 'meeting'), { at: meetingReminderAt })
          .then(DomainErrorCode.REMINDER_NOT_APPLICABLE);
      });

      it('refuses an occurrence the rule does not have', () => {
        given(historyIn('OPEN'))
          .when(issue('reunion-j-2', 'opening'), { at: meetingReminderAt })
          .then(DomainErrorCode.REMINDER_NOT_APPLICABLE);
      });
    });

    describe('operator digest, every day at 08:30 in Paris', () => {
      it('is issued for the local date, at 08:30 Paris time', () => {
        const at = '2019-10-28T07:30:00.000Z'; // 08:30 in winter time
        given(historyIn('OPEN'))
          .when(issue('synthese-quotidienne', '2019-10-28'), { at: at })
          .then([
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
          given(historyIn('OPEN'))
            .when(issue('synthese-quotidienne', '2019-10-10'), { at: at })
            .events(),
        ).toHaveLength(1);
      });

      it("takes today's date in Paris, not in UTC", () => {
        const halfPastMidnightInParis = '2019-10-27T23:30:00.000Z';
        const state = historyIn('OPEN');
        given(state)
          .when(issue('synthese-quotidienne', '2019-10-28'), { at: halfPastMidnightInParis })
          .then(DomainErrorCode.REMINDER_NOT_DUE);
        given(state)
          .when(issue('synthese-quotidienne', '2019-10-27'), { at: halfPastMidnightInParis })
          .then(DomainErrorCode.REMINDER_NOT_APPLICABLE);
      });

      it('is not due one second before 08:30', () => {
        given(historyIn('OPEN'))
          .when(issue('synthese-quotidienne', '2019-10-28'), { at: '2019-10-28T07:29:59.000Z' })
          .then(DomainErrorCode.REMINDER_NOT_DUE);
      });

      it('records nothing when issued twice the same day', () => {
        const sent = after(
          historyIn('SCREENING'),
          issue('synthese-quotidienne', '2019-11-20'),
          '2019-11-20T07:30:00.000Z',
        );
        given(sent)
          .when(issue('synthese-quotidienne', '2019-11-20'), { at: '2019-11-20T09:00:00.000Z' })
          .then([]);
      });

      it.each<CampaignPhase>(['DRAFT', 'SCHEDULED', 'CLOSED', 'CANCELLED'])(
        'concerns no one in phase %s',
        (phase) => {
          given(historyIn(phase))
            .when(issue('synthese-quotidienne', '2019-10-28'), { at: '2019-10-28T07:30:00.000Z' })
            .then(DomainErrorCode.REMINDER_NOT_APPLICABLE);
        },
      );
    });

    it('leaves the reminders about one dossier to the dossier', () => {
      given(historyIn('OPEN'))
        .when(issue('depot-j-7', 'deadline'), { at: '2019-11-08T08:00:00.000Z' })
        .then(DomainErrorCode.REMINDER_NOT_APPLICABLE);
    });

    it('refuses a rule the campaign does not have', () => {
      const error = given(historyIn('OPEN'))
        .when(issue('relance-inconnue', 'opening'), { at: DURING_OPENING })
        .refusal();
      expect(error.code).toBe(DomainErrorCode.UNKNOWN_REMINDER);
      expect(error.message).toContain('relance-inconnue');
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
      expect(
        pendingCampaignReminders(campaignOf(historyIn('DRAFT')), new Date(CREATED_AT)),
      ).toEqual([]);
    });

    it('lists the invitation and the meeting reminder of a scheduled campaign, soonest first', () => {
      expect(
        pendingCampaignReminders(campaignOf(historyIn('SCHEDULED')), new Date(PUBLISHED_AT)),
      ).toEqual([invitation, meetingReminder]);
    });

    it("lists today's digest once open, and leaves out what has been issued", () => {
      const sent = after(
        historyIn('OPEN'),
        issue('invitation-ouverture', 'opening'),
        calendar.opensAt,
      );
      const sevenInParis = '2019-10-20T05:00:00.000Z';
      expect(pendingCampaignReminders(campaignOf(sent), new Date(sevenInParis))).toEqual([
        digest('2019-10-20', '2019-10-20T06:30:00.000Z'),
        meetingReminder,
      ]);
    });

    it("lists tomorrow's digest once today's is issued", () => {
      const sent = after(
        historyIn('SCREENING'),
        issue('synthese-quotidienne', '2019-11-20'),
        '2019-11-20T07:30:00.000Z',
      );
      expect(
        pendingCampaignReminders(campaignOf(sent), new Date('2019-11-20T10:00:00.000Z')),
      ).toEqual([digest('2019-11-21', '2019-11-21T07:30:00.000Z')]);
    });

    it('drops the meeting reminder once the meeting has started, even if never issued', () => {
      const reminders = pendingCampaignReminders(
        campaignOf(historyIn('OPEN')),
        new Date(MEETING_STARTS_AT),
      );
      expect(reminders.map((due) => due.ruleId)).toEqual([
        'invitation-ouverture',
        'synthese-quotidienne',
      ]);
    });

    it.each<CampaignPhase>(['CLOSED', 'CANCELLED'])('lists nothing in phase %s', (phase) => {
      expect(
        pendingCampaignReminders(campaignOf(historyIn(phase)), new Date(DURING_OPENING)),
      ).toEqual([]);
    });

    it('lists nothing about the meeting for a campaign without one', () => {
      const reminders = pendingCampaignReminders(
        campaignOf(historyIn('SCHEDULED', withoutMeeting)),
        new Date(PUBLISHED_AT),
      );
      expect(reminders).toEqual([invitation]);
    });
  });

  describe('campaignReminderRelevance, asked again when the mail goes out', () => {
    const meetingReminder = { ruleId: 'reunion-j-2', occurrence: 'meeting' };
    const registeredTwice = () =>
      after(
        after(historyIn('OPEN'), register('cnp-radiologie'), DURING_OPENING),
        register('cnp-cardiologie'),
        DURING_OPENING,
      );

    it('keeps the meeting reminder for an organisation still confirmed, until the meeting begins', () => {
      const campaign = registeredTwice();
      const at = secondsBefore(MEETING_STARTS_AT);
      expect(
        campaignReminderRelevance(
          campaignOf(campaign),
          meetingReminder,
          'cnp-radiologie',
          new Date(at),
        ),
      ).toEqual({ concerned: true });
      expect(
        campaignReminderRelevance(
          campaignOf(campaign),
          meetingReminder,
          'cnp-radiologie',
          new Date(MEETING_STARTS_AT),
        ),
      ).toEqual(expect.objectContaining({ concerned: false, reason: 'LAPSED' }));
    });

    it('drops the meeting reminder to a registration cancelled meanwhile, not to the others', () => {
      const campaign = after(
        registeredTwice(),
        cancelRegistration('cnp-radiologie'),
        DURING_OPENING,
      );
      const now = new Date(secondsBefore(MEETING_STARTS_AT, 60));
      expect(
        campaignReminderRelevance(campaignOf(campaign), meetingReminder, 'cnp-radiologie', now),
      ).toEqual(expect.objectContaining({ concerned: false, reason: 'NOT_APPLICABLE' }));
      expect(
        campaignReminderRelevance(campaignOf(campaign), meetingReminder, 'cnp-cardiologie', now),
      ).toEqual({
        concerned: true,
      });
    });

    it('drops the invitation once submissions are closed', () => {
      const invitation = { ruleId: rule('invitation-ouverture').id, occurrence: 'opening' };
      expect(
        campaignReminderRelevance(
          campaignOf(historyIn('SUBMISSIONS_CLOSED')),
          invitation,
          'cnp-radiologie',
          new Date(SCREENING_AT),
        ),
      ).toEqual(expect.objectContaining({ concerned: false }));
    });
  });
});
