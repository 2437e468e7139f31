import { Injectable, PipeTransform } from '@nestjs/common';
import { invalidInput } from '../errors/invalid-input';

/** C0 controls but tab, line feed and carriage return, which texts legitimately hold. */
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Refuses any string of a body, query or path holding a control character: PostgreSQL refuses
 * NUL in text and JSON, and no answer, name or reason needs the others.
 */
@Injectable()
export class RejectControlCharactersPipe implements PipeTransform {
  transform(value: unknown): unknown {
    const where = controlCharacterIn(value, '');
    if (where !== undefined) {
      throw invalidInput(
        where || 'texte',
        "contient un caractère de contrôle, qui n'est pas accepté",
        // The field is the caller's own name for it, quoted: the sentence around it is ours.
        `Le texte ${where ? `« ${where} »` : 'envoyé'} contient un caractère de contrôle, qui n'est pas accepté.`,
      );
    }
    return value;
  }
}

/** The path of the first string holding a control character, if any. */
function controlCharacterIn(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return CONTROL_CHARACTER.test(value) ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const inner = `${path}${path ? '.' : ''}${key}`;
    if (CONTROL_CHARACTER.test(key)) return inner;
    const found = controlCharacterIn(item, inner);
    if (found !== undefined) return found;
  }
  return undefined;
}
