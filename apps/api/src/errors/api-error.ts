import { HttpException } from '@nestjs/common';

/**
 * A refusal that is not a domain rule (a header, a limit) but still needs its own machine code:
 * the exception filter answers `{ statusCode, code, message }` with this code.
 */
export class ApiError extends HttpException {
  constructor(statusCode: number, code: string, message: string) {
    super({ code, message }, statusCode);
  }
}
