import { referenceCampaign } from '@amiflow/domain';
import { wishedSupportForms } from './wished-support-forms';

describe('the support forms wished for in the answers', () => {
  it('are found by the text analysis in any section, once per dossier', () => {
    const forms = referenceCampaign.definition.supportForms;
    const wished = wishedSupportForms(forms, [
      {
        organisationId: 'cnp-radiologie',
        profession: 'radiologie',
        answers: {
          'soutiens-souhaites':
            'Nous souhaitons des subventions directes aux organisations et le financement de projets de recherche.',
          leviers: 'Des subventions directes aux organisations, encore.',
        },
      },
      {
        organisationId: 'cnp-cardiologie',
        profession: 'cardiologie',
        answers: { freins: 'Rien.' },
      },
    ]);
    expect(wished.get('subventions')).toBe(1);
    expect(wished.get('projets-recherche')).toBe(1);
    expect(wished.get('challenges')).toBe(0);
    expect([...wished.keys()]).toEqual(forms.map((form) => form.id));
  });
});
