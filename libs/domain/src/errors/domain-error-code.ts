/** Every rule a command can break. The API maps each code to one HTTP status, exhaustively. */
export enum DomainErrorCode {
  DOSSIER_ALREADY_EXISTS = 'DOSSIER_ALREADY_EXISTS',
  DOSSIER_NOT_FOUND = 'DOSSIER_NOT_FOUND',
  INVALID_COMMAND = 'INVALID_COMMAND',
}

export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && (Object.values(DomainErrorCode) as string[]).includes(value);
}
