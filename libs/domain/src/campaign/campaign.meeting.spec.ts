import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { Actor } from '../shared/actor';
import { CampaignCalendar, CampaignDefinition } from './campaign-definition';
import { CampaignCommand } from './campaign.commands';
import { decideCampaign, evolveCampaign } from './campaign.decider';
import {
  confirmedRegistrations,
  meetingChangeOf,
  meetingMoved,
  meetingMovesOf,
} from './campaign.meeting';
import { CampaignEvent } from './campaign.events';
import { Campaign, CampaignState, initialCampaignState, isCampaign } from './campaign.state';

const admin: Actor = { id: 'admin-dns', role: 'admin' };
const { campaignId, definition } = referenceCampaign;

// The meeting first announced on Thursday 24 October 2019, 14:00-16:00 in Paris (summer time,
// UTC+2), then moved to Tuesday 29 October, 13:45-16:00 (winter time, UTC+1), as it was.
const FIRST_MEETING = {
  meetingRegistrationDeadline: '2019-10-24T12:00:00.000Z',
  meetingStartsAt: '2019-10-24T12:00:00.000Z',
  meetingEndsAt: '2019-10-24T14:00:00.000Z',
};
const MOVED_MEETING = {
  meetingRegistrationDeadline: '2019-10-29T12:45:00.000Z',
  meetingStartsAt: '2019-10-29T12:45:00.000Z',
  meetingEndsAt: '2019-10-29T15:00:00.000Z',
};
const firstDefinition: CampaignDefinition = {
  ...definition,
  calendar: { ...definition.calendar, ...FIRST_MEETING },
};
const DURING_OPENING = '2019-10-20T08:00:00.000Z';

/** Decides each command at its instant and folds its events; returns the state and the events. */
function play(
  steps: readonly [CampaignCommand, string][],
  state: CampaignState = initialCampaignState,
): { campaign: Campaign; events: CampaignEvent[] } {
  let events: CampaignEvent[] = [];
  for (const [command, at] of steps) {
    events = decideCampaign(command, state, new Date(at));
    state = events.reduce(evolveCampaign, state);
  }
  if (!isCampaign(state)) throw new Error('expected a campaign');
  return { campaign: state, events };
}

const opened = (campaign: CampaignDefinition = firstDefinition) =>
  play([
    [
      { type: 'CreateCampaign', campaignId, definition: campaign, actor: admin },
      '2019-10-01T08:00:00Z',
    ],
    [{ type: 'PublishCampaign', actor: admin }, '2019-10-02T08:00:00Z'],
    [{ type: 'OpenCampaign' }, '2019-10-08T22:00:00Z'],
    [
      { type: 'RegisterForMeeting', organisationId: 'cnp-radiologie', organisationName: 'CNP' },
      '2019-10-10T08:00:00Z',
    ],
  ]).campaign;

const change = (changes: Partial<CampaignCalendar>, reason = 'Salle indisponible') =>
  ({ type: 'ChangeCampaignCalendar', changes, reason, actor: admin }) as const;
const cancel = { type: 'CancelCampaign', reason: 'Crédits annulés', actor: admin } as const;

describe('the information meeting: its moves, counted from the campaign events', () => {
  it('has not moved when the campaign is created, nor when another date moves', () => {
    const campaign = opened();
    expect(meetingMovesOf(campaign)).toBe(0);
    const extended = play(
      [[change({ submissionDeadline: '2019-11-21T23:00:00.000Z' }), DURING_OPENING]],
      campaign,
    ).campaign;
    expect(meetingMovesOf(extended)).toBe(0);
    // The snapshot of a campaign whose meeting never moved is the same as before moves were counted.
    expect(extended).not.toHaveProperty('meetingMoves');
  });

  it('counts each move of its start or its end, and only those', () => {
    const first = play([[change(MOVED_MEETING), DURING_OPENING]], opened()).campaign;
    expect(meetingMovesOf(first)).toBe(1);
    const longer = play(
      [[change({ meetingEndsAt: '2019-10-29T16:00:00.000Z' }), DURING_OPENING]],
      first,
    ).campaign;
    expect(meetingMovesOf(longer)).toBe(2);
    const registrationsLater = play(
      [[change({ meetingRegistrationDeadline: '2019-10-29T12:00:00.000Z' }), DURING_OPENING]],
      longer,
    ).campaign;
    expect(meetingMovesOf(registrationsLater)).toBe(2);
  });

  it('sees the same instant written another way as no move', () => {
    expect(
      meetingMoved(firstDefinition.calendar, {
        ...firstDefinition.calendar,
        meetingStartsAt: '2019-10-24T12:00:00Z',
      }),
    ).toBe(false);
  });
});

