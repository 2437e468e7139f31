import { registerDecorator, ValidationOptions } from 'class-validator';

const SECTION_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_SECTIONS = 50;
const MAX_ANSWER_LENGTH = 20_000;

/** A map of section ids to texts, bounded in keys and sizes. */
export function IsAnswers(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAnswers',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `$property must map at most ${MAX_SECTIONS} section ids (lowercase letters, digits, dashes) to texts of at most ${MAX_ANSWER_LENGTH} characters`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= MAX_SECTIONS &&
            entries.every(
              ([key, text]) =>
                SECTION_ID.test(key) &&
                typeof text === 'string' &&
                text.length <= MAX_ANSWER_LENGTH,
            )
          );
        },
      },
    });
}
