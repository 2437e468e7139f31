// Over 300 lines on purpose: the campaign's whole clock, one rule per case, in one place.
import fc from 'fast-check';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { Actor } from '../shared/actor';
import { CampaignAnnouncement, campaignAnnouncementOf } from './campaign.announcements';
import { CampaignCommand } from './campaign.commands';
import { decideCampaign, evolveCampaign } from './campaign.decider';
import { CampaignEvent } from './campaign.events';
import { campaignWorkDue, nextCampaignWakeUp, nextPhaseInstant } from './campaign.schedule';
import { Campaign, CampaignState, initialCampaignState, isCampaign } from './campaign.state';

// What falls due on a campaign by the passing of time, on the reference campaign (2019, Paris):
// it opens 9 Oct 00:00 (8 Oct 22:00 UTC, summer time); its meeting is on 29 Oct 13:45 (12:45 UTC,
// after the change of time on 27 Oct); submissions close « avant le 15 novembre » (14 Nov
// 23:00 UTC); consultations start 1 Dec 00:00 (30 Nov 23:00 UTC). Reminders: the invitation at
// the opening, the meeting's two days before at 09:00, the operators' digest daily at 08:30.
const admin: Actor = { id: 'admin-1', role: 'admin' };
const OPENS_AT = '2019-10-08T22:00:00.000Z';
const DEADLINE = '2019-11-14T23:00:00.000Z';
const CONSULTATIONS_START_AT = '2019-11-30T23:00:00.000Z';

type Step = readonly [command: CampaignCommand, at: string];

/** The campaign these commands, each decided at its instant, leave. */
function given(...steps: Step[]): Campaign {
  const state = steps.reduce<CampaignState>(
    (past, [command, at]) =>
      decideCampaign(command, past, new Date(at)).reduce(evolveCampaign, past),
    initialCampaignState,
  );
  if (!isCampaign(state)) throw new Error('No campaign after these steps.');
  return state;
}

const create: Step = [
  {
    type: 'CreateCampaign',
    campaignId: referenceCampaign.campaignId,
    definition: referenceCampaign.definition,
    actor: admin,
  },
  '2019-10-01T08:00:00.000Z',
];
const publish: Step = [{ type: 'PublishCampaign', actor: admin }, '2019-10-02T08:00:00.000Z'];
const open: Step = [{ type: 'OpenCampaign' }, OPENS_AT];
const invited: Step = [
  { type: 'IssueCampaignReminder', ruleId: 'invitation-ouverture', occurrence: 'opening' },
  OPENS_AT,
];
const digestOf = (day: string, at: string): Step => [
  { type: 'IssueCampaignReminder', ruleId: 'synthese-quotidienne', occurrence: day },
  at,
];
const register = (organisationId: string): Step => [
  { type: 'RegisterForMeeting', organisationId, organisationName: `CNP ${organisationId}` },
  '2019-10-15T08:00:00.000Z',
];
const closeSubmissions: Step = [{ type: 'CloseSubmissions' }, DEADLINE];
const startScreening: Step = [{ type: 'StartScreening' }, DEADLINE];
const startConsultations: Step = [{ type: 'StartConsultations' }, CONSULTATIONS_START_AT];

/** A campaign's story: opened with its invitation sent, then up to its screening. */
const opening = [create, publish, open, invited];
const toScreening = [...opening, closeSubmissions, startScreening];
const at = (iso: string) => new Date(iso);
const shifted = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);
const phaseChanges = (campaign: Campaign, now: Date) =>
  campaignWorkDue(campaign, now).phaseChanges.map((command) => command.type);
const reminders = (campaign: Campaign, now: Date) =>
  campaignWorkDue(campaign, now).reminders.map(({ reminder, recipients }) => [
    reminder.ruleId,
    reminder.dueAt,
    recipients,
  ]);