describe('the information meeting: what its registrants are told', () => {
  it('tells of a move with the old and new times, the reason, and the number of moves as sequence', () => {
    const { campaign, events } = play(
      [[change(MOVED_MEETING, 'Salle en travaux'), DURING_OPENING]],
      opened(),
    );
    expect(meetingChangeOf(events[0], campaign)).toEqual({
      kind: 'MOVED',
      sequence: 1,
      previous: { startsAt: '2019-10-24T12:00:00.000Z', endsAt: '2019-10-24T14:00:00.000Z' },
      current: { startsAt: '2019-10-29T12:45:00.000Z', endsAt: '2019-10-29T15:00:00.000Z' },
      reason: 'Salle en travaux',
      at: DURING_OPENING,
    });
    const again = play(
      [[change({ meetingEndsAt: '2019-10-29T16:00:00.000Z' }), '2019-10-21T08:00:00.000Z']],
      campaign,
    );
    expect(meetingChangeOf(again.events[0], again.campaign)).toMatchObject({
      kind: 'MOVED',
      sequence: 2,
    });
  });

  it('tells nothing when the calendar changes but the meeting stays', () => {
    const { campaign, events } = play(
      [[change({ submissionDeadline: '2019-11-21T23:00:00.000Z' }), DURING_OPENING]],
      opened(),
    );
    expect(meetingChangeOf(events[0], campaign)).toBeUndefined();
  });

  it('tells nothing when only the end moves while the meeting is under way', () => {
    const { campaign, events } = play(
      [[change({ meetingEndsAt: '2019-10-24T15:00:00.000Z' }), '2019-10-24T13:00:00.000Z']],
      opened(),
    );
    expect(meetingMovesOf(campaign)).toBe(1);
    expect(meetingChangeOf(events[0], campaign)).toBeUndefined();
  });

  it('calls the meeting off with the campaign, one sequence after the last move', () => {
    const moved = play([[change(MOVED_MEETING), DURING_OPENING]], opened()).campaign;
    const { campaign, events } = play([[cancel, '2019-10-25T08:00:00.000Z']], moved);
    expect(meetingChangeOf(events[0], campaign)).toEqual({
      kind: 'CANCELLED',
      sequence: 2,
      meeting: { startsAt: '2019-10-29T12:45:00.000Z', endsAt: '2019-10-29T15:00:00.000Z' },
      reason: 'Crédits annulés',
      at: '2019-10-25T08:00:00.000Z',
    });
    const never = play([[cancel, DURING_OPENING]], opened());
    expect(meetingChangeOf(never.events[0], never.campaign)).toMatchObject({ sequence: 1 });
  });

  it('calls nothing off once the meeting has taken place', () => {
    const { campaign, events } = play([[cancel, '2019-10-25T08:00:00.000Z']], opened());
    expect(meetingChangeOf(events[0], campaign)).toBeUndefined();
  });

  it('calls nothing off for a campaign without information meeting', () => {
    const withoutMeeting: CampaignDefinition = {
      ...definition,
      meeting: undefined,
      calendar: {
        opensAt: definition.calendar.opensAt,
        submissionDeadline: definition.calendar.submissionDeadline,
        consultationsStartAt: definition.calendar.consultationsStartAt,
      },
      reminders: definition.reminders.filter((rule) => rule.kind !== 'MEETING_REMINDER'),
    };
    const created = play([
      [
        { type: 'CreateCampaign', campaignId, definition: withoutMeeting, actor: admin },
        '2019-10-01T08:00:00Z',
      ],
    ]).campaign;
    const { campaign, events } = play([[cancel, DURING_OPENING]], created);
    expect(meetingChangeOf(events[0], campaign)).toBeUndefined();
  });

  it('concerns the confirmed registrations, not the waiting list', () => {
    const smallRoom: CampaignDefinition = {
      ...firstDefinition,
      meeting: { place: '20, avenue de Ségur, 75007 Paris', capacity: 1 },
    };
    const { campaign } = play(
      [
        [
          { type: 'RegisterForMeeting', organisationId: 'fsm', organisationName: 'FSM' },
          '2019-10-11T08:00:00Z',
        ],
      ],
      opened(smallRoom),
    );
    expect(confirmedRegistrations(campaign).map((r) => r.organisationId)).toEqual([
      'cnp-radiologie',
    ]);
  });

  it('tells the first on the waiting list, moved up by a cancellation, of its seat, with the meeting as it stands', () => {
    const smallRoom: CampaignDefinition = {
      ...firstDefinition,
      meeting: { place: '20, avenue de Ségur, 75007 Paris', capacity: 1 },
    };
    const register = (organisationId: string, at: string): [CampaignCommand, string] => [
      { type: 'RegisterForMeeting', organisationId, organisationName: organisationId },
      at,
    ];
    const full = play(
      [register('fsm', '2019-10-11T08:00:00Z'), register('cnp-mg', '2019-10-11T09:00:00Z')],
      play([[change(MOVED_MEETING), DURING_OPENING]], opened(smallRoom)).campaign,
    ).campaign;
    const { campaign, events } = play(
      [
        [
          { type: 'CancelMeetingRegistration', organisationId: 'cnp-radiologie' },
          '2019-10-21T08:00:00.000Z',
        ],
      ],
      full,
    );
    expect(events.map((event) => meetingChangeOf(event, campaign))).toEqual([
      undefined,
      {
        kind: 'PROMOTED',
        organisationId: 'fsm',
        // The meeting moved once: the promoted organisation gets that version, not an older one.
        sequence: 1,
        meeting: { startsAt: MOVED_MEETING.meetingStartsAt, endsAt: MOVED_MEETING.meetingEndsAt },
        at: '2019-10-21T08:00:00.000Z',
      },
    ]);
  });
});
