import { z } from 'zod';

/** One place where an input does not have the shape asked for: where, and what, in French. */
export interface ShapeProblem {
  /** Dotted through objects and list indexes: `definition.sections.0.id`. */
  readonly path: string;
  /** The rule alone, to follow `<path> : ` (`doit être un texte`). */
  readonly message: string;
}

/**
 * Checks an input against a schema and says, in French, everything wrong with its shape: one
 * problem per zod issue (per unexpected field for unknown keys). A schema's own message (a
 * business key's rule…) is kept; zod's English defaults are replaced by frenchIssue.
 */
export function parseShape<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): { ok: true; value: z.output<Schema> } | { ok: false; problems: ShapeProblem[] } {
  const result = schema.safeParse(input, { error: frenchIssue });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.flatMap(problemsOf) };
}

function problemsOf(issue: z.core.$ZodIssue): ShapeProblem[] {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: joined(path, key), message: issue.message }));
  }
  return [{ path, message: issue.message }];
}

function joined(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** zod's issues in the French the API answers with (class-validator's rules were worded so). */
export function frenchIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'est obligatoire' : (TYPES[issue.expected] ?? ODD_TYPE);
    case 'too_small':
      return sized(issue.origin, 'au moins', issue.minimum, 'supérieur');
    case 'too_big':
      return sized(issue.origin, 'au plus', issue.maximum, 'inférieur');
    case 'invalid_format':
      return "n'a pas la forme attendue";
    case 'invalid_value':
      return `doit valoir l'une de ces valeurs : ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return "n'est pas un champ attendu";
    case 'invalid_key':
      return "n'est pas une clé acceptée";
    case 'not_multiple_of':
      return `doit être un multiple de ${String(issue.divisor)}`;
    default:
      return 'ne respecte pas une règle de saisie';
  }
}

const ODD_TYPE = "n'a pas le type attendu";

const TYPES: Readonly<Record<string, string>> = {
  string: 'doit être un texte',
  int: 'doit être un nombre entier',
  number: 'doit être un nombre',
  boolean: 'doit valoir true ou false',
  array: 'doit être une liste',
  object: 'doit être un objet',
  record: 'doit être un objet',
};

/** Worded as class-validator's rules were, so that an answer reads the same as before. */
function sized(
  origin: string,
  bound: 'au moins' | 'au plus',
  limit: number | bigint,
  comparison: 'supérieur' | 'inférieur',
): string {
  const count = String(limit);
  const plural = (noun: string) => (bound === 'au plus' ? `${noun}s` : `${noun}(s)`);
  switch (origin) {
    case 'string':
      return `doit compter ${bound} ${count} ${plural('caractère')}`;
    case 'array':
    case 'set':
      return `doit compter ${bound} ${count} ${plural('élément')}`;
    default:
      return `doit être ${comparison} ou égal à ${count}`;
  }
}
