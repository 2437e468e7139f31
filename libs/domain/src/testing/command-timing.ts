// When the commands of a generated sequence happen: the property tests' shared timing, so that
// sequences land on the instants that matter (a landmark, a date still ahead, one second around).
import fc from 'fast-check';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The reference campaign's span: from a week before the opening to well after the consultations have begun. */
export const REFERENCE_SPAN_START = Date.parse('2019-10-01T00:00:00.000Z');
export const REFERENCE_SPAN_END = Date.parse('2020-01-31T00:00:00.000Z');

export type When =
  /** At the same instant as the previous command. */
  | { readonly kind: 'same' }
  | { readonly kind: 'later'; readonly ms: number }
  /** At a fixed instant (a landmark ± 1 s, or anywhere in the span). */
  | { readonly kind: 'at'; readonly ms: number }
  /** Exactly at, or one second around, a date still ahead for the aggregate in its current state. */
  | { readonly kind: 'around'; readonly anchor: number; readonly deltaMs: number };

export function whenArbitrary(
  landmarks: readonly number[],
  spanStart: number,
  spanEnd: number,
): fc.Arbitrary<When> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant({ kind: 'same' as const }) },
    {
      weight: 10,
      arbitrary: fc.record({
        kind: fc.constant('later' as const),
        ms: fc.oneof(
          fc.constantFrom(1, SECOND),
          fc.integer({ min: 1, max: HOUR }),
          fc.integer({ min: 1, max: 3 * DAY }),
          fc.integer({ min: 1, max: 15 * DAY }),
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...landmarks), fc.constantFrom(-SECOND, 0, SECOND))
        .map(([landmark, delta]) => ({ kind: 'at' as const, ms: landmark + delta })),
    },
    {
      weight: 1,
      arbitrary: fc
        .date({ min: new Date(spanStart), max: new Date(spanEnd), noInvalidDate: true })
        .map((date) => ({ kind: 'at' as const, ms: date.getTime() })),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('around' as const),
        anchor: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.nat(12)),
        deltaMs: fc.constantFrom(-SECOND, 0, SECOND),
      }),
    },
  );
}

/** The instant a step happens at, never before the previous one. */
export function resolveWhen(when: When, previous: number, anchors: readonly number[]): number {
  switch (when.kind) {
    case 'same':
      return previous;
    case 'later':
      return previous + when.ms;
    case 'at':
      return Math.max(previous, when.ms);
    case 'around': {
      // Among the dates still ahead, in order: 0 is the next one.
      const ahead = anchors
        .map((anchor) => anchor + when.deltaMs)
        .filter((target) => target >= previous)
        .sort((a, b) => a - b);
      return ahead.length === 0 ? previous : ahead[when.anchor % ahead.length];
    }
  }
}

/**
 * When a sequence's first command happens: four times in five at a whole minute within `days`
 * of the span's start, otherwise as any later step may.
 */
export function startArbitrary(days: number, when: fc.Arbitrary<When>): fc.Arbitrary<When> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.integer({ min: 0, max: days * 24 * 60 }).map((minutes) => ({
        kind: 'at' as const,
        ms: REFERENCE_SPAN_START + minutes * MINUTE,
      })),
    },
    { weight: 1, arbitrary: when },
  );
}
