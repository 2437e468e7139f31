import {
  Campaign,
  decideCampaign,
  decideDossier,
  Dossier,
  dossierTermsOf,
  DossierCommand,
  evolveCampaign,
  evolveDossier,
  initialDossierState,
  isCampaign,
  isDossier,
  referenceCampaign,
  REMINDER_KINDS,
  ReminderKind,
} from '@amiflow/domain';
import { DigestItems, digestItems } from './operator-digest';
import { renderReminder } from './reminder-mails';

const admin = { id: 'admin', role: 'admin' } as const;
const operator = { id: 'instructeur-1', role: 'operator' } as const;

function referenceCampaignState(): Campaign {
  const { campaignId, definition } = referenceCampaign;
  const events = decideCampaign(
    { type: 'CreateCampaign', campaignId, definition, actor: admin },
    { phase: 'NONE' },
    new Date('2019-10-01T08:00:00Z'),
  );
  const state = events.reduce(evolveCampaign, { phase: 'NONE' } as const);
  if (!isCampaign(state)) throw new Error('no campaign');
  return state;
}

/** A dossier that went through consultation, with a follow-up and a clarification on the way. */
function dossierOf(campaign: Campaign): Dossier {
  const steps: [DossierCommand, string][] = [
    [
      {
        type: 'CreateDossierDraft',
        campaignId: campaign.campaignId,
        organisationId: 'cnp-radiologie',
        organisationName: 'CNP de radiologie',
        organisationType: 'CNP',
        terms: dossierTermsOf(campaign),
      },
      '2019-10-10T08:00:00Z',
    ],
    [{ type: 'SubmitDossier' }, '2019-11-01T08:00:00Z'],
    [
      {
        type: 'RequestClarification',
        clarificationId: 'q1',
        question: 'Combien de membres avez-vous consultés ?',
        dueAt: '2019-11-08T17:00:00Z',
        actor: operator,
      },
      '2019-11-02T08:00:00Z',
    ],
  ];
  let state = initialDossierState;
  for (const [command, at] of steps) {
    state = decideDossier(command, state, new Date(at)).reduce(evolveDossier, state);
  }
  if (!isDossier(state)) throw new Error('no dossier');
  return state;
}

