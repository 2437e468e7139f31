import { validateCampaignDefinition } from '../campaign/campaign-definition.validation';
import { decideCampaign, evolveCampaign } from '../campaign/campaign.decider';
import { initialCampaignState } from '../campaign/campaign.state';
import { decideDossier } from '../dossier/dossier.decider';
import { initialDossierState } from '../dossier/dossier.state';
import { referenceCampaign } from '../reference-campaign/reference-campaign';
import { Actor } from '../shared/actor';
import { DomainError } from './domain-error';
import { isDomainErrorCode } from './domain-error-code';
import { refusals } from './refusals';

const admin: Actor = { id: 'admin-dns', role: 'admin' };
const { campaignId, definition } = referenceCampaign;
/** Before the reference campaign opens: every date may still move. */
const BEFORE_OPENING = '2019-10-01T08:00:00.000Z';
/** Earlier than the meeting: a deadline there breaks the calendar's order. */
const BEFORE_MEETING = '2019-10-20T08:00:00.000Z';

function refusalOf(attempt: () => unknown): DomainError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the command was not refused');
}

describe('the table of refusals', () => {
  it('refuses the same broken campaign rule alike on creation and on a calendar change', () => {
    const created = evolveCampaign(initialCampaignState, {
      type: 'CampaignCreated',
      data: { campaignId, definition, createdAt: BEFORE_OPENING, createdBy: admin },
    });
    const broken = { ...definition.calendar, submissionDeadline: BEFORE_MEETING };

    const onCreation = refusalOf(() =>
      decideCampaign(
        {
          type: 'CreateCampaign',
          campaignId,
          definition: { ...definition, calendar: broken },
          actor: admin,
        },
        initialCampaignState,
        new Date(BEFORE_OPENING),
      ),
    );
    const onChange = refusalOf(() =>
      decideCampaign(
        {
          type: 'ChangeCampaignCalendar',
          changes: { submissionDeadline: BEFORE_MEETING },
          reason: 'Avancée.',
          actor: admin,
        },
        created,
        new Date(BEFORE_OPENING),
      ),
    );

    const expected = refusals.invalidCampaignDefinition(
      validateCampaignDefinition({ ...definition, calendar: broken }),
    );
    for (const refusal of [onCreation, onChange]) {
      expect({ code: refusal.code, message: refusal.message, details: refusal.details }).toEqual({
        code: 'INVALID_CAMPAIGN_DEFINITION',
        message: expected.message,
        details: expected.details,
      });
    }
    expect(expected.details?.problems).toContainEqual({
      path: 'calendar.submissionDeadline',
      message: 'La date limite de dépôt doit suivre le début de la réunion.',
    });
    expect(expected.message).toMatch(/^Définition de campagne invalide : La date limite/);
  });

  it('gives the deciders the texts the API gives before a command reaches them', () => {
    const dossierRefusal = refusalOf(() =>
      decideDossier({ type: 'SubmitDossier' }, initialDossierState, new Date(BEFORE_OPENING)),
    );
    expect(dossierRefusal).toEqual(refusals.dossierNotFound());
    expect(dossierRefusal.message).toBe(refusals.dossierNotFound().message);

    const campaignRefusal = refusalOf(() =>
      decideCampaign({ type: 'PublishCampaign', actor: admin }, initialCampaignState, new Date()),
    );
    expect(campaignRefusal.code).toBe(refusals.campaignNotFound(campaignId).code);
  });

  // One example of each: a refusal added to the table fails the type-check until it has one.
  const examples: Record<keyof typeof refusals, DomainError> = {
    campaignNotFound: refusals.campaignNotFound(campaignId),
    campaignAlreadyExists: refusals.campaignAlreadyExists(campaignId),
    campaignEnded: refusals.campaignEnded(),
    campaignFinished: refusals.campaignFinished(),
    campaignNotOpen: refusals.campaignNotOpen('DRAFT'),
    invalidCampaignDefinition: refusals.invalidCampaignDefinition([
      { path: 'title', message: 'Le titre est obligatoire.' },
    ]),
    noInformationMeeting: refusals.noInformationMeeting(),
    meetingRegistrationNotFound: refusals.meetingRegistrationNotFound(),
    parentFederationNotListed: refusals.parentFederationNotListed('fsm'),
    parentFederationIsItself: refusals.parentFederationIsItself('fsm'),
    parentFederationNotFederative: refusals.parentFederationNotFederative('cnp-x', 'CNP X'),
    dossierNotFound: refusals.dossierNotFound(),
    dossierClosed: refusals.dossierClosed(),
  };

  it.each(Object.entries(examples))('%s: a domain code, one French sentence', (_, refusal) => {
    expect(isDomainErrorCode(refusal.code)).toBe(true);
    expect(refusal.message).toMatch(/^[A-ZÀ-Ý].*\.$/);
    expect(refusal.message).not.toMatch(/\b(the|must|is|not|cannot|already|found)\b/i);
  });

  it('lists a refused parent federation as a problem of its field, like a campaign file', () => {
    expect(refusals.parentFederationNotListed('fsm').details).toEqual({
      parentFederationId: 'fsm',
      problems: [
        { path: 'parentFederationId', message: "La fédération fsm n'est pas dans l'annuaire." },
      ],
    });
  });
});
