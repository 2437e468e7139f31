import { DomainErrorCode } from './domain-error-code';

/** A command refused by a business rule. The message is French: it may be shown to a user. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Machine-readable specifics (which dates are out of order, which section is unknown…). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function refuse(
  code: DomainErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): never {
  throw new DomainError(code, message, details);
}
