// Reminder rules as another campaign could define them: the property specs' shared generator, each
// spec choosing the kinds of its own scope and the offsets and times of day worth trying.
import fc from 'fast-check';
import { REMINDER_KINDS, ReminderKind, ReminderRule } from '../reminders/reminder-rule';

export interface ReminderRulesShape {
  readonly kinds: readonly [ReminderKind, ...ReminderKind[]];
  /** The offset's days, within these bounds. */
  readonly days: { readonly min: number; readonly max: number };
  /** The offset's hours, one of these. */
  readonly hours: readonly [number, ...number[]];
  /** A time of day, one of these, half the time (the digest always has one). */
  readonly times: readonly [string, ...string[]];
  readonly maxLength: number;
}

/** Up to `maxLength` rules, `regle-0`, `regle-1`…, each with its kind's anchor and audience. */
export function reminderRulesArbitrary(
  shape: ReminderRulesShape,
): fc.Arbitrary<readonly ReminderRule[]> {
  return fc
    .array(
      fc.record({
        kind: fc.constantFrom<ReminderKind>(...shape.kinds),
        days: fc.integer(shape.days),
        hours: fc.constantFrom(...shape.hours),
        atLocalTime: fc.option(fc.constantFrom(...shape.times), { nil: undefined, freq: 2 }),
      }),
      { maxLength: shape.maxLength },
    )
    .map((specs) =>
      specs.map(({ kind, days, hours, atLocalTime }, index): ReminderRule => {
        const { anchor, audience } = REMINDER_KINDS[kind];
        const rule = { id: `regle-${index}`, kind, anchor, audience, offset: { days, hours } };
        // The digest needs its time of day.
        const time = kind === 'OPERATOR_DIGEST' ? (atLocalTime ?? '02:30') : atLocalTime;
        return time === undefined ? rule : { ...rule, atLocalTime: time };
      }),
    );
}
