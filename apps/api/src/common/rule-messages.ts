// The French wording of the API's own validation rules, for the decorators that carry their own
// `message` (class-validator's defaults are translated in errors/validation-details.ts). Each is
// the rule alone: the answer prefixes it with the field's path (`organisationId : doit être …`).

/** Campaign, organisation, section and other business keys (BUSINESS_KEY_PATTERN). */
export const KEY_MESSAGE =
  'doit être fait de lettres minuscules, de chiffres et de tirets intérieurs, 64 caractères au plus';

export const EACH_KEY_MESSAGE = `chaque élément ${KEY_MESSAGE}`;

export const CURSOR_MESSAGE = "doit être le nextCursor d'une page";

export const LOCAL_DATE_TIME_MESSAGE =
  'doit être une date et une heure locales AAAA-MM-JJTHH:mm[:ss], sans décalage horaire';

export const INSTANT_MESSAGE =
  'doit être un instant ISO 8601 avec Z ou un décalage horaire (2019-11-15T00:00:00+01:00)';
