import { DomainError } from '@amiflow/domain';
import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { errorCodes, type FastifyReply } from 'fastify';
import { MAX_BODY_BYTES } from '../common/json-body-parser';
import { domainErrorResponse } from './domain-error-response';
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
    if (exception instanceof DomainError) return domainErrorResponse(exception);
    if (exception instanceof HttpException) return fromHttpException(exception);
    const status = statusOfFrameworkError(exception);
    if (status !== undefined) {
      return {
        statusCode: status,
        code: HTTP_CODES[status] ?? 'BAD_REQUEST',
        message: frameworkErrorMessage(exception as Error & { code?: unknown }, status),
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
  const details = detailsOf(response);
  return {
    statusCode,
    code: codeOf(response) ?? HTTP_CODES[statusCode] ?? `HTTP_${statusCode}`,
    message: frenchMessageOf(exception, response, statusCode),
    ...(details && { details }),
  };
}

/** The `<path> : <rule>` lines an exception of ours carries (see invalidInput). */
function detailsOf(response: string | object): string[] | undefined {
  return typeof response === 'object' && 'details' in response && Array.isArray(response.details)
    ? response.details.map(String)
    : undefined;
}

/** Nest's answer to a URL no route serves, in English ("Cannot GET /x"). */
const NEST_ROUTE_NOT_FOUND = /^Cannot [A-Z]+ \//;

/**
 * Our own exceptions carry French messages. Nest hands fastify's refusals (unsupported media
 * type, malformed JSON, body too large…) over as a bare HttpException whose response is the
 * English text alone: those, and Nest's "Cannot GET /x", are put into French here.
 */
function frenchMessageOf(
  exception: HttpException,
  response: string | object,
  statusCode: number,
): string {
  if (NEST_ROUTE_NOT_FOUND.test(exception.message)) {
    return 'Aucune route ne répond à cette méthode et cette adresse.';
  }
  if (typeof response !== 'string') return exception.message;
  return FRAMEWORK_MESSAGES_BY_TEXT.get(response) ?? frameworkErrorMessage(exception, statusCode);
}

/**
 * Fastify's own refusals, before any route runs, in French for whoever sent the request
 * (their English text is only for the logs): by fastify's error code, else by status.
 */
const FRAMEWORK_MESSAGES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE:
    'Le corps de la requête doit être du JSON, envoyé avec Content-Type: application/json.',
  FST_ERR_CTP_INVALID_JSON_BODY: "Le corps de la requête n'est pas du JSON valide.",
  FST_ERR_CTP_EMPTY_JSON_BODY:
    'Le corps de la requête est vide alors que Content-Type annonce du JSON.',
  FST_ERR_CTP_BODY_TOO_LARGE: `Le corps de la requête dépasse la taille permise (${MAX_BODY_BYTES / 1024} Kio).`,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH:
    "L'en-tête Content-Length ne correspond pas à la taille du corps de la requête.",
};

/** The same French messages, by fastify's English text (what reaches us through Nest). */
const FRAMEWORK_MESSAGES_BY_TEXT = new Map(
  Object.entries(FRAMEWORK_MESSAGES).map(([code, french]) => [
    new (errorCodes[code as keyof typeof errorCodes] as new () => Error)().message,
    french,
  ]),
);

function frameworkErrorMessage(error: Error & { code?: unknown }, status: number): string {
  const known = typeof error.code === 'string' ? FRAMEWORK_MESSAGES[error.code] : undefined;
  if (known !== undefined) return known;
  // secure-json-parse's refusals of __proto__ and constructor.prototype keys are SyntaxErrors.
  if (error instanceof SyntaxError) return "Le corps de la requête n'est pas du JSON accepté.";
  if (status === 415) return FRAMEWORK_MESSAGES.FST_ERR_CTP_INVALID_MEDIA_TYPE;
  if (status === 413) return FRAMEWORK_MESSAGES.FST_ERR_CTP_BODY_TOO_LARGE;
  return 'La requête est invalide.';
}

/**
 * Fastify's own answer to a path its router cannot take (FST_ERR_MAX_PARAM_LENGTH: a segment over
 * 100 characters, 414; FST_ERR_BAD_URL: a bad percent escape, 400), given as its
 * `frameworkErrors` option: in the error shape, in French.
 */
export function answerRoutingError(
  error: { statusCode?: number },
  _request: unknown,
  reply: FastifyReply,
): void {
  const statusCode = error.statusCode === 414 ? 414 : 400;
  void reply.code(statusCode).send(
    statusCode === 414
      ? {
          statusCode,
          code: 'URI_TOO_LONG',
          message: "Un segment de l'adresse dépasse 100 caractères.",
        }
      : { statusCode, code: 'BAD_REQUEST', message: "L'adresse de la requête n'est pas valide." },
  );
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
