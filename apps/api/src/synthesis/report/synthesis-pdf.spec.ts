import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { CampaignSynthesisOutput } from '../dtos/synthesis.output';
import { synthesisPdf, winAnsi } from './synthesis-pdf';

// The PDF report drawn from a synthesis, read back by pdf.js: its sections, charts' labels and
// quotes are text a reader can select, accents and French quotation marks included.

const synthesis: CampaignSynthesisOutput = {
  campaignId: 'ami-sante-ia-2019',
  totalDossiers: 12,
  byState: [
    { state: 'SUBMITTED', dossiers: 7, submitted: 7 },
    { state: 'DRAFT', dossiers: 5, submitted: 0 },
  ],
  byProfession: [],
  byOrganisationType: [{ organisationType: 'CNP', dossiers: 12, submitted: 7 }],
  bySupportForm: [],
  sharedDemands: [],
  themes: [{ themeId: 'formation', label: 'Formation des professionnels' }],
  themeMatrix: {
    professions: ['cardiologie', 'radiologie', null],
    rows: [
      {
        themeId: 'formation',
        label: 'Formation des professionnels',
        dossiers: 3,
        byProfession: [
          { profession: 'cardiologie', dossiers: 1 },
          { profession: 'radiologie', dossiers: 2 },
          { profession: null, dossiers: 0 },
        ],
      },
    ],
  },
  commonDemands: {
    threshold: 2,
    demands: [
      {
        themeId: 'formation',
        label: 'Formation des professionnels',
        professions: ['cardiologie', 'radiologie'],
        dossiers: 3,
        quotes: [
          {
            organisationId: 'cnp-cardiologie',
            organisationName: 'CNP de cardiologie',
            profession: 'cardiologie',
            sectionId: 'leviers',
            quote: 'Former les cœurs de métier à l’IA',
            dossierPath: '/campaigns/ami-sante-ia-2019/dossiers/cnp-cardiologie',
            consolePath: '/console/campagnes/ami-sante-ia-2019/dossiers/cnp-cardiologie',
          },
        ],
      },
    ],
  },
  supportFormsWishedAndRetained: [
    { supportFormId: 'subventions', label: 'Subventions directes', wished: 4, retained: 1 },
  ],
  bestProposals: { available: false, proposals: [] },
  byCompleteness: [{ from: 75, dossiers: 7 }],
};

/** The text of each page, by pdf.js in a child process (the script the end-to-end tests use). */
function pdfText(pdf: Buffer): Promise<string[]> {
  const script = join(__dirname, '../../../../../test/support/pdf-text-extract.mjs');
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [script], (error, stdout, stderr) =>
      error ? reject(new Error(stderr || error.message)) : resolve(JSON.parse(stdout) as string[]),
    );
    child.stdin?.end(pdf);
  });
}

describe('the PDF synthesis report', () => {
  it('reads back as the synthesis: figures, charts, matrix, common demands and quotes', async () => {
    const pdf = await synthesisPdf(synthesis, {
      campaignTitle: 'Santé et IA',
      generatedAt: '30 novembre 2026 à 05:00',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfText(pdf)).join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      "Synthèse de l'AMI « Santé et IA »",
      '12 dossiers en tout.',
      'Dossiers par état',
      'Déposé',
      'Conseil national professionnel',
      '75 à 99 %',
      'Thèmes × professions',
      'Sans profession déclarée',
      'Demandes communes (au moins 2 professions)',
      '« Former les cœurs de métier à l’IA »',
      'CNP de cardiologie (cardiologie)',
      'Souhaitée dans les réponses',
      'Les notes des évaluateurs ne sont pas encore disponibles',
    ]) {
      expect({ expected, found: text.includes(expected) }).toEqual({ expected, found: true });
    }
  }, 30_000);

  it('keeps what the standard fonts encode and replaces the rest', () => {
    expect(winAnsi('12\u202F%, « œ », €, ✓')).toBe('12 %, « œ », €, ?');
  });
});
