// The French wording of the API's own validation rules, for the decorators that carry their own
// `message` (class-validator's defaults are translated in errors/validation-details.ts). Each is
// the rule alone: the answer prefixes it with the field's path (`organisationId : doit être …`).

import { KEY_MESSAGE, LOCAL_DATE_TIME_MESSAGE } from '@amiflow/domain';

/**
 * Campaign, organisation, section and other business keys (BUSINESS_KEY_PATTERN), and the
 * campaign file's wall-clock dates: worded by the domain, whose campaign-file schema uses them.
 */
export { KEY_MESSAGE, LOCAL_DATE_TIME_MESSAGE };

export const EACH_KEY_MESSAGE = `chaque élément ${KEY_MESSAGE}`;

export const CURSOR_MESSAGE = "doit être le nextCursor d'une page";

export const INSTANT_MESSAGE =
  'doit être un instant ISO 8601 avec Z ou un décalage horaire (2019-11-15T00:00:00+01:00)';
