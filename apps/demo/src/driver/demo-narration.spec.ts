import { DemoRole } from '../scenario/demo-cast';
import { DemoStep } from '../scenario/demo-steps';
import { DemoRefusal } from '../actors/demo-gateway';
import { narrate, narrateThemeReview } from './demo-narration';

const role: DemoRole = {
  organisation: {
    organisationId: 'cnp-pediatrie',
    name: 'CNP de pédiatrie',
    profile: { type: 'CNP' },
  },
  persona: 'late',
  index: 5,
  registersForMeeting: true,
};

describe('narrate', () => {
  it('tells what was done and when, in the 2019 calendar shown in Paris', () => {
    const step: DemoStep = {
      at: '2019-10-14T07:30:00.000Z',
      actor: 'organisation',
      role,
      action: { type: 'CreateDraft' },
    };
    expect(narrate(step, 'Europe/Paris')).toBe(
      '2019-10-14 09:30 Paris  cnp-pediatrie opened its draft',
    );
  });

  it('quotes the refusal amiflow gave, in French', () => {
    const step: DemoStep = {
      at: '2019-11-15T07:45:00.000Z',
      actor: 'organisation',
      role,
      action: { type: 'Submit', late: true },
    };
    const refusal = new DemoRefusal(
      'TRANSITION_NOT_ALLOWED',
      'Ce dossier est clos : il ne peut plus être modifié.',
      409,
    );
    expect(narrate(step, 'Europe/Paris', refusal)).toBe(
      '2019-11-15 08:45 Paris  cnp-pediatrie tried to submit after the deadline' +
        ' -> refused (409 TRANSITION_NOT_ALLOWED): « Ce dossier est clos : il ne peut plus être modifié. »',
    );
  });

  it('tells which suggested themes a reviewer accepted and rejected, with their scores', () => {
    const step: DemoStep = {
      at: '2019-11-25T09:00:00.000Z',
      actor: 'operator',
      role,
      action: { type: 'RecordScreeningResult', result: 'SHORTLISTED', note: 'À approfondir.' },
    };
    const passage = { start: 0, end: 20 };
    const formation = { sectionId: 'soutiens', themeId: 'formation', score: 0.8123, passage };
    const recherche = { sectionId: 'besoins', themeId: 'recherche', score: 0.7, passage };
    expect(
      narrateThemeReview(step, 'Europe/Paris', 'evaluatrice-demo', [formation], [recherche]),
    ).toBe(
      "2019-11-25 10:00 Paris  evaluatrice-demo tagged cnp-pediatrie's themes: " +
        'accepted formation (0.81); rejected recherche (0.70)',
    );
    expect(narrateThemeReview(step, 'Europe/Paris', 'evaluatrice-demo', [], [])).toContain(
      'accepted none; rejected none',
    );
  });
});
