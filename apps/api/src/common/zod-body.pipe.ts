import { parseShape } from '@amiflow/domain';
import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { validationFailed } from '../errors/validation-details';

/**
 * Checks a request body against a zod schema (the campaign file's is the domain's own) and
 * answers as the ValidationPipe does: 400 VALIDATION_FAILED, one French `<path> : <rule>` line per
 * problem, unknown fields refused where the schema is strict. The global ValidationPipe leaves
 * such a body alone: its parameter is typed by the schema, not by a class.
 */
export class ZodBodyPipe<Schema extends z.ZodType> implements PipeTransform<
  unknown,
  z.output<Schema>
> {
  constructor(private readonly schema: Schema) {}

  transform(body: unknown): z.output<Schema> {
    const parsed = parseShape(this.schema, withoutAbsentFields(body));
    if (parsed.ok) return parsed.value;
    throw validationFailed(parsed.problems.map(({ path, message }) => `${path} : ${message}`));
  }
}

/**
 * A field sent as null is taken as absent, as the class-validator DTOs these schemas replaced
 * took it (`@IsOptional` lets null through): an optional field may still be sent as null, a
 * required one is still refused. No key is left undefined either (zod keeps one, and the domain
 * reads every value of an offset). Items of a list are kept as they are.
 */
function withoutAbsentFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAbsentFields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null && field !== undefined)
      .map(([key, field]) => [key, withoutAbsentFields(field)]),
  );
}