describe('the campaign’s phase changes', () => {
  const scheduled = given(create, publish);

  it('given a scheduled campaign, one millisecond before its opening, then nothing is due and it wakes at the opening', () => {
    expect(campaignWorkDue(scheduled, shifted(OPENS_AT, -1))).toEqual({
      phaseChanges: [],
      reminders: [],
    });
    expect(nextCampaignWakeUp(scheduled, shifted(OPENS_AT, -1))).toBe(OPENS_AT);
  });

  it('given a scheduled campaign, at its opening to the millisecond, then it opens and the invitation goes to the directory’s eligible organisations, both at once', () => {
    expect(campaignWorkDue(scheduled, at(OPENS_AT))).toEqual({
      phaseChanges: [{ type: 'OpenCampaign' }],
      reminders: [
        {
          reminder: {
            ruleId: 'invitation-ouverture',
            kind: 'CAMPAIGN_INVITATION',
            occurrence: 'opening',
            dueAt: OPENS_AT,
          },
          recipients: ['audience:directory-eligible'],
        },
      ],
    });
  });

  it('given an open campaign, then its submissions close at the deadline to the millisecond, not before', () => {
    const opened = given(create, publish, open, invited);
    expect(phaseChanges(opened, shifted(DEADLINE, -1))).toEqual([]);
    expect(phaseChanges(opened, at(DEADLINE))).toEqual(['CloseSubmissions']);
  });

  it('given its submissions closed, then the screening starts at once', () => {
    const closed = given(...opening, closeSubmissions);
    expect(phaseChanges(closed, at(DEADLINE))).toEqual(['StartScreening']);
  });

  it('given the screening under way, then the consultations start at their date, not before', () => {
    const screening = given(...opening, closeSubmissions, startScreening);
    expect(phaseChanges(screening, shifted(CONSULTATIONS_START_AT, -1))).toEqual([]);
    expect(phaseChanges(screening, at(CONSULTATIONS_START_AT))).toEqual(['StartConsultations']);
  });

  it('given the consultations started, then no phase ends by itself', () => {
    const consulting = given(...toScreening, startConsultations);
    expect(nextPhaseInstant(consulting)).toBeUndefined();
    expect(phaseChanges(consulting, at('2020-06-01T00:00:00.000Z'))).toEqual([]);
  });

  it.each([
    ['a draft', given(create), undefined],
    ['a scheduled campaign', given(create, publish), OPENS_AT],
    ['an open campaign', given(create, publish, open), DEADLINE],
    [
      'a campaign in screening',
      given(create, publish, open, closeSubmissions, startScreening),
      CONSULTATIONS_START_AT,
    ],
  ])('given %s, then its phase ends by itself at %s', (_, campaign, end) => {
    expect(nextPhaseInstant(campaign)).toBe(end);
  });
});

