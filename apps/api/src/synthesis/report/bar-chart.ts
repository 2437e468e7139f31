export interface Bar {
  readonly label: string;
  readonly values: readonly number[];
}

export interface BarChart {
  readonly title: string;
  readonly bars: readonly Bar[];
  /** One name per value of a bar (a legend is drawn when there are several). */
  readonly series: readonly string[];
}

/** Blue France and a lighter blue of the State design system, for one or two series. */
const COLOURS = ['#000091', '#8585F6', '#CE614A'];
const BAR_HEIGHT = 9;
const GAP = 5;
const LABEL_WIDTH = 190;

/**
 * A horizontal bar chart drawn as vectors (rectangles and text), `width` points wide from the
 * document's current position; leaves the position below it. Bars are scaled to the largest value.
 */
export function drawBarChart(doc: PDFKit.PDFDocument, chart: BarChart, width: number): void {
  const left = doc.page.margins.left;
  const barsWidth = width - LABEL_WIDTH - 40;
  const max = Math.max(1, ...chart.bars.flatMap((bar) => bar.values));
  const rowHeight = chart.series.length * BAR_HEIGHT + GAP;
  ensureRoom(doc, 30 + chart.bars.length * rowHeight + 20);
  doc.font('Helvetica-Bold').fontSize(11).fillColor('#161616').text(chart.title, left);
  doc.moveDown(0.3);
  if (chart.series.length > 1) {
    let x = left;
    const y = doc.y;
    chart.series.forEach((name, index) => {
      doc.rect(x, y + 1, 8, 8).fill(COLOURS[index % COLOURS.length]);
      doc
        .font('Helvetica')
        .fontSize(8)
        .fillColor('#161616')
        .text(name, x + 12, y, { lineBreak: false });
      x += 12 + doc.widthOfString(name) + 16;
    });
    doc.y = y + 14;
  }
  let y = doc.y;
  for (const bar of chart.bars) {
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('#161616')
      .text(fit(doc, bar.label, LABEL_WIDTH - 6), left, y + 1, {
        width: LABEL_WIDTH - 6,
        lineBreak: false,
      });
    bar.values.forEach((value, index) => {
      const barY = y + index * BAR_HEIGHT;
      const length = (value / max) * barsWidth;
      if (length > 0)
        doc
          .rect(left + LABEL_WIDTH, barY, length, BAR_HEIGHT - 1)
          .fill(COLOURS[index % COLOURS.length]);
      doc
        .fillColor('#161616')
        .text(String(value), left + LABEL_WIDTH + length + 4, barY + 1, { lineBreak: false });
    });
    y += rowHeight;
  }
  doc.x = left;
  doc.y = y + 8;
}

/** Starts a new page when fewer than `height` points are left on this one. */
export function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** The text cut with « … » to fit `width` points in the current font. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}
