import {
  completenessLabel,
  DOSSIER_STATES,
  NO_PROFESSION,
  ORGANISATION_TYPES,
} from '@amiflow/contracts/labels';
import PDFDocument from 'pdfkit';
import { CampaignSynthesisOutput } from '../dtos/synthesis.output';
import { drawBarChart, ensureRoom } from './bar-chart';

export interface SynthesisReportHeading {
  readonly campaignTitle: string;
  /** When the synthesis was read, as the report states it (« 30 novembre 2026 à 05:12 »). */
  readonly generatedAt: string;
}

/** Columns of the matrix on an A4 page in portrait; more professions go to the XLSX. */
const MATRIX_COLUMNS = 8;

/**
 * The synthesis report the ministry circulates (issue 13, item 4), as a PDF drawn by pdfkit: the
 * campaign's figures with bar charts, the matrix themes × professions, the common demands with
 * their quotes, the support forms wished and retained, the best proposals. Charts are vectors
 * (rectangles and text), no image and no browser. Text in Helvetica (WinAnsi: French accents,
 * « », ’ and œ are in it; characters outside it are replaced by `winAnsi`).
 */
export function synthesisPdf(
  synthesis: CampaignSynthesisOutput,
  heading: SynthesisReportHeading,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    info: { Title: winAnsi(`Synthèse — ${heading.campaignTitle}`), Author: 'amiflow' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const h1 = (text: string) =>
    doc.font('Helvetica-Bold').fontSize(18).fillColor('#000091').text(winAnsi(text));
  const h2 = (text: string) => {
    ensureRoom(doc, 80);
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor('#000091').text(winAnsi(text));
    doc.moveDown(0.3);
  };
  const body = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.font('Helvetica').fontSize(10).fillColor('#161616').text(winAnsi(text), options);

  h1(`Synthèse de l'AMI « ${heading.campaignTitle} »`);
  body(
    `Établie le ${heading.generatedAt}, à partir des dossiers et des annotations des instructeurs.`,
  );

  h2('Chiffres de la campagne');
  body(`${synthesis.totalDossiers} dossiers en tout.`);
  doc.moveDown(0.5);
  drawBarChart(
    doc,
    {
      title: 'Dossiers par état',
      series: ['Dossiers'],
      bars: synthesis.byState.map((g) => ({
        label: winAnsi(DOSSIER_STATES[g.state] ?? g.state),
        values: [g.dossiers],
      })),
    },
    width,
  );
  drawBarChart(
    doc,
    {
      title: "Dossiers par type d'organisation",
      series: ['Dossiers'],
      bars: synthesis.byOrganisationType.map((g) => ({
        label: winAnsi(ORGANISATION_TYPES[g.organisationType] ?? g.organisationType),
        values: [g.dossiers],
      })),
    },
    width,
  );
  drawBarChart(
    doc,
    {
      title: 'Dossiers déposés par complétude',
      series: ['Dossiers'],
      bars: synthesis.byCompleteness.map((b) => ({
        label: completenessLabel(b.from),
        values: [b.dossiers],
      })),
    },
    width,
  );

  h2('Thèmes soulevés');
  body(
    'Dossiers soulevant chaque thème, selon les passages annotés ou les suggestions acceptées par les instructeurs.',
  );
  doc.moveDown(0.5);
  drawBarChart(
    doc,
    {
      title: 'Dossiers par thème',
      series: ['Dossiers'],
      bars: synthesis.themeMatrix.rows.map((row) => ({
        label: winAnsi(row.label),
        values: [row.dossiers],
      })),
    },
    width,
  );
  drawMatrix(doc, synthesis, width);

  h2(`Demandes communes (au moins ${synthesis.commonDemands.threshold} professions)`);
  if (synthesis.commonDemands.demands.length === 0) {
    body('Aucun thème n’est encore soulevé par autant de professions.');
  }
  for (const demand of synthesis.commonDemands.demands) {
    ensureRoom(doc, 60);
    doc.font('Helvetica-Bold').fontSize(11).fillColor('#161616').text(winAnsi(demand.label));
    body(`${demand.dossiers} dossiers ; professions : ${demand.professions.join(', ')}.`);
    for (const quote of demand.quotes) {
      ensureRoom(doc, 30);
      doc
        .font('Helvetica-Oblique')
        .fontSize(9)
        .fillColor('#3A3A3A')
        .text(winAnsi(`« ${quote.quote} »`), { indent: 12 });
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#666666')
        .text(
          winAnsi(
            `— ${quote.organisationName} (${quote.profession ?? NO_PROFESSION}), ${quote.consolePath}`,
          ),
          {
            indent: 12,
          },
        );
    }
    doc.moveDown(0.4);
  }

  h2('Formes de soutien souhaitées et retenues');
  drawBarChart(
    doc,
    {
      title: 'Dossiers par forme de soutien',
      series: ['Souhaitée dans les réponses', 'Retenue en consultation'],
      bars: synthesis.supportFormsWishedAndRetained.map((f) => ({
        label: winAnsi(f.label),
        values: [f.wished, f.retained],
      })),
    },
    width,
  );

  h2('Meilleures propositions');
  if (!synthesis.bestProposals.available) {
    body(
      'Cette campagne n’a pas de grille d’évaluation : ses dossiers ne sont pas notés, il n’y a pas de classement par note pondérée.',
    );
  } else if (synthesis.bestProposals.proposals.length === 0) {
    body('Aucun dossier n’est encore noté par les évaluateurs.');
  } else {
    body(
      'Les dossiers les mieux notés, par note pondérée moyenne des évaluateurs (sur 20), avec leurs commentaires.',
    );
  }
  synthesis.bestProposals.proposals.forEach((proposal, index) => {
    ensureRoom(doc, 40);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('#161616')
      .text(
        winAnsi(
          `${index + 1}. ${proposal.organisationName}${proposal.profession ? ` (${proposal.profession})` : ''} — note ${proposal.weightedScore} / 20`,
        ),
      );
    for (const comment of proposal.comments) body(`« ${comment} »`, { indent: 12 });
  });

  doc.end();
  return done;
}

/** The matrix themes × professions as a table, its first professions (the rest in the XLSX). */
function drawMatrix(
  doc: PDFKit.PDFDocument,
  synthesis: CampaignSynthesisOutput,
  width: number,
): void {
  const { professions, rows } = synthesis.themeMatrix;
  if (professions.length === 0) return;
  const shown = professions.slice(0, MATRIX_COLUMNS);
  const left = doc.page.margins.left;
  const first = 150;
  const column = (width - first) / shown.length;
  ensureRoom(doc, 40 + rows.length * 14);
  doc
    .moveDown(0.5)
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor('#161616')
    .text('Thèmes × professions', left);
  if (professions.length > shown.length) {
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(
        winAnsi(
          `Les ${shown.length} premières professions sur ${professions.length} ; toutes sont dans le classeur XLSX.`,
        ),
      );
  }
  let y = doc.y + 4;
  doc.font('Helvetica-Bold').fontSize(7);
  shown.forEach((profession, index) => {
    doc.text(winAnsi(profession ?? NO_PROFESSION), left + first + index * column, y, {
      width: column - 2,
      height: 18,
      ellipsis: true,
    });
  });
  y += 20;
  doc.font('Helvetica').fontSize(8);
  rows.forEach((row, rowIndex) => {
    if (rowIndex % 2 === 0) doc.rect(left, y - 2, width, 13).fill('#F5F5FE');
    doc.fillColor('#161616').text(winAnsi(row.label), left + 2, y, {
      width: first - 4,
      height: 11,
      ellipsis: true,
      lineBreak: false,
    });
    row.byProfession.slice(0, MATRIX_COLUMNS).forEach((cell, index) => {
      doc.text(String(cell.dossiers), left + first + index * column, y, {
        width: column - 2,
        lineBreak: false,
      });
    });
    y += 13;
  });
  doc.x = left;
  doc.y = y + 6;
}

/**
 * The text in what the standard fonts encode (WinAnsi): narrow and plain no-break spaces become
 * spaces, and any other character outside it a question mark, rather than a wrong glyph.
 */
export function winAnsi(text: string): string {
  return text
    .replace(/[\u00A0\u202F\u2009]/g, ' ')
    .replace(
      /[^\u0020-\u007E\u00A0-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122\n]/g,
      '?',
    );
}
