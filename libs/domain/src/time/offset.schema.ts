import { z } from 'zod';
import { Shape } from '../shared/schema-shape';

const YEAR_OF_DAYS = 366;

/** A whole number of units, at most a year either way. */
const upToAYear = (unitsPerDay: number) =>
  z
    .int()
    .min(-unitsPerDay * YEAR_OF_DAYS)
    .max(unitsPerDay * YEAR_OF_DAYS)
    .optional();

/**
 * How far from a date a reminder falls. Days are calendar days in the campaign's zone (J-7 keeps
 * its wall-clock time across a change of time); hours, minutes and seconds are elapsed time.
 * Negative values fall before the date.
 */
export const offsetSchema = z
  .strictObject({
    days: upToAYear(1).meta({ example: -7 }),
    hours: upToAYear(24),
    minutes: upToAYear(1440),
    seconds: upToAYear(86_400),
  })
  .meta({ id: 'Offset' });

export type Offset = Shape<typeof offsetSchema>;
