import {
  completenessLabel,
  DOSSIER_STATES,
  NO_PROFESSION,
  ORGANISATION_TYPES,
} from '@amiflow/contracts/labels';
import { CampaignSynthesisOutput } from '../dtos/synthesis.output';

export type Cell = string | number;

/** One table of the report: what the XLSX gives a sheet and the CSV a file. */
export interface SynthesisTable {
  /** Stable identifier, lower-case words joined by hyphens: the CSV route's name for it. */
  readonly id: SynthesisTableId;
  /** French title, also the XLSX sheet's name (31 characters at most, Excel's limit). */
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

export const SYNTHESIS_TABLE_IDS = [
  'chiffres-par-etat',
  'chiffres-par-type',
  'chiffres-par-completude',
  'themes-professions',
  'demandes-communes',
  'formes-de-soutien',
  'meilleures-propositions',
] as const;
export type SynthesisTableId = (typeof SYNTHESIS_TABLE_IDS)[number];

/**
 * The synthesis as tables, in the report's order: the campaign's figures, the matrix themes ×
 * professions, the common demands with one row per quote, the support forms wished and retained,
 * the best proposals. Links to dossiers are the console's paths, relative to the API's address
 * (the API does not know the address its users reach it by).
 */
export function synthesisTables(synthesis: CampaignSynthesisOutput): SynthesisTable[] {
  const matrix = synthesis.themeMatrix;
  return [
    {
      id: 'chiffres-par-etat',
      title: 'Dossiers par état',
      headers: ['État', 'Dossiers', 'Dont déposés'],
      rows: synthesis.byState.map((g) => [
        DOSSIER_STATES[g.state] ?? g.state,
        g.dossiers,
        g.submitted,
      ]),
    },
    {
      id: 'chiffres-par-type',
      title: "Par type d'organisation",
      headers: ["Type d'organisation", 'Dossiers', 'Dont déposés'],
      rows: synthesis.byOrganisationType.map((g) => [
        ORGANISATION_TYPES[g.organisationType] ?? g.organisationType,
        g.dossiers,
        g.submitted,
      ]),
    },
    {
      id: 'chiffres-par-completude',
      title: 'Dossiers déposés par complétude',
      headers: ['Complétude', 'Dossiers'],
      rows: synthesis.byCompleteness.map((b) => [completenessLabel(b.from), b.dossiers]),
    },
    {
      id: 'themes-professions',
      title: 'Thèmes × professions',
      headers: ['Thème', 'Dossiers', ...matrix.professions.map((p) => p ?? NO_PROFESSION)],
      rows: matrix.rows.map((row) => [
        row.label,
        row.dossiers,
        ...row.byProfession.map((cell) => cell.dossiers),
      ]),
    },
    {
      id: 'demandes-communes',
      title: 'Demandes communes',
      headers: [
        'Thème',
        'Professions',
        'Dossiers',
        'Organisation',
        'Profession',
        'Citation',
        'Dossier',
      ],
      rows: synthesis.commonDemands.demands.flatMap((demand) =>
        demand.quotes.map((quote) => [
          demand.label,
          demand.professions.join(', '),
          demand.dossiers,
          quote.organisationName,
          quote.profession ?? NO_PROFESSION,
          quote.quote,
          quote.consolePath,
        ]),
      ),
    },
    {
      id: 'formes-de-soutien',
      title: 'Formes de soutien',
      headers: ['Forme de soutien', 'Souhaitée (dossiers)', 'Retenue (dossiers)'],
      rows: synthesis.supportFormsWishedAndRetained.map((f) => [f.label, f.wished, f.retained]),
    },
    {
      id: 'meilleures-propositions',
      title: 'Meilleures propositions',
      headers: ['Rang', 'Organisation', 'Profession', 'Note pondérée', 'Commentaires', 'Dossier'],
      rows: synthesis.bestProposals.proposals.map((p, index) => [
        index + 1,
        p.organisationName,
        p.profession ?? NO_PROFESSION,
        p.weightedScore,
        p.comments.join(' | '),
        p.consolePath,
      ]),
    },
  ];
}

/**
 * A table as CSV (RFC 4180): comma-separated, every text quoted, CRLF line ends, with a UTF-8
 * byte order mark so that a spreadsheet opened by double-click reads the accents right. A cell
 * starting with =, +, - or @ is prefixed with ' so that no spreadsheet runs it as a formula
 * (OWASP's advice on CSV injection): answers are the organisations' own text.
 */
export function tableCsv(table: SynthesisTable): string {
  const line = (cells: readonly Cell[]) => cells.map(csvCell).join(',');
  return `\uFEFF${[line(table.headers), ...table.rows.map(line)].join('\r\n')}\r\n`;
}

function csvCell(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return `"${safe.replace(/"/g, '""')}"`;
}
