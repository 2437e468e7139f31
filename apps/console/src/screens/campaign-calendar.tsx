import { useLayoutEffect, useRef, useState } from 'react';
import type { Calendar } from '../api/types';
import { StackedLabel, stackLabels } from './timeline-layout';
import { dateTimeFormat } from '../format/date-time-format';
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
 * when the campaign has not started or is over). Each step is a dot on the line and a short date
 * above it; dates too close to fit side by side go up a row (see `stackLabels`), so none hides
 * another however compressed the calendar. The full dates are in the list below, for everyone and
 * for assistive technologies (the drawing is hidden from them).
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
  const fraction = (at: number) =>
    Math.min(1, Math.max(0, (at - start) / Math.max(1, end - start)));
  const short = dateTimeFormat('fr-FR', { timeZone, day: 'numeric', month: 'short' });
  const marks = [
    ...steps.map((step) => ({
      key: step.label,
      text: short.format(new Date(step.at)),
      at: fraction(new Date(step.at).getTime()),
      now: false,
    })),
    { key: 'now', text: 'maintenant', at: fraction(now), now: true },
  ];
  const line = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<StackedLabel[] | undefined>(undefined);
  const signature = marks.map((mark) => `${mark.text}@${mark.at}`).join('|');
  useLayoutEffect(() => {
    const element = line.current;
    if (!element) return;
    const measure = () => {
      const labels = [...element.querySelectorAll<HTMLElement>('.timeline__label')];
      setLayout(
        stackLabels(
          element.clientWidth,
          labels.map((label, index) => ({ at: marks[index].at, width: label.offsetWidth })),
        ),
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
    // marks is rebuilt on every render; its signature says when it changed.
  }, [signature]);
  const rows = layout ? Math.max(...layout.map((label) => label.row)) + 1 : 1;
  return (
    <>
      <div
        ref={line}
        className="timeline"
        aria-hidden="true"
        style={{ height: `${rows * LABEL_ROW_REM + 1.5}rem` }}
      >
        {marks.map((mark) => (
          <span
            key={`dot-${mark.key}`}
            className={`timeline__dot${mark.now ? ' timeline__dot--now' : ''}`}
            style={{ left: `${mark.at * 100}%` }}
          />
        ))}
        {marks.map((mark, index) => (
          <span
            key={`label-${mark.key}`}
            className={`timeline__label${mark.now ? ' timeline__label--now' : ''}`}
            style={
              layout
                ? {
                    left: `${layout[index].left}px`,
                    bottom: `${1 + layout[index].row * LABEL_ROW_REM}rem`,
                  }
                : { visibility: 'hidden' }
            }
          >
            {mark.text}
          </span>
        ))}
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

/** The height of a row of labels (a 0.75 rem line, 1 rem high, and some space). */
const LABEL_ROW_REM = 1.25;
