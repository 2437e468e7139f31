import { DomainError } from '@amiflow/domain';
import { domainErrorStatus } from './domain-error-status';
import { ErrorResponse } from './error-response';

/**
 * A refusal by a business rule, in the one error shape: the domain's code, its French message,
 * its details as `context` (which date, which phase…: what a program reads), and the problems it
 * lists, if any, as `details` lines `<path> : <message>`, the lines a refused input gets.
 */
export function domainErrorResponse(error: DomainError): ErrorResponse {
  const lines = problemLines(error.details?.problems);
  return {
    statusCode: domainErrorStatus(error.code),
    code: error.code,
    message: error.message,
    ...(lines.length > 0 && { details: lines }),
    ...(error.details !== undefined && { context: { ...error.details } }),
  };
}

function problemLines(problems: unknown): string[] {
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((problem: unknown) => {
    const { path, message } = (problem ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [`${path} : ${message}`] : [];
  });
}
