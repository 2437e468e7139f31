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

/**
 * Where the platform's French zone names (CLDR, through Intl) name a region rather than the place
 * its people know (« heure normale de l'Atlantique » for La Martinique, « heure d'Europe centrale »
 * for Paris), the place: the zones of France and of its overseas territories.
 */
const PLACE_NAMES: Readonly<Record<string, string>> = {
  'Europe/Paris': 'heure de Paris',
  'America/Martinique': 'heure de la Martinique',
  'America/Guadeloupe': 'heure de la Guadeloupe',
  'America/St_Barthelemy': 'heure de Saint-Barthélemy',
  'America/Marigot': 'heure de Saint-Martin',
  'Indian/Mayotte': 'heure de Mayotte',
  // CLDR says « heure normale de la Nouvelle-Calédonie », though it has no other.
  'Pacific/Noumea': 'heure de la Nouvelle-Calédonie',
};

/**
 * A zone's name as a French reader says it, for every date shown to people (mails, calendar
 * labels): « heure de Paris », « heure de La Réunion », « heure de la Guyane française »,
 * « heure de Saint-Pierre-et-Miquelon »; a zone without a place reads as its offset
 * (« UTC−03:00 »). From the platform's CLDR names, except the places of `PLACE_NAMES`.
 */
export function zoneName(zone: string): string {
  const known = PLACE_NAMES[zone];
  if (known) return known;
  const name = new Intl.DateTimeFormat('fr-FR', { timeZone: zone, timeZoneName: 'longGeneric' })
    // The zone's name today: CLDR changes it with its history (Miquelon was on Atlantic time).
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')?.value;
  return name ?? zone;
}

/**
 * A deadline as people should read it, in the campaign's zone, with the words that fit the last
 * accepted second (docs/domain/reference-campaign.md, the readings): a deadline at local
 * midnight is the start of a day nobody may use, so it reads « avant le 15 novembre 2019 (heure
 * de Paris) », as the announcement writes it, never « le 15/11/2019 à 00:00 », which people take
 * for the last day; any other time reads « avant le 8 novembre 2019 à 18 h 00 (heure de Paris) ».
 */
export function deadlineInWords(deadline: string, zone: string): string {
  const local = toLocalDateTime(new Date(deadline), zone);
  const words = longFrenchDateTime(deadline, zone);
  const day = local.endsWith('T00:00:00') ? words.slice(0, words.indexOf(' à ')) : words;
  return `avant le ${day} (${zoneName(zone)})`;
}
