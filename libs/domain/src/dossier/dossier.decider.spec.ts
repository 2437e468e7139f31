import { DomainErrorCode } from '../errors/domain-error-code';
import { DomainError } from '../errors/domain-error';
import { CreateDossierDraft } from './dossier.commands';
import { decideDossier, evolveDossier } from './dossier.decider';
import { DossierEvent } from './dossier.events';
import { initialDossierState } from './dossier.state';

const now = new Date('2019-10-10T08:00:00Z');
const createDraft: CreateDossierDraft = {
  type: 'CreateDossierDraft',
  campaignId: 'ami-sante-ia-2019',
  organisationId: 'cnp-radiologie',
  organisationName: '  Conseil national professionnel de radiologie ',
};

function given(events: DossierEvent[]) {
  return events.reduce(evolveDossier, initialDossierState);
}

function refusalCode(attempt: () => unknown): DomainErrorCode | undefined {
  try {
    attempt();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('dossier decider: creating a draft', () => {
  it('records the draft with the trimmed organisation name and the instant it was created', () => {
    expect(decideDossier(createDraft, given([]), now)).toEqual([
      {
        type: 'DossierDraftCreated',
        data: {
          campaignId: 'ami-sante-ia-2019',
          organisationId: 'cnp-radiologie',
          organisationName: 'Conseil national professionnel de radiologie',
          createdAt: '2019-10-10T08:00:00.000Z',
        },
      },
    ]);
  });

  it('folds the created event into a draft', () => {
    const state = given(decideDossier(createDraft, initialDossierState, now));
    expect(state).toMatchObject({ status: 'DRAFT', organisationId: 'cnp-radiologie' });
  });

  it('refuses a second draft for the same organisation in the same campaign', () => {
    const state = given(decideDossier(createDraft, initialDossierState, now));
    expect(refusalCode(() => decideDossier(createDraft, state, now))).toBe(
      DomainErrorCode.DOSSIER_ALREADY_EXISTS,
    );
  });

  it('refuses a blank organisation name', () => {
    const blank = { ...createDraft, organisationName: '   ' };
    expect(refusalCode(() => decideDossier(blank, initialDossierState, now))).toBe(
      DomainErrorCode.INVALID_COMMAND,
    );
  });
});
