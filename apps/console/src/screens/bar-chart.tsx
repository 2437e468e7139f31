import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only what a bar chart needs: Chart.js is tree-shaken to these, and this module (with the
// synthesis screen) is loaded only when the synthesis is opened.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSeries {
  readonly label: string;
  readonly values: readonly number[];
  /** A DSFR colour (its hex value: the canvas cannot read CSS variables). */
  readonly colour: string;
}

/**
 * Horizontal bars, one per category, one colour per series. The canvas is an image for
 * assistive technologies (its `summary` as label): the figures are in the table drawn beside it.
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
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: series.length > 1, position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [categories, series]);
  // Tall enough for every bar to keep its label.
  const height = Math.max(160, categories.length * (series.length * 18 + 14) + 60);
  return (
    <div className="console-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
