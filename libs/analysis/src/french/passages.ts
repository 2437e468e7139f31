/** A stretch of a text, by character offsets: `text.slice(start, end)`. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

// A sentence ends at . ! ? or … followed by a space or the end, or at a line break. Colons and
// semicolons do not end one: « Trois conditions : … » is one demand.
const SENTENCE_END = /[.!?…]+(?=\s|$)|\n+/g;

/** The sentences of a text, trimmed, empty ones left out: the passages a theme is found in. */
export function splitPassages(text: string): TextSpan[] {
  const passages: TextSpan[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start] ?? '')) start += 1;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
    if (end > start) passages.push({ start, end });
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = match.index + (match[0].startsWith('\n') ? 0 : match[0].length);
    push(from, end);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return passages;
}
