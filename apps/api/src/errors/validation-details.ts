import { BadRequestException } from '@nestjs/common';
import { getMetadataStorage, ValidationError } from 'class-validator';

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

/** Beyond this many broken rules, the answer says how many more there are rather than list them. */
const MAX_DETAILS = 50;

/**
 * class-validator's own messages are English ("organisationName must be a string"); what an
 * organisation reads must be French (docs/architecture.md, conventions). Each rule the API's inputs use gets its
 * French wording here, by the rule's name, with the rule's arguments (a length, the allowed
 * values) read from the decorator's metadata. A decorator given its own `message` keeps it: those
 * are written in French where they are declared. A rule missing here falls back to a French
 * sentence without details rather than to English.
 */
const FRENCH: Readonly<Record<string, (constraints: readonly unknown[]) => string>> = {
  whitelistValidation: () => "n'est pas un champ attendu",
  unknownValue: () => "n'est pas une valeur attendue",
  nestedValidation: () => 'doit être un objet ou une liste',
  isDefined: () => 'est obligatoire',
  isString: () => 'doit être un texte',
  isInt: () => 'doit être un nombre entier',
  isNumber: () => 'doit être un nombre',
  isBoolean: () => 'doit valoir true ou false',
  isArray: () => 'doit être une liste',
  isObject: () => 'doit être un objet',
  isNotEmptyObject: () => 'doit contenir au moins un champ',
  isNotEmpty: () => 'ne doit pas être vide',
  isEmail: () => 'doit être une adresse électronique valide',
  isIn: ([values]) => `doit valoir l'une de ces valeurs : ${list(values)}`,
  isEnum: ([, values]) => `doit valoir l'une de ces valeurs : ${list(values)}`,
  matches: () => "n'a pas la forme attendue",
  minLength: ([min]) => `doit compter au moins ${String(min)} caractère(s)`,
  maxLength: ([max]) => `doit compter au plus ${String(max)} caractères`,
  min: ([min]) => `doit être supérieur ou égal à ${String(min)}`,
  max: ([max]) => `doit être inférieur ou égal à ${String(max)}`,
  arrayMinSize: ([min]) => `doit compter au moins ${String(min)} élément(s)`,
  arrayMaxSize: ([max]) => `doit compter au plus ${String(max)} éléments`,
};

/**
 * The ValidationPipe's exception: 400 with one French line per broken rule, `<path> : <rule>`
 * (the path dotted through nested objects and list indexes). Needs the errors' `target` (the
 * pipe's `validationError.target: true`) to find the rules' arguments; never sends it.
 */
export function validationException(errors: readonly ValidationError[]): BadRequestException {
  return validationFailed(errors.flatMap((error) => detailsOf(error, '')));
}

/**
 * 400 VALIDATION_FAILED with these `<path> : <rule>` lines as its details, whoever found them
 * (the ValidationPipe, or a body checked against a zod schema: see ZodBodyPipe).
 */
export function validationFailed(details: readonly string[]): BadRequestException {
  const shown = details.slice(0, MAX_DETAILS);
  if (details.length > shown.length) {
    shown.push(`… et ${details.length - shown.length} autre(s) erreur(s)`);
  }
  return new BadRequestException(shown);
}

function detailsOf(error: ValidationError, parentPath: string): string[] {
  const path = parentPath ? `${parentPath}.${error.property}` : error.property;
  const own = Object.entries(error.constraints ?? {}).map(
    ([name, englishOrOwn]) => `${path} : ${frenchRule(error, name, englishOrOwn)}`,
  );
  const children = (error.children ?? []).flatMap((child) => detailsOf(child, path));
  return [...own, ...children];
}

function frenchRule(error: ValidationError, name: string, produced: string): string {
  const metadata = ruleMetadata(error, name);
  // A message given at the decorator is ours, and French; class-validator's defaults are not.
  if (metadata?.message !== undefined) return produced;
  const french = FRENCH[name];
  if (french === undefined) return 'ne respecte pas une règle de saisie';
  const rule = french(metadata?.constraints ?? []);
  return metadata?.each ? `chaque élément ${rule}` : rule;
}

function ruleMetadata(error: ValidationError, name: string): ValidationMetadata | undefined {
  const target = error.target;
  if (typeof target !== 'object' || target === null) return undefined;
  return getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((metadata) => metadata.propertyName === error.property && metadata.name === name);
}

function list(values: unknown): string {
  if (Array.isArray(values)) return values.map(String).join(', ');
  if (typeof values === 'object' && values !== null) return Object.values(values).join(', ');
  return String(values);
}
