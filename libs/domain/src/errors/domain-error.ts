import { DomainErrorCode } from './domain-error-code';

/** A command refused by a business rule. The message is French: it may be shown to a user. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
