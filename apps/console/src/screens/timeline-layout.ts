/** Where a timeline label goes: its left edge (px from the line's start) and its row (0: lowest). */
export interface StackedLabel {
  readonly left: number;
  readonly row: number;
}

/** Space kept between two labels of one row, in px. */
const GAP = 6;

/**
 * Lays out labels centred on their marks (`at`, 0 to 1 along a line `width` px wide), each kept
 * within the line, so that no two overlap: from left to right, a label takes the lowest row whose
 * last label ends (plus a gap) before it starts. Answers in the labels' given order.
 */
export function stackLabels(
  width: number,
  labels: readonly { readonly at: number; readonly width: number }[],
): StackedLabel[] {
  const placed: StackedLabel[] = new Array<StackedLabel>(labels.length);
  const rowEnds: number[] = [];
  const order = labels.map((_, index) => index).sort((a, b) => labels[a].at - labels[b].at);
  for (const index of order) {
    const label = labels[index];
    const left = Math.min(
      Math.max(0, label.at * width - label.width / 2),
      Math.max(0, width - label.width),
    );
    let row = rowEnds.findIndex((end) => left >= end + GAP);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = left + label.width;
    placed[index] = { left, row };
  }
  return placed;
}
