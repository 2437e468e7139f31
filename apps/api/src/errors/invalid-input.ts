import { BadRequestException } from '@nestjs/common';

/**
 * A request field that breaks a rule the validation pipe cannot see (a cursor that is not one of
 * ours, a control character): answered as the pipe answers its own, 400 VALIDATION_FAILED with
 * one `<path> : <rule>` line in `details`, so that a client reads every malformed input alike.
 */
export function invalidInput(
  path: string,
  rule: string,
  message = 'La requête est invalide.',
): BadRequestException {
  return new BadRequestException({
    code: 'VALIDATION_FAILED',
    message,
    details: [`${path} : ${rule}`],
  });
}
