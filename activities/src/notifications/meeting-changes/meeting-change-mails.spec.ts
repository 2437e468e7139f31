import {
  Campaign,
  CampaignCommand,
  CampaignEvent,
  CampaignState,
  decideCampaign,
  evolveCampaign,
  initialCampaignState,
  isCampaign,
  MeetingChange,
  meetingChangeOf,
  referenceCampaign,
} from '@amiflow/domain';
import { renderMeetingChange } from './meeting-change-mails';

const admin = { id: 'admin', role: 'admin' } as const;

/** Runs commands on the reference campaign; its meeting first set on 24 October, 14:00 in Paris. */
function referenceCampaignWithMeetingOn24October() {
  const { campaignId, definition } = referenceCampaign;
  let state: CampaignState = initialCampaignState;
  const run = (command: CampaignCommand, at: string) => {
    const events = decideCampaign(command, state, new Date(at));
    state = events.reduce(evolveCampaign, state);
    if (!isCampaign(state)) throw new Error('no campaign');
    return { events, campaign: state };
  };
  run(
    {
      type: 'CreateCampaign',
      campaignId,
      definition: {
        ...definition,
        calendar: {
          ...definition.calendar,
          meetingRegistrationDeadline: '2019-10-24T12:00:00.000Z',
          meetingStartsAt: '2019-10-24T12:00:00.000Z',
          meetingEndsAt: '2019-10-24T14:00:00.000Z',
        },
      },
      actor: admin,
    },
    '2019-10-01T08:00:00Z',
  );
  run({ type: 'PublishCampaign', actor: admin }, '2019-10-02T08:00:00Z');
  return run;
}

function changeOf({ events, campaign }: { events: CampaignEvent[]; campaign: Campaign }) {
  const change = meetingChangeOf(events[0], campaign);
  if (!change) throw new Error('no change to the meeting');
  return { change, campaign };
}

describe('the mails about a moved or cancelled information meeting', () => {
  const run = referenceCampaignWithMeetingOn24October();
  const moved = changeOf(
    run(
      {
        type: 'ChangeCampaignCalendar',
        changes: {
          meetingRegistrationDeadline: '2019-10-29T12:45:00.000Z',
          meetingStartsAt: '2019-10-29T12:45:00.000Z',
          meetingEndsAt: '2019-10-29T15:00:00.000Z',
        },
        reason: 'Salle indisponible le 24 & le 25.',
        actor: admin,
      },
      '2019-10-20T08:00:00Z',
    ),
  );
  const cancelled = changeOf(
    run(
      { type: 'CancelCampaign', reason: 'Crédits annulés.', actor: admin },
      '2019-10-25T08:00:00Z',
    ),
  );

  it('tells of the move with the old time in summer time and the new one in winter time, in Paris', () => {
    const mail = renderMeetingChange(moved.change, moved.campaign, 'CNP de radiologie');
    expect(mail.subject).toBe(
      `Réunion d'information déplacée : ${referenceCampaign.definition.title}`,
    );
    expect(mail.text).toContain('Bonjour CNP de radiologie,');
    expect(mail.text).toContain('prévue le 24/10/2019 à 14:00 (heure de Paris), est déplacée.');
    expect(mail.text).toContain(
      "Elle aura lieu le 29/10/2019 à 13:45 (heure de Paris), jusqu'au 29/10/2019 à 16:00 (heure de Paris), au 20, avenue de Ségur, 75007 Paris.",
    );
    expect(mail.text).toContain('Motif : Salle indisponible le 24 & le 25.');
    expect(mail.html).toContain('Salle indisponible le 24 &amp; le 25.');
    expect(mail.html).not.toContain('24 & le');
  });

  it('tells of the cancellation with the time the meeting was due and the reason', () => {
    const change: MeetingChange = cancelled.change;
    expect(change).toMatchObject({ kind: 'CANCELLED', sequence: 2 });
    const mail = renderMeetingChange(change, cancelled.campaign, 'CNP de radiologie');
    expect(mail.subject).toBe(
      `Réunion d'information annulée : ${referenceCampaign.definition.title}`,
    );
    expect(mail.text).toContain(
      "la réunion d'information prévue le 29/10/2019 à 13:45 (heure de Paris) n'aura pas lieu.",
    );
    expect(mail.text).toContain('Motif : Crédits annulés.');
    expect(mail.text).toContain("L'annulation jointe retire la réunion de votre agenda.");
  });

  it('tells an organisation on the waiting list of the move and of the cancellation, as one that holds no seat', () => {
    const move = renderMeetingChange(moved.change, moved.campaign, 'FSM', 'WAITLISTED');
    expect(move.text).toContain('prévue le 24/10/2019 à 14:00 (heure de Paris), est déplacée.');
    expect(move.text).toContain(
      "Vous restez sur la liste d'attente : nous vous écrirons si une place se libère.",
    );
    expect(move.text).not.toContain('votre inscription est maintenue');
    const cancellation = renderMeetingChange(
      cancelled.change,
      cancelled.campaign,
      'FSM',
      'WAITLISTED',
    );
    expect(cancellation.text).toContain("Votre inscription sur la liste d'attente prend fin.");
    expect(cancellation.text).not.toContain("L'annulation jointe");
  });

  it('tells an organisation moved up from the waiting list that its seat is confirmed, with the meeting as it stands', () => {
    const promoted: MeetingChange = {
      kind: 'PROMOTED',
      organisationId: 'fsm',
      sequence: 1,
      meeting: { startsAt: '2019-10-29T12:45:00.000Z', endsAt: '2019-10-29T15:00:00.000Z' },
      at: '2019-10-21T08:00:00.000Z',
    };
    const mail = renderMeetingChange(promoted, moved.campaign, 'FSM');
    expect(mail.subject).toBe(
      `Place confirmée à la réunion d'information : ${referenceCampaign.definition.title}`,
    );
    expect(mail.text).toContain("Une place s'est libérée");
    expect(mail.text).toContain(
      "Elle aura lieu le 29/10/2019 à 13:45 (heure de Paris), jusqu'au 29/10/2019 à 16:00 (heure de Paris), au 20, avenue de Ségur, 75007 Paris.",
    );
  });
});
