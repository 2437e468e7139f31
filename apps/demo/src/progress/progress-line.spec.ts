import { progressLine } from './progress-line';

describe('progressLine', () => {
  it('shows the calendar reached in Paris, the phase, the dossiers in lifecycle order and the mails', () => {
    const line = progressLine(
      {
        phase: 'OPEN',
        dossiersByState: { SUBMITTED: 1, DRAFT: 5, INELIGIBLE: 1 },
        mailsSent: 17,
        remindersSent: 12,
      },
      new Date('2019-10-29T12:45:00.000Z'),
      'Europe/Paris',
    );
    expect(line).toEqual({
      clock: '2019-10-29 13:45 Paris',
      state: 'OPEN | dossiers: 5 DRAFT, 1 SUBMITTED, 1 INELIGIBLE | mails: 17 sent (12 reminders)',
    });
  });

  it('says so when nothing exists yet', () => {
    const line = progressLine(
      { dossiersByState: {}, mailsSent: 0, remindersSent: 0 },
      new Date('2019-10-08T22:00:00.000Z'),
      'Europe/Paris',
    );
    expect(line.state).toBe('NOT CREATED | dossiers: none | mails: 0 sent (0 reminders)');
  });
});
