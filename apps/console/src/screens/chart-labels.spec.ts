import { wrapLabel } from './chart-labels';

// One unit per character: widths are lengths.
const length = (text: string) => text.length;

describe('wrapLabel', () => {
  it('keeps a label that fits on one line as it is', () => {
    expect(wrapLabel('Formation', 20, 3, length)).toEqual(['Formation']);
  });

  it('breaks a long label between words, no line wider than allowed', () => {
    const lines = wrapLabel('Accompagnement à la mise en place de projets', 20, 3, length);
    expect(lines).toEqual(['Accompagnement à la', 'mise en place de', 'projets']);
    expect(lines.every((line) => line.length <= 20)).toBe(true);
    expect(lines.join(' ')).toBe('Accompagnement à la mise en place de projets');
  });

  it('ends the last line allowed with an ellipsis when the label goes on', () => {
    const lines = wrapLabel(
      'Soutien financier pour la réalisation de projets pilotes en intelligence artificielle',
      20,
      2,
      length,
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Soutien financier');
    expect(lines[1].endsWith('…')).toBe(true);
    expect(lines[1].length).toBeLessThanOrEqual(20);
    expect(lines[1]).toBe('pour la réalisation…');
  });

  it('cuts a word wider than a line', () => {
    const lines = wrapLabel('Anticonstitutionnellement parlant', 10, 1, length);
    expect(lines).toEqual(['Anticonst…']);
    expect(wrapLabel('Anticonstitutionnellement parlant', 10, 3, length)).toEqual([
      'Anticonst…',
      'parlant',
    ]);
  });
});
