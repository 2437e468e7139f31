import {
  CampaignCommand,
  CampaignState,
  decideCampaign,
  decideDossier,
  DossierCommand,
  DossierState,
  dossierTermsOf,
  evolveCampaign,
  evolveDossier,
  initialCampaignState,
  initialDossierState,
  isCampaign,
  isDossier,
  referenceCampaign,
} from '@amiflow/domain';
import { renderDossierEvent } from './dossier-event-mails';

const admin = { id: 'admin', role: 'admin' } as const;
// The reference deadline: 15 November 2019, 00:00 in Paris (14 November, 23:00 UTC).
const DEADLINE = '2019-11-14T23:00:00.000Z';

function referenceCampaignAndDraft() {
  const { campaignId, definition } = referenceCampaign;
  let campaign: CampaignState = initialCampaignState;
  for (const [command, at] of [
    [{ type: 'CreateCampaign', campaignId, definition, actor: admin }, '2019-10-01T08:00:00Z'],
    [{ type: 'PublishCampaign', actor: admin }, '2019-10-02T08:00:00Z'],
  ] as [CampaignCommand, string][]) {
    campaign = decideCampaign(command, campaign, new Date(at)).reduce(evolveCampaign, campaign);
  }
  if (!isCampaign(campaign)) throw new Error('no campaign');
  const published = campaign;
  let dossier: DossierState = initialDossierState;
  const run = (command: DossierCommand, at: string) => {
    dossier = decideDossier(command, dossier, new Date(at)).reduce(evolveDossier, dossier);
    if (!isDossier(dossier)) throw new Error('no dossier');
    return dossier;
  };
  const draft = run(
    {
      type: 'CreateDossierDraft',
      campaignId,
      organisationId: 'cnp-radiologie',
      organisationName: 'CNP de radiologie',
      organisationType: 'CNP',
      terms: dossierTermsOf(published),
    },
    '2019-10-10T08:00:00Z',
  );
  return { campaign: published, draft, run };
}

const moved = (submissionDeadline: string, previousSubmissionDeadline = DEADLINE) => ({
  type: 'DossierCalendarUpdated' as const,
  data: {
    submissionDeadline,
    consultationsStartAt: '2019-11-30T23:00:00.000Z',
    updatedAt: '2019-11-10T08:00:00.000Z',
    previousSubmissionDeadline,
  },
});

describe('the mail announcing a moved submission deadline', () => {
  const { campaign, draft, run } = referenceCampaignAndDraft();

  it('tells a draft the new deadline and the old one, in Paris time', () => {
    // A week later: 22 November 2019, 00:00 in Paris.
    const mail = renderDossierEvent(
      moved('2019-11-21T23:00:00.000Z'),
      campaign,
      draft,
      draft.organisationName,
    );
    expect(mail?.subject).toBe(
      `Date limite de dépôt reportée : ${referenceCampaign.definition.title}`,
    );
    // Midnight deadlines as the announcement writes them, not « le 22/11/2019 à 00:00 ».
    expect(mail?.text).toContain(
      'La date limite de dépôt des dossiers est reportée. ' +
        'Nouvelle échéance : avant le 22 novembre 2019 (heure de Paris). ' +
        'Échéance précédente : avant le 15 novembre 2019 (heure de Paris).',
    );
    expect(mail?.text).not.toContain('00:00');
    expect(mail?.text).toContain(
      "vous pouvez le compléter et le déposer d'ici la nouvelle échéance",
    );
  });

  it('tells a submitted dossier, which may still be amended, that the deadline comes sooner', () => {
    const submitted = run({ type: 'SubmitDossier' }, '2019-11-01T08:00:00Z');
    const mail = renderDossierEvent(
      moved('2019-11-12T11:00:00.000Z'),
      campaign,
      submitted,
      submitted.organisationName,
    );
    expect(mail?.subject).toMatch(/^Date limite de dépôt avancée : /);
    expect(mail?.text).toContain(
      'Nouvelle échéance : avant le 12 novembre 2019 à 12 h 00 (heure de Paris).',
    );
    expect(mail?.text).toContain("vous pouvez encore le modifier d'ici la nouvelle échéance");
  });

  it('says nothing when the deadline did not move (only the consultations did)', () => {
    expect(
      renderDossierEvent(moved(DEADLINE), campaign, draft, draft.organisationName),
    ).toBeUndefined();
  });
});
