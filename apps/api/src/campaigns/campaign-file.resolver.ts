import {
  CALENDAR_DATES,
  CampaignDefinition,
  CampaignFile,
  DefinitionProblem,
  EvaluationGrid,
  isLocalDateTime,
  isValidTimeZone,
  Offset,
  refusals,
  resolveCampaignFile,
  validateCampaignDefinition,
} from '@amiflow/domain';
import { CampaignFileInput, EvaluationGridInput, OffsetInput } from './dtos/campaign-file.input';

/**
 * Turns a campaign file sent over HTTP into the definition the domain runs: its wall-clock
 * calendar resolved to UTC instants in its zone, then checked by the domain's own rules. Every
 * problem found is answered at once, before any workflow is started (a definition the workflow
 * refused would leave an execution behind waiting for a valid one), with the refusal the domain
 * gives a calendar change: INVALID_CAMPAIGN_DEFINITION, the problems in French.
 */
export function resolveCampaignDefinition(
  campaignId: string,
  input: CampaignFileInput,
): CampaignDefinition {
  const problems = fileProblems(campaignId, input);
  if (problems.length > 0) throw refusals.invalidCampaignDefinition(problems);
  const { definition } = resolveCampaignFile(toCampaignFile(campaignId, input));
  const rules = validateCampaignDefinition(definition);
  if (rules.length > 0) throw refusals.invalidCampaignDefinition(rules);
  return definition;
}

/** What must hold before the calendar can be resolved at all. */
function fileProblems(campaignId: string, input: CampaignFileInput): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (input.campaignId !== undefined && input.campaignId !== campaignId) {
    problems.push({
      path: 'definition.campaignId',
      message: `Le fichier est celui de la campagne ${input.campaignId}, pas de ${campaignId}.`,
    });
  }
  if (!isValidTimeZone(input.timeZone)) {
    problems.push({ path: 'timeZone', message: `Fuseau horaire inconnu : ${input.timeZone}.` });
  }
  for (const date of CALENDAR_DATES) {
    const local = input.localCalendar[date];
    if (local !== undefined && !isLocalDateTime(local)) {
      problems.push({
        path: `localCalendar.${date}`,
        message: `Date et heure inexistantes : ${local}.`,
      });
    }
  }
  return problems;
}

/**
 * The validated input as plain data: only the file's fields, and no key left undefined (the
 * domain reads every value of an offset, and the definition travels as JSON).
 */
function toCampaignFile(campaignId: string, input: CampaignFileInput): CampaignFile {
  const calendar = input.localCalendar;
  return {
    campaignId,
    title: input.title,
    organisers: [...input.organisers],
    timeZone: input.timeZone,
    localCalendar: definedOnly({
      opensAt: calendar.opensAt,
      meetingRegistrationDeadline: calendar.meetingRegistrationDeadline,
      meetingStartsAt: calendar.meetingStartsAt,
      meetingEndsAt: calendar.meetingEndsAt,
      submissionDeadline: calendar.submissionDeadline,
      consultationsStartAt: calendar.consultationsStartAt,
    }),
    ...(input.meeting && {
      meeting: { place: input.meeting.place, capacity: input.meeting.capacity },
    }),
    eligibility: {
      eligibleTypes: input.eligibility.eligibleTypes.map(({ type, condition }) =>
        definedOnly({ type, condition }),
      ),
    },
    sections: input.sections.map(({ id, title, required }) => ({ id, title, required })),
    supportForms: input.supportForms.map(({ id, label }) => ({ id, label })),
    reminders: input.reminders.map((rule) =>
      definedOnly({
        id: rule.id,
        kind: rule.kind,
        anchor: rule.anchor,
        audience: rule.audience,
        offset: offsetOf(rule.offset),
        atLocalTime: rule.atLocalTime,
      }),
    ),
    ...(input.consultations && {
      consultations: {
        workingDays: [...input.consultations.workingDays],
        hours: [...input.consultations.hours],
        durationMinutes: input.consultations.durationMinutes,
        rooms: [...input.consultations.rooms],
        daysOff: [...input.consultations.daysOff],
      },
    }),
    ...(input.evaluationGrid && { evaluationGrid: toEvaluationGrid(input.evaluationGrid) }),
  };
}

function offsetOf(offset: OffsetInput): Offset {
  const { days, hours, minutes, seconds } = offset;
  return definedOnly({ days, hours, minutes, seconds });
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** The validated grid as plain data, without undefined keys. */
export function toEvaluationGrid(input: EvaluationGridInput): EvaluationGrid {
  return definedOnly({
    criteria: input.criteria.map(({ id, label, description, weight, scale }) => ({
      id,
      label,
      description,
      weight,
      scale: { min: scale.min, max: scale.max },
    })),
    disagreementThreshold: input.disagreementThreshold,
    shortlistThreshold: input.shortlistThreshold,
  });
}
