import { dateTimeFormat } from './date-time-format';

/**
 * Dates as operators read them: in the campaign's zone, always saying which
 * (« 29 octobre 2019 à 13 h 45, heure de Paris »).
 */
export function formatInstant(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(
    dateTimeFormat('fr-FR', {
      timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${ordinalDay(parts.day)} ${parts.month} ${parts.year} à ${parts.hour} h ${parts.minute}, ${zoneLabel(timeZone)}`;
}

/** « 1er décembre », as French writes the first of a month; other days as they are. */
function ordinalDay(day: string): string {
  return day === '1' ? '1er' : day;
}

/**
 * The places of France and its overseas territories where the platform's French zone names
 * (CLDR) name a region (« heure d'Europe centrale ») rather than the place people know. The same
 * table as the mails' (libs/domain time/display.ts, `zoneName`): the console talks to the API only
 * and may not import the domain (eslint's module boundaries), so it keeps its own copy.
 */
const PLACE_NAMES: Readonly<Record<string, string>> = {
  'Europe/Paris': 'heure de Paris',
  'America/Martinique': 'heure de la Martinique',
  'America/Guadeloupe': 'heure de la Guadeloupe',
  'America/St_Barthelemy': 'heure de Saint-Barthélemy',
  'America/Marigot': 'heure de Saint-Martin',
  'Indian/Mayotte': 'heure de Mayotte',
  'Pacific/Noumea': 'heure de la Nouvelle-Calédonie',
};

/**
 * A zone as a French reader says it, as the mails do (issue 10, fault 11): « heure de Paris »,
 * « heure de La Réunion », « heure de la Nouvelle-Calédonie »; other zones by the platform's
 * French name (CLDR), else the zone's code; UTC as such.
 */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const known = PLACE_NAMES[timeZone];
  if (known) return known;
  try {
    const name = dateTimeFormat('fr-FR', { timeZone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value;
    return name ?? timeZone;
  } catch {
    return timeZone;
  }
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
// From 20 hours on, a person counts in days (« dans 1 jour » rather than « dans 23 heures »).
const DAYS_FROM_MS = 20 * HOUR_MS;

/** « dans 3 jours », « dans 5 heures », « il y a 2 jours »: how far an instant is from now. */
export function relativeTo(instant: string, now: number): string {
  const ms = new Date(instant).getTime() - now;
  const abs = Math.abs(ms);
  const amount =
    abs >= DAYS_FROM_MS
      ? plural(Math.max(1, Math.round(abs / DAY_MS)), 'jour')
      : abs >= HOUR_MS
        ? plural(Math.round(abs / HOUR_MS), 'heure')
        : plural(Math.max(1, Math.round(abs / 60_000)), 'minute');
  return ms >= 0 ? `dans ${amount}` : `il y a ${amount}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count > 1 ? 's' : ''}`;
}

/**
 * The UTC instant (ISO 8601) a calendar day (`YYYY-MM-DD`) starts at in an IANA time zone, e.g.
 * `2026-03-01` in Europe/Paris → `2026-02-28T23:00:00.000Z`. Undefined for anything else.
 */
export function startOfDayIn(day: string, timeZone: string): string | undefined {
  return instantIn(day, '00:00', timeZone);
}

/**
 * The UTC instant (ISO 8601) of a wall-clock time (`HH:mm`) on a calendar day (`YYYY-MM-DD`) in an
 * IANA time zone — what an operator types « heure de Paris » becomes for the API, e.g.
 * `2026-12-03` `10:00` in Europe/Paris → `2026-12-03T09:00:00.000Z`. Undefined for anything else.
 */
export function instantIn(day: string, time: string, timeZone: string): string | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const clock = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!date || !clock) return undefined;
  const [year, month, dayOfMonth] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const asUtc = Date.UTC(year, month - 1, dayOfMonth, Number(clock[1]), Number(clock[2]));
  // 2026-02-30 would roll over to March, month 31 into another year: not a day anyone meant.
  const rolled = new Date(asUtc);
  if (rolled.getUTCMonth() !== month - 1 || rolled.getUTCDate() !== dayOfMonth) return undefined;
  // The zone's offset at that instant: its wall clock read back as if it were UTC.
  const offset = (at: number) => {
    const parts = Object.fromEntries(
      dateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      })
        .formatToParts(at)
        .map((part) => [part.type, part.value]),
    );
    const wall = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    );
    return wall - at;
  };
  // Twice: the offset at the first guess may differ from the one at the answer (a DST change).
  const first = asUtc - offset(asUtc);
  return new Date(asUtc - offset(first)).toISOString();
}

/** The parts of an instant on a zone's calendar and clock, as `Intl` names them. */
function partsIn(
  instant: string | Date,
  timeZone: string,
  fields: Intl.DateTimeFormatOptions,
): Record<string, string> {
  return Object.fromEntries(
    dateTimeFormat('en-GB', { timeZone, ...fields })
      .formatToParts(typeof instant === 'string' ? new Date(instant) : instant)
      .map((part) => [part.type, part.value]),
  );
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in a zone: a date field's default. */
export function dayIn(instant: string | Date, timeZone: string): string {
  const parts = partsIn(instant, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The wall-clock time (`HH:mm`) an instant shows in a zone: a time field's default. */
export function clockIn(instant: string | Date, timeZone: string): string {
  const parts = partsIn(instant, timeZone, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${parts.hour}:${parts.minute}`;
}

/**
 * A period as operators read it: « 3 décembre 2026 de 10 h 00 à 11 h 00, heure de Paris » on one
 * day, both ends in full otherwise.
 */
export function formatPeriod(startsAt: string, endsAt: string, timeZone: string): string {
  if (dayIn(startsAt, timeZone) !== dayIn(endsAt, timeZone)) {
    return `du ${formatInstant(startsAt, timeZone)} au ${formatInstant(endsAt, timeZone)}`;
  }
  const start = formatInstant(startsAt, timeZone);
  const [day] = start.split(' à ');
  const time = (instant: string) => formatInstant(instant, timeZone).split(' à ')[1].split(',')[0];
  return `${day} de ${time(startsAt)} à ${time(endsAt)}, ${zoneLabel(timeZone)}`;
}

/**
 * A day as a French operator types it (`jj/mm/aaaa`, e.g. `03/12/2026` or `3/12/2026`) as the
 * `YYYY-MM-DD` the other functions take; undefined for anything else. A text field rather than the
 * browser's date field: that one follows the browser's language (mm/dd/yyyy in an English one).
 */
export function parseFrenchDay(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  return `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}

/** A time typed `14:30`, `14h30` or `9 h 05` as `HH:mm`; undefined for anything else. */
export function parseClock(text: string): string | undefined {
  const match = /^\s*([01]?\d|2[0-3])\s*[:hH]\s*([0-5]\d)\s*$/.exec(text);
  return match ? `${match[1].padStart(2, '0')}:${match[2]}` : undefined;
}

/** A `YYYY-MM-DD` day as a French operator types it (`jj/mm/aaaa`); anything else as it is. */
export function frenchDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** The day an instant falls on in a zone, as a French operator types it (`jj/mm/aaaa`). */
export function frenchDayIn(instant: string | Date, timeZone: string): string {
  return frenchDay(dayIn(instant, timeZone));
}
