import { z } from 'zod';
import { Shape } from '../../shared/schema-shape';
import { LOCAL_DATE_TIME_PATTERN } from '../../time/zoned-time';

/** The rule of a wall-clock date, in French, as a `<path> : <rule>` line states it. */
export const LOCAL_DATE_TIME_MESSAGE =
  'doit être une date et une heure locales AAAA-MM-JJTHH:mm[:ss], sans décalage horaire';

/** Its form only: whether the date exists in the campaign's zone is a rule (a 422). */
const localDateTime = (example: string, description?: string) =>
  z
    .string()
    .regex(LOCAL_DATE_TIME_PATTERN, { error: LOCAL_DATE_TIME_MESSAGE })
    .meta({ example, description: description ?? 'Wall-clock time in the zone' });

/**
 * The campaign's dates as an announcement states them, in wall-clock time of its zone. The
 * meeting's dates are here too because an administrator moves them the same way as the others;
 * they are present exactly when the campaign holds an information meeting (a rule).
 */
export const localCalendarSchema = z
  .strictObject({
    opensAt: localDateTime('2019-10-09T00:00'),
    meetingRegistrationDeadline: localDateTime('2019-10-29T13:45').optional(),
    meetingStartsAt: localDateTime('2019-10-29T13:45').optional(),
    meetingEndsAt: localDateTime('2019-10-29T16:00').optional(),
    submissionDeadline: localDateTime(
      '2019-11-15T00:00',
      'Submissions are accepted strictly before it',
    ),
    consultationsStartAt: localDateTime('2019-12-01T00:00'),
  })
  .meta({ id: 'LocalCalendar' });

export type LocalCalendar = Shape<typeof localCalendarSchema>;