describe('the campaign’s reminders', () => {
  const opened = given(...opening, register('cnp-a'), register('cnp-b'));

  it('given an open campaign with its digest of the day sent, then it wakes for tomorrow’s digest, 08:30 Paris winter time, just after the change of time', () => {
    const digested = given(
      ...opening,
      register('cnp-a'),
      digestOf('2019-10-26', '2019-10-26T06:30:00.000Z'),
    );
    // 26 Oct, summer time: 08:30 = 06:30 UTC; 27 Oct, winter time: 08:30 = 07:30 UTC.
    expect(nextCampaignWakeUp(digested, at('2019-10-26T12:00:00.000Z'))).toBe(
      '2019-10-27T07:30:00.000Z',
    );
  });

  it('given registrations for the meeting, two days before it at 09:00 Paris (winter time since that morning), then its reminder goes to the confirmed registrants, with the day’s digest', () => {
    const digested = given(
      ...opening,
      register('cnp-a'),
      register('cnp-b'),
      digestOf('2019-10-26', '2019-10-26T06:30:00.000Z'),
    );
    const now = at('2019-10-27T08:00:00.000Z');
    expect(reminders(digested, now)).toEqual([
      ['synthese-quotidienne', '2019-10-27T07:30:00.000Z', ['audience:operators']],
      ['reunion-j-2', '2019-10-27T08:00:00.000Z', ['cnp-a', 'cnp-b']],
    ]);
    expect(reminders(digested, shifted('2019-10-27T08:00:00.000Z', -1))).toEqual([
      ['synthese-quotidienne', '2019-10-27T07:30:00.000Z', ['audience:operators']],
    ]);
  });

  it('given a registration cancelled, then the meeting’s reminder goes to those still confirmed', () => {
    const cancelled = given(...opening, register('cnp-a'), register('cnp-b'), [
      { type: 'CancelMeetingRegistration', organisationId: 'cnp-a' },
      '2019-10-20T08:00:00.000Z',
    ]);
    const meetingReminder = campaignWorkDue(
      cancelled,
      at('2019-10-27T08:00:00.000Z'),
    ).reminders.find(({ reminder }) => reminder.kind === 'MEETING_REMINDER');
    expect(meetingReminder?.recipients).toEqual(['cnp-b']);
  });

  it('given the meeting moved a week later, then its reminder and the wake-up move with it', () => {
    const moved = given(...opening, register('cnp-a'), [
      {
        type: 'ChangeCampaignCalendar',
        changes: {
          meetingRegistrationDeadline: '2019-11-05T12:45:00.000Z',
          meetingStartsAt: '2019-11-05T12:45:00.000Z',
          meetingEndsAt: '2019-11-05T15:00:00.000Z',
        },
        reason: 'Salle indisponible',
        actor: admin,
      },
      '2019-10-20T08:00:00.000Z',
    ]);
    expect(
      reminders(moved, at('2019-10-27T08:00:00.000Z')).filter(([id]) => id === 'reunion-j-2'),
    ).toEqual([]);
    expect(
      reminders(moved, at('2019-11-03T08:00:00.000Z')).filter(([id]) => id === 'reunion-j-2'),
    ).toEqual([['reunion-j-2', '2019-11-03T08:00:00.000Z', ['cnp-a']]]);
  });

  it('given the deadline moved a week later, then the submissions close at the new one, not the old', () => {
    const moved = given(...opening, [
      {
        type: 'ChangeCampaignCalendar',
        changes: { submissionDeadline: '2019-11-21T23:00:00.000Z' },
        reason: 'Délai supplémentaire',
        actor: admin,
      },
      '2019-11-01T08:00:00.000Z',
    ]);
    expect(phaseChanges(moved, at(DEADLINE))).toEqual([]);
    expect(nextPhaseInstant(moved)).toBe('2019-11-21T23:00:00.000Z');
    expect(phaseChanges(moved, at('2019-11-21T23:00:00.000Z'))).toEqual(['CloseSubmissions']);
  });

  it('given an open campaign on a quiet afternoon, then nothing is due', () => {
    const digested = given(...opening, digestOf('2019-10-10', '2019-10-10T06:30:00.000Z'));
    expect(campaignWorkDue(digested, at('2019-10-10T15:00:00.000Z'))).toEqual({
      phaseChanges: [],
      reminders: [],
    });
    expect(nextCampaignWakeUp(digested, at('2019-10-10T15:00:00.000Z'))).toBe(
      '2019-10-11T06:30:00.000Z',
    );
  });

  it('given opened, then the meeting’s reminder names every confirmed registrant', () => {
    expect(
      campaignWorkDue(opened, at('2019-10-27T08:00:00.000Z')).reminders.find(
        ({ reminder }) => reminder.ruleId === 'reunion-j-2',
      )?.recipients,
    ).toEqual(['cnp-a', 'cnp-b']);
  });
});

describe('the end of a campaign’s clock', () => {
  it.each([
    [
      'closed after its consultations',
      given(...toScreening, startConsultations, [
        { type: 'CloseCampaign', actor: admin },
        '2019-12-20T08:00:00.000Z',
      ]),
    ],
    [
      'cancelled while open',
      given(...opening, [
        { type: 'CancelCampaign', reason: 'Crédits annulés', actor: admin },
        '2019-11-01T08:00:00.000Z',
      ]),
    ],
  ])('given a campaign %s, then nothing falls due any more and nothing wakes it', (_, ended) => {
    expect(campaignWorkDue(ended, at('2020-01-15T00:00:00.000Z'))).toEqual({
      phaseChanges: [],
      reminders: [],
    });
    expect(nextCampaignWakeUp(ended, at('2019-12-20T08:00:00.000Z'))).toBeUndefined();
  });
});

