import type { z } from 'zod';

/**
 * What a schema accepts, as the domain holds it: read-only all the way down, so that a type
 * derived from a schema reads like the hand-written interfaces beside it.
 */
export type Shape<Schema extends z.ZodType> = DeepReadonly<z.output<Schema>>;

type DeepReadonly<T> = T extends readonly (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
    : T;
