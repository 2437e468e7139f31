import { deadlineInWords, formatInZone, zoneName } from '@amiflow/domain';
import { Mail } from './mail';

const SIGNATURE = "L'équipe de l'appel à manifestation d'intérêt";

/** A mail of plain paragraphs, signed: text, and the same paragraphs as escaped HTML. */
export function page(subject: string, paragraphs: readonly string[]): Mail {
  const all = [...paragraphs, SIGNATURE];
  return {
    subject,
    text: `${all.join('\n\n')}\n`,
    html: `<!doctype html><html lang="fr"><body>${all.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`,
  };
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
}

/** An instant as the mails show it: `29/10/2019 à 13:45 (heure de Paris)`, the zone in French. */
export function localTime(instant: string | undefined, zone: string): string {
  if (!instant) return 'date à confirmer';
  return `${formatInZone(instant, zone)} (${zoneName(zone)})`;
}

/** A deadline as the mails write it: `avant le 15 novembre 2019 (heure de Paris)` (see `deadlineInWords`). */
export function deadline(instant: string | undefined, zone: string): string {
  if (!instant) return 'avant une date à confirmer';
  return deadlineInWords(instant, zone);
}
