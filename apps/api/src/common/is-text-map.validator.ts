import { registerDecorator, ValidationOptions } from 'class-validator';

export interface TextMapBounds {
  readonly maxKeys: number;
  readonly keyPattern: RegExp;
  readonly maxLength: number;
}

/** A JSON object of texts (readings, identifiers…), bounded in keys, key shape and text size. */
export function IsTextMap(bounds: TextMapBounds, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTextMap',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `doit associer au plus ${bounds.maxKeys} clés (${String(bounds.keyPattern)}) à des textes de ${bounds.maxLength} caractères au plus`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
          const entries = Object.entries(value);
          return (
            entries.length <= bounds.maxKeys &&
            entries.every(
              ([key, text]) =>
                bounds.keyPattern.test(key) &&
                typeof text === 'string' &&
                text.length <= bounds.maxLength,
            )
          );
        },
      },
    });
}
