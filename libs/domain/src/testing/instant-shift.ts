// An instant a generated command carries (a new deadline, a due date, a consultation's start),
// given relative to now or to one of the aggregate's dates, or malformed: the property specs'
// shared generator of such instants, and how one is read once the command is issued.
import fc from 'fast-check';
import { DAY, MINUTE, SECOND } from './command-timing';

/** An instant `ms` after (negative: before) the base `from` names, or a malformed text. */
export type InstantShift<From extends string> =
  | {
      readonly from: From;
      readonly ms: number;
      /** false: without milliseconds (`…:00Z`), still a valid instant. */
      readonly canonical: boolean;
    }
  | { readonly invalid: string };

/**
 * Shifts from one of `froms`: mostly valid (one second or a day around the base, any minute
 * within two weeks, any millisecond within ten days), one time in thirteen malformed.
 */
export function shiftArbitrary<From extends string>(
  froms: readonly [From, ...From[]],
): fc.Arbitrary<InstantShift<From>> {
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc.record({
        from: fc.constantFrom(...froms),
        ms: fc.oneof(
          fc.constantFrom(-SECOND, 0, SECOND, DAY, -DAY),
          fc.integer({ min: -14 * 24 * 60, max: 14 * 24 * 60 }).map((minutes) => minutes * MINUTE),
          fc.integer({ min: -10 * DAY, max: 10 * DAY }),
        ),
        canonical: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.record({ invalid: fc.constantFrom('demain', '', '2019-11-15') }) },
  );
}

/** The ISO instant a shift stands for, `baseOf` giving its base in ms; a malformed one as is. */
export function resolveInstantShift<From extends string>(
  shift: InstantShift<From>,
  baseOf: (from: From) => number,
): string {
  if ('invalid' in shift) return shift.invalid;
  const iso = new Date(baseOf(shift.from) + shift.ms).toISOString();
  return shift.canonical ? iso : `${iso.slice(0, 19)}Z`;
}
