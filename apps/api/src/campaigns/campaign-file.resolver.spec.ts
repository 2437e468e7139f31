import { DomainError, referenceCampaign, referenceCampaignFile } from '@amiflow/domain';
import { domainErrorResponse } from '../errors/domain-error-response';
import { resolveCampaignDefinition } from './campaign-file.resolver';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { CampaignFileInput, createCampaignInputSchema } from './dtos/create-campaign.input';

const campaignId = referenceCampaignFile.campaignId;
// The reference file as the API receives it once its shape is checked (the body pipe's output).
const file = (changes: Partial<Record<string, unknown>> = {}): CampaignFileInput =>
  new ZodBodyPipe(createCampaignInputSchema).transform({
    campaignId,
    definition: { ...structuredClone(referenceCampaignFile), ...changes },
  }).definition;

/** The problems a refused file is answered with (the `details` of the 422). */
function problemsOf(input: CampaignFileInput, id = campaignId): string[] {
  try {
    resolveCampaignDefinition(id, input);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const answer = domainErrorResponse(error as DomainError);
    expect(answer).toMatchObject({ statusCode: 422, code: 'INVALID_CAMPAIGN_DEFINITION' });
    return answer.details ?? [];
  }
  throw new Error('the file was accepted');
}

describe('resolving a campaign file sent over HTTP', () => {
  it('resolves the reference file to the reference definition (meeting at 12:45 UTC)', () => {
    const definition = resolveCampaignDefinition(campaignId, file());
    expect(definition).toEqual(referenceCampaign.definition);
    expect(definition.calendar.meetingStartsAt).toBe('2019-10-29T12:45:00.000Z');
  });

  it('keeps no undefined key, so that offsets are read as the file wrote them', () => {
    const definition = resolveCampaignDefinition(
      campaignId,
      file({
        reminders: [
          {
            id: 'depot-j-1',
            kind: 'DEADLINE_REMINDER',
            anchor: 'SUBMISSION_DEADLINE',
            audience: 'UNSUBMITTED_DOSSIERS',
            offset: { days: -1, hours: undefined },
            atLocalTime: undefined,
          },
        ],
      }),
    );
    expect(definition.reminders).toStrictEqual([
      {
        id: 'depot-j-1',
        kind: 'DEADLINE_REMINDER',
        anchor: 'SUBMISSION_DEADLINE',
        audience: 'UNSUBMITTED_DOSSIERS',
        offset: { days: -1 },
      },
    ]);
  });

  it('takes the evaluation grid when the file has one, and none when it has not', () => {
    const { evaluationGrid, ...withoutGrid } = structuredClone(referenceCampaignFile);
    expect(resolveCampaignDefinition(campaignId, file()).evaluationGrid).toEqual(evaluationGrid);
    const definition = resolveCampaignDefinition(
      campaignId,
      withoutGrid as unknown as CampaignFileInput,
    );
    expect('evaluationGrid' in definition).toBe(false);
  });

  it('refuses a grid whose criteria repeat an id or have their scale upside down, in French', () => {
    const grid = referenceCampaignFile.evaluationGrid;
    if (!grid) throw new Error('the reference file has a grid');
    const [first, second] = grid.criteria;
    expect(
      problemsOf(
        file({
          evaluationGrid: {
            criteria: [first, { ...second, id: first.id, scale: { min: 5, max: 1 } }],
          },
        }),
      ),
    ).toEqual([
      'evaluationGrid.criteria[1].id : Critère en double : « pertinence ».',
      "evaluationGrid.criteria[1].scale : L'échelle du critère « pertinence » va d'un minimum à un maximum plus grand.",
    ]);
  });

  it('refuses an unknown zone and a date that does not exist, in French, before resolving', () => {
    const calendar = { ...referenceCampaignFile.localCalendar, opensAt: '2019-02-30T00:00' };
    expect(problemsOf(file({ timeZone: 'Mars/Olympus', localCalendar: calendar }))).toEqual([
      'timeZone : Fuseau horaire inconnu : Mars/Olympus.',
      'localCalendar.opensAt : Date et heure inexistantes : 2019-02-30T00:00.',
    ]);
  });

  it("refuses a file that is another campaign's", () => {
    expect(problemsOf(file(), 'autre-campagne')).toEqual([
      'definition.campaignId : Le fichier est celui de la campagne ami-sante-ia-2019, pas de autre-campagne.',
    ]);
  });

  it("answers every rule the domain finds broken, with the domain's messages", () => {
    const calendar = {
      ...referenceCampaignFile.localCalendar,
      submissionDeadline: '2019-10-01T00:00',
    };
    const problems = problemsOf(file({ localCalendar: calendar, sections: [] }));
    expect(problems).toEqual(
      expect.arrayContaining([
        "calendar.submissionDeadline : La date limite de dépôt doit suivre l'ouverture.",
        'sections : Le questionnaire est vide.',
      ]),
    );
  });
});
