import { DomainErrorCode } from '@amiflow/domain';
import { HttpStatus } from '@nestjs/common';

/** Every domain code has exactly one status; a new code fails the type-check until placed here. */
export function domainErrorStatus(code: DomainErrorCode): HttpStatus {
  switch (code) {
    case DomainErrorCode.DOSSIER_ALREADY_EXISTS:
      return HttpStatus.CONFLICT;
    case DomainErrorCode.DOSSIER_NOT_FOUND:
      return HttpStatus.NOT_FOUND;
    case DomainErrorCode.INVALID_COMMAND:
      return HttpStatus.UNPROCESSABLE_ENTITY;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for domain error ${String(unhandled)}`);
    }
  }
}