describe('what the campaign announces to its dossiers', () => {
  it('announces a moved calendar with the two dates the dossiers hold', () => {
    const [changed] = decideCampaign(
      {
        type: 'ChangeCampaignCalendar',
        changes: { submissionDeadline: '2019-11-21T23:00:00.000Z' },
        reason: 'Délai supplémentaire',
        actor: admin,
      },
      given(create, publish, open),
      new Date('2019-11-01T08:00:00.000Z'),
    );
    expect(campaignAnnouncementOf(changed)).toEqual({
      kind: 'calendarChanged',
      calendar: {
        submissionDeadline: '2019-11-21T23:00:00.000Z',
        consultationsStartAt: CONSULTATIONS_START_AT,
      },
    });
  });

  it.each<[string, CampaignEvent, CampaignAnnouncement]>([
    [
      'a changed evaluation grid, without the grid: each dossier reads the one in force',
      {
        type: 'EvaluationGridChanged',
        data: { evaluationGrid: null, by: admin, changedAt: OPENS_AT },
      },
      { kind: 'evaluationGridChanged' },
    ],
    [
      'the close of submissions',
      { type: 'CampaignSubmissionsClosed', data: { closedAt: DEADLINE } },
      { kind: 'submissionsClosed' },
    ],
    [
      'a cancellation, with its reason',
      {
        type: 'CampaignCancelled',
        data: { cancelledAt: DEADLINE, reason: 'Crédits annulés', by: admin },
      },
      { kind: 'campaignCancelled', cancellation: { reason: 'Crédits annulés' } },
    ],
    [
      'the end',
      { type: 'CampaignClosed', data: { closedAt: DEADLINE, by: admin } },
      { kind: 'campaignClosed' },
    ],
  ])('announces %s', (_, campaignEvent, announcement) => {
    expect(campaignAnnouncementOf(campaignEvent)).toEqual(announcement);
  });

  it.each<CampaignEvent>([
    { type: 'CampaignOpened', data: { openedAt: OPENS_AT } },
    { type: 'CampaignScreeningStarted', data: { startedAt: DEADLINE } },
    { type: 'CampaignConsultationsStarted', data: { startedAt: CONSULTATIONS_START_AT } },
  ])('announces nothing of $type', (campaignEvent) => {
    expect(campaignAnnouncementOf(campaignEvent)).toBeUndefined();
  });
});

describe('the wake-up and what is due agree', () => {
  // Whatever the instant: nothing new falls due before the next wake-up, and something does at
  // it. (The digest is owed every day: each day's, once its time has passed, stays due until
  // issued, so the instants are taken within one day of the state's last step.)
  const campaigns: [string, Campaign, string][] = [
    ['a scheduled campaign', given(create, publish), '2019-10-02T08:00:00.000Z'],
    [
      'an open campaign with registrants',
      given(...opening, register('cnp-a'), digestOf('2019-10-26', '2019-10-26T06:30:00.000Z')),
      '2019-10-26T06:30:00.000Z',
    ],
    [
      'a campaign in screening',
      given(...toScreening, digestOf('2019-11-29', '2019-11-29T07:30:00.000Z')),
      '2019-11-29T07:30:00.000Z',
    ],
  ];
  const dueAt = (campaign: Campaign, ms: number) => {
    const due = campaignWorkDue(campaign, new Date(ms));
    return {
      phaseChanges: due.phaseChanges,
      reminders: due.reminders.map(({ reminder }) => `${reminder.ruleId}/${reminder.occurrence}`),
    };
  };

  it.each(campaigns)(
    'given %s, at any instant of the day after its last step',
    (_, campaign, last) => {
      const from = Date.parse(last);
      fc.assert(
        fc.property(fc.integer({ min: from, max: from + 86_400_000 }), (now) => {
          const next = nextCampaignWakeUp(campaign, new Date(now));
          if (next === undefined) return;
          const wake = Date.parse(next);
          expect(wake).toBeGreaterThan(now);
          expect(dueAt(campaign, wake - 1)).toEqual(dueAt(campaign, now));
          expect(dueAt(campaign, wake)).not.toEqual(dueAt(campaign, now));
        }),
        { numRuns: 300 },
      );
    },
  );
});
