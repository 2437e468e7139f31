import {
  Campaign,
  CampaignCommand,
  CampaignState,
  decideCampaign,
  evolveCampaign,
  initialCampaignState,
  isCampaign,
  meetingChangeOf,
  MeetingChange,
  referenceCampaign,
} from '@amiflow/domain';
import { currentMeetingInvitation, meetingInvitation } from './meeting-invitation';

const admin = { id: 'admin', role: 'admin' } as const;
const FROM = 'AMI <ne-pas-repondre@amiflow.localhost>';
const ATTENDEE = 'contact@cnp-radiologie.example';

/**
 * The reference campaign with its meeting first set on Thursday 24 October 2019, 14:00-16:00 in
 * Paris (summer time), then moved on the 20th to Tuesday 29 October, 13:45-16:00 (winter time).
 */
function campaignMovedAcrossTheChangeOfTime(): {
  before: Campaign;
  after: Campaign;
  moved: MeetingChange;
} {
  const { campaignId, definition } = referenceCampaign;
  const first = {
    meetingRegistrationDeadline: '2019-10-24T12:00:00.000Z',
    meetingStartsAt: '2019-10-24T12:00:00.000Z',
    meetingEndsAt: '2019-10-24T14:00:00.000Z',
  };
  let state: CampaignState = initialCampaignState;
  const run = (command: CampaignCommand, at: string) => {
    const events = decideCampaign(command, state, new Date(at));
    state = events.reduce(evolveCampaign, state);
    return events;
  };
  run(
    {
      type: 'CreateCampaign',
      campaignId,
      definition: { ...definition, calendar: { ...definition.calendar, ...first } },
      actor: admin,
    },
    '2019-10-01T08:00:00Z',
  );
  run({ type: 'PublishCampaign', actor: admin }, '2019-10-02T08:00:00Z');
  if (!isCampaign(state)) throw new Error('no campaign');
  const before = state;
  const [event] = run(
    {
      type: 'ChangeCampaignCalendar',
      changes: {
        meetingRegistrationDeadline: '2019-10-29T12:45:00.000Z',
        meetingStartsAt: '2019-10-29T12:45:00.000Z',
        meetingEndsAt: '2019-10-29T15:00:00.000Z',
      },
      reason: 'Salle indisponible le 24.',
      actor: admin,
    },
    '2019-10-20T08:00:00Z',
  );
  if (!isCampaign(state)) throw new Error('no campaign');
  const moved = meetingChangeOf(event, state);
  if (!moved) throw new Error('no move');
  return { before, after: state, moved };
}

const lines = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe("the information meeting's calendar entry (.ics)", () => {
  const { before, after, moved } = campaignMovedAcrossTheChangeOfTime();

  it('first invites to 14:00-16:00 in Paris, summer time, as version 0', () => {
    const [attachment] = currentMeetingInvitation(before, ATTENDEE, FROM);
    expect(attachment).toMatchObject({ filename: 'reunion.ics', method: 'REQUEST' });
    expect(lines(attachment.content)).toEqual(
      expect.arrayContaining([
        'METHOD:REQUEST',
        'UID:meeting-ami-sante-ia-2019@amiflow',
        'SEQUENCE:0',
        'DTSTART;TZID=Europe/Paris:20191024T140000',
        'DTEND;TZID=Europe/Paris:20191024T160000',
        'STATUS:CONFIRMED',
      ]),
    );
  });

  it('updates the same entry to 13:45-16:00 in Paris, winter time, as version 1', () => {
    if (moved.kind !== 'MOVED') throw new Error('expected a move');
    const [attachment] = meetingInvitation(
      after,
      { times: moved.current, sequence: moved.sequence, method: 'REQUEST' },
      ATTENDEE,
      FROM,
    );
    expect(lines(attachment.content)).toEqual(
      expect.arrayContaining([
        'METHOD:REQUEST',
        'UID:meeting-ami-sante-ia-2019@amiflow',
        'SEQUENCE:1',
        'DTSTART;TZID=Europe/Paris:20191029T134500',
        'DTEND;TZID=Europe/Paris:20191029T160000',
        'STATUS:CONFIRMED',
        `ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=TRUE:MAILTO:${ATTENDEE}`,
        `ORGANIZER;CN="Appel à manifestation d'intérêt":mailto:ne-pas-repondre@amiflow.localhost`,
      ]),
    );
  });

  it("gives the meeting reminder's invitation the current version, so it does not undo the update", () => {
    const [attachment] = currentMeetingInvitation(after, ATTENDEE, FROM);
    expect(lines(attachment.content)).toEqual(
      expect.arrayContaining([
        'SEQUENCE:1',
        'DTSTART;TZID=Europe/Paris:20191029T134500',
        'DTEND;TZID=Europe/Paris:20191029T160000',
      ]),
    );
  });

  it('calls the same entry off with CANCEL, STATUS:CANCELLED and the next version', () => {
    if (moved.kind !== 'MOVED') throw new Error('expected a move');
    const [attachment] = meetingInvitation(
      after,
      { times: moved.current, sequence: moved.sequence + 1, method: 'CANCEL' },
      ATTENDEE,
      FROM,
    );
    expect(attachment).toMatchObject({ filename: 'annulation-reunion.ics', method: 'CANCEL' });
    expect(lines(attachment.content)).toEqual(
      expect.arrayContaining([
        'METHOD:CANCEL',
        'UID:meeting-ami-sante-ia-2019@amiflow',
        'SEQUENCE:2',
        'STATUS:CANCELLED',
        'DTSTART;TZID=Europe/Paris:20191029T134500',
      ]),
    );
  });

  it('attaches nothing for a campaign without information meeting', () => {
    const withoutMeeting = { ...after, definition: { ...after.definition, meeting: undefined } };
    expect(currentMeetingInvitation(withoutMeeting, ATTENDEE, FROM)).toEqual([]);
  });
});
