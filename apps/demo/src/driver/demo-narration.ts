import { toLocalDateTime } from '@amiflow/domain';
import { DemoStep } from '../scenario/demo-steps';
import { DemoRefusal } from '../actors/demo-gateway';
import { DemoThemeSuggestion } from '../scenario/demo-theme-review';

/** The moment of the original calendar, as a log shows it: `2019-10-14 09:30 Paris`. */
export function calendarMoment(at: string | Date, zone: string): string {
  const local = toLocalDateTime(typeof at === 'string' ? new Date(at) : at, zone);
  return `${local.slice(0, 10)} ${local.slice(11, 16)} ${zone.split('/').pop()}`;
}

/** What a step did, in a log line (English; the refusals amiflow gives stay in French). */
export function narrate(step: DemoStep, zone: string, refusal?: DemoRefusal): string {
  const who = step.role.organisation.organisationId;
  const { action } = step;
  let what: string;
  switch (action.type) {
    case 'RegisterForMeeting':
      what = `${who} registered for the information meeting`;
      break;
    case 'CreateDraft':
      what = `${who} opened its draft`;
      break;
    case 'SaveAnswers':
      what = `${who} saved ${Object.keys(action.answers).length} answer(s)`;
      break;
    case 'Submit':
      what = action.late ? `${who} tried to submit after the deadline` : `${who} submitted`;
      break;
    case 'RecordScreeningResult':
      what = `the operator marked ${who} ${action.result}`;
      break;
  }
  const outcome = refusal
    ? ` -> refused (${refusal.status ? `${refusal.status} ` : ''}${refusal.code}): « ${refusal.message} »`
    : '';
  return `${calendarMoment(step.at, zone)}  ${what}${outcome}`;
}

/**
 * What a reviewer did with a dossier's theme suggestions, in a log line:
 * `2019-11-25 10:00 Paris  evaluatrice-demo tagged org-1's themes: accepted formation (0.81); rejected recherche-partenariats (0.70)`.
 */
export function narrateThemeReview(
  step: DemoStep,
  zone: string,
  reviewerId: string,
  accepted: readonly DemoThemeSuggestion[],
  rejected: readonly DemoThemeSuggestion[],
): string {
  const who = step.role.organisation.organisationId;
  const list = (suggestions: readonly DemoThemeSuggestion[]) =>
    suggestions.length === 0
      ? 'none'
      : suggestions.map((s) => `${s.themeId} (${s.score.toFixed(2)})`).join(', ');
  return (
    `${calendarMoment(step.at, zone)}  ${reviewerId} tagged ${who}'s themes: ` +
    `accepted ${list(accepted)}; rejected ${list(rejected)}`
  );
}
