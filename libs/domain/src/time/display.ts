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
