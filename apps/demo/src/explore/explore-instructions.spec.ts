import { exploreInstructions } from './explore-instructions';

describe('exploreInstructions', () => {
  it('puts the tokens in shell variables and gives curl commands for the campaign and a dossier', () => {
    const lines = exploreInstructions('http://127.0.0.1:3000', 'ami-sante-ia-2019', {
      operator: 'op.jwt',
      organisation: { organisationId: 'cnp-cardiologie', token: 'org.jwt' },
    });
    expect(lines).toContain('  export OPERATOR_TOKEN=op.jwt');
    expect(lines).toContain('  export ORGANISATION_TOKEN=org.jwt   # cnp-cardiologie');
    expect(lines).toContain(
      '  curl -H "Authorization: Bearer $OPERATOR_TOKEN" http://127.0.0.1:3000/campaigns/ami-sante-ia-2019/dossiers',
    );
    expect(lines).toContain(
      '  curl -H "Authorization: Bearer $ORGANISATION_TOKEN" http://127.0.0.1:3000/campaigns/ami-sante-ia-2019/dossiers/cnp-cardiologie',
    );
  });

  it('sends to the identity provider when the API checks tokens against one', () => {
    const lines = exploreInstructions('http://127.0.0.1:3000', 'ami-sante-ia-2019', undefined);
    expect(lines[0]).toMatch(/OpenID Connect/);
  });
});
