import type { Calendar } from '../api/types';
import { formatInstant, relativeTo } from '../format/dates';

interface Milestone {
  readonly at: string;
  readonly label: string;
}

/** The calendar's dated steps in order: opening, meeting, deadline, consultations. */
export function milestones(calendar: Calendar): Milestone[] {
  const all: (Milestone | undefined)[] = [
    { at: calendar.opensAt, label: 'Ouverture' },
    calendar.meetingRegistrationDeadline
      ? { at: calendar.meetingRegistrationDeadline, label: 'Fin des inscriptions à la réunion' }
      : undefined,
    calendar.meetingStartsAt
      ? { at: calendar.meetingStartsAt, label: "Réunion d'information" }
      : undefined,
    { at: calendar.submissionDeadline, label: 'Clôture des dépôts' },
    { at: calendar.consultationsStartAt, label: 'Début des auditions' },
  ];
  return all
    .filter((milestone): milestone is Milestone => milestone !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** « Clôture des dépôts dans 3 jours (14 novembre 2019 à 23 h 59, heure de Paris) ». */
export function NextMilestone({
  calendar,
  timeZone,
  now,
}: {
  calendar: Calendar;
  timeZone: string;
  now: number;
}) {
  const next = milestones(calendar).find((milestone) => new Date(milestone.at).getTime() > now);
  if (!next)
    return <p className="fr-text--sm fr-mb-1w">Toutes les étapes du calendrier sont passées.</p>;
  return (
    <p className="fr-text--sm fr-mb-1w">
      <strong>
        {next.label} {relativeTo(next.at, now)}
      </strong>{' '}
      ({formatInstant(next.at, timeZone)})
    </p>
  );
}

/**
 * The calendar as a line from the first to the last step, with "now" on it (clamped to the ends
 * when the campaign has not started or is over). Each mark has its date in full for assistive
 * technologies, as a list.
 */
export function CalendarTimeline({
  calendar,
  timeZone,
  now,
}: {
  calendar: Calendar;
  timeZone: string;
  now: number;
}) {
  const steps = milestones(calendar);
  const start = new Date(steps[0].at).getTime();
  const end = new Date(steps[steps.length - 1].at).getTime();
  const position = (at: number) =>
    `${Math.min(100, Math.max(0, ((at - start) / Math.max(1, end - start)) * 100))}%`;
  const short = new Intl.DateTimeFormat('fr-FR', { timeZone, day: 'numeric', month: 'short' });
  return (
    <>
      <div className="timeline" aria-hidden="true">
        {steps.map((step, index) => (
          <span
            key={step.label}
            className="timeline__mark"
            style={{
              left: position(new Date(step.at).getTime()),
              bottom: index % 2 ? '1.75rem' : '-0.5rem',
            }}
          >
            {short.format(new Date(step.at))}
          </span>
        ))}
        <span
          className="timeline__mark timeline__mark--now"
          style={{ left: position(now), bottom: '3rem' }}
        >
          maintenant
        </span>
      </div>
      <ul className="fr-text--sm">
        {steps.map((step) => (
          <li key={step.label}>
            {step.label} : {formatInstant(step.at, timeZone)}
          </li>
        ))}
      </ul>
    </>
  );
}
