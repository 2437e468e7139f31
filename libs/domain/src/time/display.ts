import { toLocalDateTime } from './zoned-time';

/** An instant as a French reader expects it, in the campaign's zone: `29/10/2019 à 13:45`. */
export function formatInZone(moment: string, zone: string): string {
  const local = toLocalDateTime(new Date(moment), zone);
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} à ${local.slice(11, 16)}`;
}

/** The same, followed by the zone, for messages that must not be misread: `… (Europe/Paris)`. */
export function formatWithZone(moment: string, zone: string): string {
  return `${formatInZone(moment, zone)} (${zone})`;
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/**
 * An instant as a French announcement writes it, in the campaign's zone:
 * `29 octobre 2019 à 13 h 45`, `1er décembre 2019 à 0 h 00`. Seconds are not shown.
 */
export function longFrenchDateTime(instant: string, zone: string): string {
  const local = toLocalDateTime(new Date(instant), zone);
  const day = Number(local.slice(8, 10));
  const month = MONTHS[Number(local.slice(5, 7)) - 1];
  const hour = Number(local.slice(11, 13));
  return `${day === 1 ? '1er' : day} ${month} ${local.slice(0, 4)} à ${hour} h ${local.slice(14, 16)}`;
}
