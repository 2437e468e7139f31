/**
 * Dates as operators read them: in the campaign's zone, always saying which
 * (« 29 octobre 2019 à 13 h 45, heure de Paris »).
 */
export function formatInstant(instant: string | Date, timeZone: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('fr-FR', {
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
  return `${parts.day} ${parts.month} ${parts.year} à ${parts.hour} h ${parts.minute}, ${zoneLabel(timeZone)}`;
}

/** « heure de Paris » for Europe/Paris, « heure de Nouméa »…; UTC as such. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const city = timeZone.split('/').pop() ?? timeZone;
  return `heure de ${city.replace(/_/g, ' ')}`;
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
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const asUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(asUtc)) return undefined;
  // The zone's offset at that instant: its wall clock read back as if it were UTC.
  const offset = (at: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
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
