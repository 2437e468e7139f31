import { DomainError } from '@amiflow/domain';
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { domainErrorStatus } from './domain-error-status';
import { ErrorResponse } from './error-response';

const HTTP_CODES: Partial<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Seconds a client should wait before retrying a 503. */
const RETRY_AFTER_SECONDS = '2';

/** Turns every error into the one error shape; anything unforeseen is logged and is a 500. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = this.toErrorResponse(exception);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (body.statusCode === 401) {
      void reply.header('www-authenticate', 'Bearer realm="amiflow"');
    }
    if (body.statusCode === 503) void reply.header('retry-after', RETRY_AFTER_SECONDS);
    void reply.status(body.statusCode).send(body);
  }

  private toErrorResponse(exception: unknown): ErrorResponse {
    if (exception instanceof DomainError) {
      return {
        statusCode: domainErrorStatus(exception.code),
        code: exception.code,
        message: exception.message,
      };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    const status = statusOfFrameworkError(exception);
    if (status !== undefined) {
      return {
        statusCode: status,
        code: HTTP_CODES[status] ?? 'BAD_REQUEST',
        message: (exception as Error).message,
      };
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'Une erreur interne est survenue. Réessayez plus tard.',
    };
  }
}

function fromHttpException(exception: HttpException): ErrorResponse {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  // ValidationPipe puts one message per broken constraint in `message`.
  const messages =
    typeof response === 'object' && response !== null && 'message' in response
      ? response.message
      : undefined;
  if (Array.isArray(messages)) {
    return {
      statusCode,
      code: 'VALIDATION_FAILED',
      message: 'La requête est invalide.',
      details: messages.map(String),
    };
  }
  return {
    statusCode,
    code: codeOf(response) ?? HTTP_CODES[statusCode] ?? `HTTP_${statusCode}`,
    message: exception.message,
  };
}

/** The machine code an ApiError carries. */
function codeOf(response: string | object): string | undefined {
  return typeof response === 'object' && 'code' in response && typeof response.code === 'string'
    ? response.code
    : undefined;
}

/** Fastify's own 4xx errors (malformed JSON, body too large, wrong content type). */
function statusOfFrameworkError(exception: unknown): number | undefined {
  if (!(exception instanceof Error) || !('statusCode' in exception)) return undefined;
  const status = exception.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
