import { stackLabels } from './timeline-layout';

describe('stackLabels', () => {
  it('keeps labels far apart on one row, centred on their marks', () => {
    expect(
      stackLabels(1000, [
        { at: 0.2, width: 40 },
        { at: 0.8, width: 40 },
      ]),
    ).toEqual([
      { left: 180, row: 0 },
      { left: 780, row: 0 },
    ]);
  });

  it('raises a label that would overlap the one before it, and comes down again when there is room', () => {
    const placed = stackLabels(1000, [
      { at: 0.1, width: 60 },
      { at: 0.11, width: 60 },
      { at: 0.12, width: 60 },
      { at: 0.5, width: 60 },
    ]);
    expect(placed.map((label) => label.row)).toEqual([0, 1, 2, 0]);
  });

  it('keeps the end labels within the line', () => {
    expect(
      stackLabels(500, [
        { at: 0, width: 80 },
        { at: 1, width: 80 },
      ]),
    ).toEqual([
      { left: 0, row: 0 },
      { left: 420, row: 0 },
    ]);
  });

  it('never overlaps two labels of one row, whatever the marks', () => {
    const labels = Array.from({ length: 40 }, (_, index) => ({
      at: ((index * 37) % 41) / 41,
      width: 30 + ((index * 13) % 50),
    }));
    const placed = stackLabels(800, labels);
    for (let a = 0; a < labels.length; a++) {
      for (let b = a + 1; b < labels.length; b++) {
        if (placed[a].row !== placed[b].row) continue;
        const apart =
          placed[a].left + labels[a].width <= placed[b].left ||
          placed[b].left + labels[b].width <= placed[a].left;
        expect(apart).toBe(true);
      }
    }
  });
});
