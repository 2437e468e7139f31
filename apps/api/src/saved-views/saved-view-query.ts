import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ApiError } from '../errors/api-error';
import { ListDossiersQuery } from '../dossiers/dtos/list-dossiers.query';

/**
 * A saved view's query must be one the dossier list accepts, so that opening the view never ends
 * in a 400: each parameter once, only the list's own, valid as the list validates them. A page
 * position (`cursor`) or size (`limit`) is not a view. Answers the query string re-encoded.
 */
export function checkSavedViewQuery(query: string): string {
  const parameters = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const values: Record<string, string> = {};
  for (const [name, value] of parameters) {
    if (name === 'cursor' || name === 'limit' || Object.hasOwn(values, name)) {
      throw refused(`le paramètre « ${name} » n'a pas sa place dans une vue enregistrée`);
    }
    values[name] = value;
  }
  const errors = validateSync(plainToInstance(ListDossiersQuery, values), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  if (errors.length > 0) {
    throw refused(errors.map((error) => error.property).join(', '));
  }
  return parameters.toString();
}

function refused(detail: string): ApiError {
  return new ApiError(
    400,
    'VALIDATION_FAILED',
    `La requête de cette vue n'est pas celle d'une liste de dossiers : ${detail}.`,
  );
}
