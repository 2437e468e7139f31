import { validateCampaignThemes } from '../analysis/campaign-themes';
import { ConsultationSettings } from '../consultations/consultation-schedule';
import { isReminderKind, REMINDER_KINDS } from '../reminders/reminder-rule';
import { isOrganisationType } from '../shared/organisation-type';
import { isInstant } from '../time/instant';
import { isValidTimeZone } from '../time/zoned-time';
import { CALENDAR_DATES, CampaignCalendar, CampaignDefinition } from './campaign-definition';
import { DefinitionProblem } from './definition-problem';
import { validateEvaluationGrid } from './evaluation-grid.validation';

export type { DefinitionProblem } from './definition-problem';

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function validateCampaignDefinition(definition: CampaignDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  if (definition.title.trim() === '') add('title', 'Le titre est obligatoire.');
  if (!isValidTimeZone(definition.timeZone)) {
    add('timeZone', `Fuseau horaire inconnu : ${definition.timeZone}.`);
  }
  problems.push(...validateCalendar(definition.calendar, definition.meeting !== undefined));
  if (definition.meeting) {
    if (definition.meeting.place.trim() === '') add('meeting.place', 'Le lieu est obligatoire.');
    if (!Number.isInteger(definition.meeting.capacity) || definition.meeting.capacity < 1) {
      add('meeting.capacity', 'La capacité doit être un entier positif.');
    }
  }

  if (definition.eligibility.eligibleTypes.length === 0) {
    add('eligibility.eligibleTypes', "Au moins un type d'organisation doit être éligible.");
  }
  definition.eligibility.eligibleTypes.forEach((eligible, index) => {
    if (!isOrganisationType(eligible.type)) {
      add(`eligibility.eligibleTypes[${index}]`, `Type inconnu : ${String(eligible.type)}.`);
    }
  });

  if (definition.sections.length === 0) add('sections', 'Le questionnaire est vide.');
  duplicates(definition.sections.map((section) => section.id)).forEach((id) =>
    add('sections', `Section en double : ${id}.`),
  );
  duplicates(definition.supportForms.map((form) => form.id)).forEach((id) =>
    add('supportForms', `Forme de soutien en double : ${id}.`),
  );

  duplicates(definition.reminders.map((rule) => rule.id)).forEach((id) =>
    add('reminders', `Relance en double : ${id}.`),
  );
  definition.reminders.forEach((rule, index) => {
    const path = `reminders[${index}]`;
    if (!isReminderKind(rule.kind)) {
      add(path, `Type de relance inconnu : ${String(rule.kind)}.`);
      return;
    }
    const expected = REMINDER_KINDS[rule.kind];
    if (rule.anchor !== expected.anchor || rule.audience !== expected.audience) {
      add(path, `Une relance ${rule.kind} part de ${expected.anchor} vers ${expected.audience}.`);
    }
    if (rule.atLocalTime !== undefined && !LOCAL_TIME.test(rule.atLocalTime)) {
      add(path, `Heure invalide : ${rule.atLocalTime} (attendu HH:mm).`);
    }
    if (rule.kind === 'OPERATOR_DIGEST' && rule.atLocalTime === undefined) {
      add(path, 'La synthèse quotidienne a besoin de son heure (atLocalTime).');
    }
    if (rule.kind === 'MEETING_REMINDER' && !definition.meeting) {
      add(path, "Relance de réunion sans réunion d'information.");
    }
    const amounts = Object.values(rule.offset) as unknown[];
    if (amounts.some((amount) => !Number.isInteger(amount))) {
      add(path, 'Les décalages sont des nombres entiers.');
    }
  });
  if (definition.consultations) problems.push(...validateConsultations(definition.consultations));
  problems.push(...validateCampaignThemes(definition.themes));
  if (definition.evaluationGrid)
    problems.push(...validateEvaluationGrid(definition.evaluationGrid));
  return problems;
}

const HOURS = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validateConsultations(settings: ConsultationSettings): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (message: string) => problems.push({ path: 'consultations', message });
  if (
    settings.workingDays.length === 0 ||
    settings.workingDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)
  ) {
    add('Les jours de consultation sont des jours de la semaine, de 1 (lundi) à 7 (dimanche).');
  }
  for (const range of settings.hours) {
    const [opens, closes] = range.split('-');
    if (!HOURS.test(range) || opens >= closes)
      add(`Plage horaire invalide : ${range} (attendu HH:mm-HH:mm).`);
  }
  if (
    !Number.isInteger(settings.durationMinutes) ||
    settings.durationMinutes < 5 ||
    settings.durationMinutes > 480
  ) {
    add('La durée d’une consultation va de 5 minutes à 8 heures.');
  }
  if (settings.rooms.length === 0) add('Au moins une salle est nécessaire.');
  duplicates(settings.rooms).forEach((room) => add(`Salle en double : ${room}.`));
  settings.daysOff
    .filter((day) => !LOCAL_DATE.test(day))
    .forEach((day) => add(`Jour invalide : ${day}.`));
  return problems;
}

/** The calendar's dates are instants, present when needed, and in the order the phases run. */
export function validateCalendar(
  calendar: CampaignCalendar,
  hasMeeting: boolean,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const date of CALENDAR_DATES) {
    const value = calendar[date];
    if (value === undefined) continue;
    if (!isInstant(value)) {
      problems.push({ path: `calendar.${date}`, message: `Date invalide : ${String(value)}.` });
    }
  }
  const meetingDates = [
    calendar.meetingRegistrationDeadline,
    calendar.meetingStartsAt,
    calendar.meetingEndsAt,
  ];
  if (hasMeeting && meetingDates.some((date) => date === undefined)) {
    problems.push({
      path: 'calendar',
      message: "La réunion d'information a besoin de ses dates (inscription, début, fin).",
    });
  }
  if (!hasMeeting && meetingDates.some((date) => date !== undefined)) {
    problems.push({ path: 'calendar', message: "Dates de réunion sans réunion d'information." });
  }
  if (problems.length > 0) return problems;

  const before = (
    earlier: keyof CampaignCalendar,
    later: keyof CampaignCalendar,
    strict = true,
  ) => {
    const a = calendar[earlier];
    const b = calendar[later];
    if (a === undefined || b === undefined) return;
    const inOrder = strict ? Date.parse(a) < Date.parse(b) : Date.parse(a) <= Date.parse(b);
    if (!inOrder) {
      problems.push({
        path: `calendar.${later}`,
        message: `${capitalise(DATE_LABELS[later])} doit suivre ${DATE_LABELS[earlier]}.`,
      });
    }
  };
  before('opensAt', 'submissionDeadline');
  before('submissionDeadline', 'consultationsStartAt');
  before('opensAt', 'meetingStartsAt', false);
  before('meetingRegistrationDeadline', 'meetingStartsAt', false);
  before('meetingStartsAt', 'meetingEndsAt');
  before('meetingStartsAt', 'submissionDeadline');
  return problems;
}

/** French names of the calendar's dates, for messages. */
export const DATE_LABELS: Readonly<Record<keyof CampaignCalendar, string>> = {
  opensAt: "l'ouverture",
  meetingRegistrationDeadline: 'la clôture des inscriptions à la réunion',
  meetingStartsAt: 'le début de la réunion',
  meetingEndsAt: 'la fin de la réunion',
  submissionDeadline: 'la date limite de dépôt',
  consultationsStartAt: 'le début des consultations',
};

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}
