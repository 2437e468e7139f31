import { formatInZone } from '@amiflow/domain';
import { Mail } from './reminder-mails';

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

/** An instant as the mails show it: `15/11/2019 à 00:00 (heure de Paris)`. */
export function localTime(instant: string | undefined, zone: string): string {
  if (!instant) return 'date à confirmer';
  const city = (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
  return `${formatInZone(instant, zone)} (heure de ${city})`;
}