describe('the French text of every reminder', () => {
  const campaign = referenceCampaignState();
  const dossier = dossierOf(campaign);

  it.each(Object.keys(REMINDER_KINDS) as ReminderKind[])(
    'renders %s with a subject, a text and an HTML body',
    (kind) => {
      const mail = renderReminder({
        kind,
        occurrence: kind === 'CLARIFICATION_REMINDER' ? 'q1' : '2019-11-16',
        campaign,
        dossier,
        recipientName: 'CNP de radiologie',
      });
      expect(mail.subject.length).toBeGreaterThan(10);
      expect(mail.text).toMatch(/^Bonjour CNP de radiologie,/);
      expect(mail.html).toContain('<p>Bonjour CNP de radiologie,</p>');
    },
  );

  it('writes the midnight deadline as the announcement does, « avant le 15 novembre 2019 », never « le 15/11/2019 à 00:00 »', () => {
    for (const [kind, occurrence] of [
      ['DEADLINE_REMINDER', 'deadline'],
      ['CAMPAIGN_INVITATION', 'opening'],
    ] as const) {
      const mail = renderReminder({
        kind,
        occurrence,
        campaign,
        dossier,
        recipientName: 'CNP de radiologie',
      });
      expect(mail.text).toContain('avant le 15 novembre 2019 (heure de Paris)');
      expect(mail.text).not.toContain('15/11/2019 à 00:00');
    }
  });

  it.each([
    [
      'Indian/Reunion',
      'avant le 15 novembre 2019 à 3 h 00 (heure de La Réunion)',
      '(heure de La Réunion)',
    ],
    [
      'Pacific/Noumea',
      'avant le 15 novembre 2019 à 10 h 00 (heure de la Nouvelle-Calédonie)',
      '(heure de la Nouvelle-Calédonie)',
    ],
    [
      'America/Cayenne',
      'avant le 14 novembre 2019 à 20 h 00 (heure de la Guyane française)',
      '(heure de la Guyane française)',
    ],
  ])(
    'names the zone %s in French, in the deadline and every other date',
    (timeZone, words, label) => {
      const elsewhere = { ...campaign, definition: { ...campaign.definition, timeZone } };
      const deadlineMail = renderReminder({
        kind: 'DEADLINE_REMINDER',
        occurrence: 'deadline',
        campaign: elsewhere,
        dossier: { ...dossier, terms: { ...dossier.terms, timeZone } },
        recipientName: 'CNP de radiologie',
      });
      expect(deadlineMail.text).toContain(words);
      const meetingMail = renderReminder({
        kind: 'MEETING_REMINDER',
        occurrence: 'meeting',
        campaign: elsewhere,
        recipientName: 'CNP de radiologie',
      });
      expect(meetingMail.text).toContain(label);
      expect(`${deadlineMail.text}${meetingMail.text}`).not.toMatch(
        /heure de (Reunion|Noumea|Cayenne)/,
      );
    },
  );

  it('shows the meeting at 13:45 Paris time, after the change of time', () => {
    const mail = renderReminder({
      kind: 'MEETING_REMINDER',
      occurrence: 'meeting',
      campaign,
      recipientName: 'CNP de radiologie',
    });
    expect(mail.subject).toContain('29/10/2019 à 13:45');
    expect(mail.text).toContain('20, avenue de Ségur, 75007 Paris');
  });

  it('quotes the clarification question and its due date', () => {
    const mail = renderReminder({
      kind: 'CLARIFICATION_REMINDER',
      occurrence: 'q1',
      campaign,
      dossier,
      recipientName: 'CNP de radiologie',
    });
    expect(mail.text).toContain('« Combien de membres avez-vous consultés ? »');
    expect(mail.text).toContain(
      'Merci de répondre avant le 8 novembre 2019 à 18 h 00 (heure de Paris).',
    );
  });

  it('escapes what it puts in HTML', () => {
    const mail = renderReminder({
      kind: 'CAMPAIGN_INVITATION',
      occurrence: 'opening',
      campaign,
      recipientName: 'Collège <R&D>',
    });
    expect(mail.html).toContain('Collège &lt;R&amp;D&gt;');
  });
});

describe("the operators' daily digest", () => {
  const campaign = referenceCampaignState();
  const dossier = dossierOf(campaign);
  const render = (digest?: DigestItems) =>
    renderReminder({
      kind: 'OPERATOR_DIGEST',
      occurrence: '2019-11-06',
      campaign,
      recipientName: 'les instructeurs',
      digest,
    });

  it('lists what waits on the operators and what is late, with local times', () => {
    const items = digestItems(
      [
        {
          ...dossier,
          status: 'NEEDS_REVIEW',
          eligibility: { decision: 'NEEDS_REVIEW', reasons: [] },
        },
      ],
      new Date('2019-11-06T07:30:00Z'),
      () => false,
      2,
    );
    expect(items).toEqual({
      needsReview: ['CNP de radiologie'],
      overdueFollowUps: [],
      pendingClarifications: [
        { organisation: 'CNP de radiologie', dueAt: '2019-11-08T17:00:00.000Z' },
      ],
      consultationsToday: [],
      failedDeliveries: 2,
    });
    const mail = render(items);
    expect(mail.subject).toMatch(/^Synthèse quotidienne du 06\/11\/2019/);
    expect(mail.text).toContain('Éligibilité à décider (1) :\n- CNP de radiologie');
    expect(mail.text).toContain(
      'réponse attendue avant le 8 novembre 2019 à 18 h 00 (heure de Paris)',
    );
    expect(mail.text).toContain('Notifications non parties (nouvelles tentatives en cours) : 2.');
  });

  it('says so when nothing waits', () => {
    const quiet = digestItems([], new Date('2019-11-06T07:30:00Z'), () => false, 0);
    expect(render(quiet).text).toContain('Rien en attente ni en retard aujourd’hui.');
  });
});
