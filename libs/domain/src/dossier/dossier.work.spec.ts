import { dossierAfter } from '../testing/reference-dossier';
import {
  create,
  submit,
  assess,
  requestClarification,
  answerClarification,
  startScreening,
  toConsultation,
  toFollowUp,
} from '../testing/reference-dossier-steps';
import { Dossier } from './dossier.state';
import { dossierTab, dossierWork, dueItems, isLate, nextDue } from './dossier.work';

// The reference campaign (2019): deadline 15 Nov 00:00 Paris = 14 Nov 23:00 UTC; reminders at
// J-7 and J-1 09:00 Paris; clarification reminder two days before its due date.
const given = dossierAfter;

const tabAt = (dossier: Dossier, at: string) => dossierTab(dossierWork(dossier), new Date(at));

describe('who must act on a dossier: its tab', () => {
  it('puts a draft with its organisation', () => {
    expect(tabAt(given(create), '2019-10-11T00:00:00Z')).toBe('awaiting-organisation');
  });

  it('puts a just-submitted dossier in no tab while the automatic check runs', () => {
    expect(tabAt(given(create, submit), '2019-11-01T08:00:30Z')).toBeUndefined();
  });

  it.each(['NEEDS_REVIEW', 'ELIGIBLE'] as const)(
    'puts a dossier assessed %s with the operators',
    (decision) => {
      expect(tabAt(given(create, submit, assess(decision)), '2019-11-02T00:00:00Z')).toBe(
        'to-process',
      );
    },
  );

  it('counts an ineligibility decided as processed', () => {
    expect(tabAt(given(create, submit, assess('INELIGIBLE')), '2019-11-02T00:00:00Z')).toBe(
      'processed',
    );
  });

  it('puts a dossier with a clarification pending with its organisation, then back with the operators once answered', () => {
    const asked = given(create, submit, assess('NEEDS_REVIEW'), requestClarification);
    expect(tabAt(asked, '2019-11-04T09:00:00Z')).toBe('awaiting-organisation');
    const answered = given(
      create,
      submit,
      assess('NEEDS_REVIEW'),
      requestClarification,
      answerClarification,
    );
    expect(tabAt(answered, '2019-11-05T09:00:00Z')).toBe('to-process');
  });

  it('puts a dossier under screening with the operators', () => {
    expect(
      tabAt(given(create, submit, assess('ELIGIBLE'), startScreening), '2019-11-19T00:00:00Z'),
    ).toBe('to-process');
  });

  it('puts a consultation with the operators only once it has ended without an outcome', () => {
    const scheduled = given(...toConsultation);
    expect(tabAt(scheduled, '2019-12-03T09:30:00Z')).toBeUndefined();
    expect(tabAt(scheduled, '2019-12-03T10:00:00Z')).toBe('to-process');
  });

  it('puts a follow-up with the operators once it is overdue, not before', () => {
    const following = given(...toFollowUp);
    expect(tabAt(following, '2019-12-10T00:00:00Z')).toBeUndefined();
    expect(tabAt(following, '2019-12-20T17:00:01Z')).toBe('to-process');
  });

  it('counts a withdrawn dossier as processed, whatever clarification was left open', () => {
    const withdrawn = given(create, submit, assess('NEEDS_REVIEW'), requestClarification, [
      { type: 'WithdrawDossier', reason: 'Plus de moyens.' },
      '2019-11-06T08:00:00.000Z',
    ]);
    expect(tabAt(withdrawn, '2019-11-07T00:00:00Z')).toBe('processed');
  });
});

describe('what falls due on a dossier, and when', () => {
  it('lists a draft’s deadline reminders and its deadline, earliest first', () => {
    expect(dueItems(given(create))).toEqual([
      {
        kind: 'REMINDER',
        dueAt: '2019-11-08T08:00:00.000Z',
        label: 'Relance avant la date limite de dépôt',
      },
      {
        kind: 'REMINDER',
        dueAt: '2019-11-14T08:00:00.000Z',
        label: 'Relance avant la date limite de dépôt',
      },
      { kind: 'DEADLINE', dueAt: '2019-11-14T23:00:00.000Z', label: 'Date limite de dépôt' },
    ]);
  });

  it('drops the deadline once submitted, and lists an open clarification with its reminder', () => {
    const asked = given(create, submit, assess('NEEDS_REVIEW'), requestClarification);
    expect(dueItems(asked).map(({ kind, dueAt }) => [kind, dueAt])).toEqual([
      ['REMINDER', '2019-11-10T08:00:00.000Z'],
      ['CLARIFICATION', '2019-11-12T17:00:00.000Z'],
    ]);
    expect(nextDue(asked)?.kind).toBe('REMINDER');
  });

  it('lists nothing once the clarification is answered and the dossier waits on an operator', () => {
    expect(
      dueItems(
        given(create, submit, assess('NEEDS_REVIEW'), requestClarification, answerClarification),
      ),
    ).toEqual([]);
  });

  it('lists a scheduled consultation at its start, after the reminder the day before', () => {
    const scheduled = given(...toConsultation);
    expect(dueItems(scheduled).map(({ kind, dueAt }) => [kind, dueAt])).toEqual([
      ['REMINDER', '2019-12-02T08:00:00.000Z'],
      ['CONSULTATION', '2019-12-03T09:00:00.000Z'],
    ]);
  });

  it('names an open follow-up by its title', () => {
    const following = given(...toFollowUp);
    expect(dueItems(following).filter((item) => item.kind === 'FOLLOW_UP')).toEqual([
      {
        kind: 'FOLLOW_UP',
        dueAt: '2019-12-20T17:00:00.000Z',
        label: 'Suite à donner : Convention de données',
      },
    ]);
  });

  it('is late from the very millisecond after its instant', () => {
    expect(isLate('2019-11-14T23:00:00.000Z', new Date('2019-11-14T23:00:00.000Z'))).toBe(false);
    expect(isLate('2019-11-14T23:00:00.000Z', new Date('2019-11-14T23:00:00.001Z'))).toBe(true);
  });
});
