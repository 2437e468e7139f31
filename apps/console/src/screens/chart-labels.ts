/**
 * A category's label as the lines a chart's axis draws it in: broken between words so that no
 * line is wider than `maxWidth`, at most `maxLines` lines, the last one ending with « … » when
 * the label does not fit (the chart's tooltip and the table beside it give it whole). A word
 * wider than a line on its own is cut, with « … ». `measure` gives a text's width in the unit of
 * `maxWidth` (the canvas's pixels in the chart).
 */
export function wrapLabel(
  label: string,
  maxWidth: number,
  maxLines: number,
  measure: (text: string) => number,
): string[] {
  const words = label.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const [index, word] of words.entries()) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    if (lines.length === maxLines) {
      // No room left for this word: the last line says the label goes on.
      lines[maxLines - 1] = withEllipsis(lines[maxLines - 1], maxWidth, measure);
      return lines;
    }
    line = word;
    if (measure(word) > maxWidth) {
      // A word longer than a line: cut, and the label ends there unless lines remain for the rest.
      line = withEllipsis(word, maxWidth, measure);
      if (index < words.length - 1 && lines.length + 1 === maxLines) {
        lines.push(line);
        return lines;
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The text, shortened as needed so that it and « … » fit the width. */
function withEllipsis(text: string, maxWidth: number, measure: (text: string) => number): string {
  let kept = text.replace(/…$/, '');
  while (kept.length > 1 && measure(`${kept}…`) > maxWidth) kept = kept.slice(0, -1);
  return `${kept.trimEnd()}…`;
}
