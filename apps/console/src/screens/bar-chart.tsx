import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { toFont } from 'chart.js/helpers';
import { useEffect, useRef } from 'react';
import { wrapLabel } from './chart-labels';

// Only what a bar chart needs: Chart.js is tree-shaken to these, and this module (with the
// synthesis screen) is loaded only when the synthesis is opened.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSeries {
  readonly label: string;
  readonly values: readonly number[];
  /** A DSFR colour (its hex value: the canvas cannot read CSS variables). */
  readonly colour: string;
}

/** The category axis's share of the chart's width at most (Chart.js gives it up to half). */
const LABEL_SHARE = 0.45;

/**
 * Horizontal bars, one per category, one colour per series. The canvas is an image for
 * assistive technologies (its `summary` as label): the figures are in the table drawn beside it.
 *
 * Long category labels (the support forms are sentences) are broken between words to fit the
 * axis, on up to `labelLines` lines, the last one ending with « … » when the label is longer:
 * Chart.js would otherwise draw them whole and the canvas would cut them off on the left. The
 * tooltip of a bar gives its label whole, and so does the table.
 */
export function BarChart({
  categories,
  series,
  summary,
}: {
  categories: readonly string[];
  series: readonly BarSeries[];
  summary: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // As many lines as a bar's row has room for (see the height below).
  const labelLines = series.length > 1 ? 3 : 2;
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: [...categories],
        datasets: series.map((one) => ({
          label: one.label,
          data: [...one.values],
          backgroundColor: one.colour,
        })),
      },
      options: {
        indexAxis: 'y',
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          y: {
            ticks: {
              autoSkip: false,
              callback(value) {
                const label = this.getLabelForValue(Number(value));
                // The ticks are drawn in the default font (none is set for them).
                const font = toFont(Chart.defaults.font);
                const { ctx } = this;
                ctx.save();
                ctx.font = font.string;
                const lines = wrapLabel(
                  label,
                  // The axis's room, less its ticks' padding.
                  this.chart.width * LABEL_SHARE - 12,
                  labelLines,
                  (text) => ctx.measureText(text).width,
                );
                ctx.restore();
                return lines;
              },
            },
          },
        },
        plugins: { legend: { display: series.length > 1, position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [categories, series, labelLines]);
  // Tall enough for every bar, and for its label's lines (about 15 px each).
  const row = Math.max(series.length * 18 + 14, labelLines * 15 + 6);
  const height = Math.max(160, categories.length * row + 60);
  return (
    <div className="console-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
