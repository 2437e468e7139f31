// Over 300 lines on purpose: the dossier's whole clock, one rule per case, in one place.
import fc from 'fast-check';
import { dossierAfter, DossierStep, referenceDossierTerms } from '../testing/reference-dossier';
import {
  createdWith,
  create,
  submit,
  assess,
  requestClarification,
  answerClarification,
  startScreening,
  shortlist,
  issued,
  toConsultation,
  toFollowUp,
} from '../testing/reference-dossier-steps';
import { pendingDossierReminders } from './dossier.reminders';
import {
  dossierLifecycleEnded,
  dossierRemindersDue,
  dossierWorkDue,
  nextDossierWakeUp,
} from './dossier.schedule';
import { Dossier } from './dossier.state';

// What falls due on a dossier by the passing of time, on the reference campaign (2019): deadline
// « avant le 15 novembre » = 15 Nov 00:00 Paris = 14 Nov 23:00 UTC; deadline reminders at J-7
// and J-1 of that day, 09:00 Paris (8 and 14 Nov, 08:00 UTC); a clarification's reminder two
// days before its due date at 09:00 Paris; a follow-up's three days before.
const DEADLINE = '2019-11-14T23:00:00.000Z';
const terms = referenceDossierTerms;
const given = dossierAfter;
const deadlineMovedTo = (submissionDeadline: string, at: string): DossierStep => [
  {
    type: 'ApplyCampaignCalendar',
    submissionDeadline,
    consultationsStartAt: terms.consultationsStartAt,
  },
  at,
];

/** The instant `ms` milliseconds after (or before) `iso`. */
const shifted = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);
const at = (iso: string) => new Date(iso);
const reminderIds = (dossier: Dossier, now: Date) =>
  dossierRemindersDue(dossier, now).map(({ reminder }) => reminder.ruleId);

describe('what falls due on a draft', () => {
  const draft = given(create);

  it('given a draft well before its deadline, then nothing is due and it wakes at J-7 09:00 Paris', () => {
    const now = at('2019-10-20T12:00:00.000Z');
    expect(dossierWorkDue(draft, now)).toEqual([]);
    expect(dossierRemindersDue(draft, now)).toEqual([]);
    expect(nextDossierWakeUp(draft, now)).toBe('2019-11-08T08:00:00.000Z');
  });

  it('given a draft, when its J-7 reminder time comes, then the reminder is due, to the organisation, and it wakes at J-1', () => {
    const now = at('2019-11-08T08:00:00.000Z');
    expect(dossierRemindersDue(draft, now)).toEqual([
      {
        reminder: {
          ruleId: 'depot-j-7',
          kind: 'DEADLINE_REMINDER',
          occurrence: 'deadline',
          dueAt: '2019-11-08T08:00:00.000Z',
        },
        lapsed: false,
        recipient: 'cnp-radiologie',
      },
    ]);
    // Until it is issued, the J-7 stays due; the next instant is the J-1's.
    expect(nextDossierWakeUp(draft, now)).toBe('2019-11-14T08:00:00.000Z');
  });

  it('given the J-7 and J-1 issued, then the draft wakes at the deadline itself', () => {
    const reminded = given(
      create,
      issued('depot-j-7', 'deadline', '2019-11-08T08:00:00.000Z'),
      issued('depot-j-1', 'deadline', '2019-11-14T08:00:00.000Z'),
    );
    expect(nextDossierWakeUp(reminded, at('2019-11-14T08:00:01.000Z'))).toBe(DEADLINE);
  });

  it('given a draft, one millisecond before the deadline, then it has not expired yet', () => {
    expect(dossierWorkDue(draft, shifted(DEADLINE, -1))).toEqual([]);
    expect(nextDossierWakeUp(draft, shifted(DEADLINE, -1))).toBe(DEADLINE);
  });

  it('given a draft, at the deadline to the millisecond, then it expires', () => {
    expect(dossierWorkDue(draft, at(DEADLINE))).toEqual([
      { kind: 'COMMAND', command: { type: 'ExpireDraft' } },
    ]);
  });

  it('given a draft whose worker was away for both reminders, at the deadline, then the expiry and both reminders are due at once, the reminders lapsed', () => {
    const now = at(DEADLINE);
    expect(dossierWorkDue(draft, now)).toEqual([
      { kind: 'COMMAND', command: { type: 'ExpireDraft' } },
    ]);
    expect(
      dossierRemindersDue(draft, now).map(({ reminder, lapsed }) => [reminder.ruleId, lapsed]),
    ).toEqual([
      ['depot-j-7', true],
      ['depot-j-1', true],
    ]);
  });

  it('given a draft whose worker was away for the J-7 only, then the J-7 is due late and still concerns the draft', () => {
    const now = at('2019-11-10T12:00:00.000Z');
    expect(
      dossierRemindersDue(draft, now).map(({ reminder, lapsed }) => [reminder.ruleId, lapsed]),
    ).toEqual([['depot-j-7', false]]);
  });

  it('given a draft whose deadline was extended by a week, at the old deadline, then nothing is due and it wakes at the new J-7', () => {
    const moved = given(
      create,
      deadlineMovedTo('2019-11-21T23:00:00.000Z', '2019-11-05T10:00:00.000Z'),
    );
    expect(dossierWorkDue(moved, at(DEADLINE))).toEqual([]);
    // The J-7 and J-1 of the old deadline are gone; those of the new one are owed.
    expect(reminderIds(moved, at(DEADLINE))).toEqual([]);
    expect(nextDossierWakeUp(moved, at('2019-11-06T00:00:00.000Z'))).toBe(
      '2019-11-15T08:00:00.000Z',
    );
    expect(reminderIds(moved, at('2019-11-15T08:00:00.000Z'))).toEqual(['depot-j-7']);
    expect(dossierWorkDue(moved, at('2019-11-21T23:00:00.000Z'))).toEqual([
      { kind: 'COMMAND', command: { type: 'ExpireDraft' } },
    ]);
  });

  it('given a draft whose deadline was brought forward, then it wakes at the new deadline and expires there', () => {
    const moved = given(
      create,
      deadlineMovedTo('2019-11-12T23:00:00.000Z', '2019-11-08T10:00:00.000Z'),
    );
    // J-7 (5 Nov) had passed when the date was set: only the new J-1, on 12 Nov, is owed.
    expect(nextDossierWakeUp(moved, at('2019-11-08T10:00:00.000Z'))).toBe(
      '2019-11-12T08:00:00.000Z',
    );
    expect(dossierWorkDue(moved, at('2019-11-12T23:00:00.000Z'))).toEqual([
      { kind: 'COMMAND', command: { type: 'ExpireDraft' } },
    ]);
  });
});

describe('reminders across a change of time (Paris, 27 October 2019)', () => {
  // Deadline « avant le 2 novembre »: 2 Nov 00:00 Paris = 1 Nov 23:00 UTC. Its J-7 falls on
  // 26 Oct, still summer time (09:00 = 07:00 UTC); its J-1 on 1 Nov, winter time (08:00 UTC).
  const draft = given(createdWith({ ...terms, submissionDeadline: '2019-11-01T23:00:00.000Z' }));

  it('given a draft, then it wakes at 09:00 Paris summer time for the J-7', () => {
    expect(nextDossierWakeUp(draft, at('2019-10-20T00:00:00.000Z'))).toBe(
      '2019-10-26T07:00:00.000Z',
    );
  });

  it('given the J-7 issued, then it wakes at 09:00 Paris winter time for the J-1', () => {
    const reminded = given(
      createdWith({ ...terms, submissionDeadline: '2019-11-01T23:00:00.000Z' }),
      issued('depot-j-7', 'deadline', '2019-10-26T07:00:00.000Z'),
    );
    expect(nextDossierWakeUp(reminded, at('2019-10-26T07:00:00.000Z'))).toBe(
      '2019-11-01T08:00:00.000Z',
    );
  });
});

describe('what falls due on a submitted dossier', () => {
  it('given a dossier just submitted, then its eligibility check is due at once, and nothing wakes it', () => {
    const submitted = given(create, submit);
    const now = at('2019-11-01T08:00:00.000Z');
    expect(dossierWorkDue(submitted, now)).toEqual([{ kind: 'ELIGIBILITY_CHECK' }]);
    expect(dossierRemindersDue(submitted, now)).toEqual([]);
    expect(nextDossierWakeUp(submitted, now)).toBeUndefined();
  });

  it('given an eligible dossier, then it waits for the deadline, not before, to start its screening', () => {
    const eligible = given(create, submit, assess('ELIGIBLE'));
    expect(dossierWorkDue(eligible, shifted(DEADLINE, -1))).toEqual([]);
    expect(nextDossierWakeUp(eligible, at('2019-11-02T00:00:00.000Z'))).toBe(DEADLINE);
    expect(dossierWorkDue(eligible, at(DEADLINE))).toEqual([
      { kind: 'COMMAND', command: { type: 'StartDossierScreening' } },
    ]);
  });

  it.each(['NEEDS_REVIEW', 'INELIGIBLE'] as const)(
    'given a dossier assessed %s, then the deadline brings nothing: an operator acts',
    (decision) => {
      const assessedDossier = given(create, submit, assess(decision));
      expect(dossierWorkDue(assessedDossier, at(DEADLINE))).toEqual([]);
      expect(nextDossierWakeUp(assessedDossier, at('2019-11-02T00:00:00.000Z'))).toBeUndefined();
    },
  );
});

describe('what falls due on a clarification', () => {
  const asked = given(create, submit, assess('NEEDS_REVIEW'), requestClarification);

  it('given an open clarification, then the dossier wakes for its reminder two days before its due date, then at its due date', () => {
    expect(nextDossierWakeUp(asked, at('2019-11-04T08:00:00.000Z'))).toBe(
      '2019-11-10T08:00:00.000Z',
    );
    const reminded = given(
      create,
      submit,
      assess('NEEDS_REVIEW'),
      requestClarification,
      issued('precisions-j-2', 'precisions-1', '2019-11-10T08:00:00.000Z'),
    );
    expect(nextDossierWakeUp(reminded, at('2019-11-10T08:00:00.000Z'))).toBe(
      '2019-11-12T17:00:00.000Z',
    );
  });

  it('given an open clarification, at its due date to the millisecond, then it lapses', () => {
    expect(dossierWorkDue(asked, at('2019-11-12T16:59:59.999Z'))).toEqual([]);
    expect(dossierWorkDue(asked, at('2019-11-12T17:00:00.000Z'))).toEqual([
      { kind: 'COMMAND', command: { type: 'LapseClarification', clarificationId: 'precisions-1' } },
    ]);
  });

  it('given an answered clarification, then nothing about it falls due', () => {
    const answered = given(
      create,
      submit,
      assess('NEEDS_REVIEW'),
      requestClarification,
      answerClarification,
    );
    expect(dossierWorkDue(answered, at('2019-11-13T00:00:00.000Z'))).toEqual([]);
    expect(dossierRemindersDue(answered, at('2019-11-13T00:00:00.000Z'))).toEqual([]);
    expect(nextDossierWakeUp(answered, at('2019-11-05T08:00:00.000Z'))).toBeUndefined();
  });

  it('given an eligible dossier whose clarification was never answered, at the deadline, then its screening starts and the clarification lapses, in that order, with its reminder lapsed', () => {
    const eligibleAsked = given(create, submit, assess('ELIGIBLE'), requestClarification);
    const now = at(DEADLINE);
    expect(dossierWorkDue(eligibleAsked, now)).toEqual([
      { kind: 'COMMAND', command: { type: 'StartDossierScreening' } },
      { kind: 'COMMAND', command: { type: 'LapseClarification', clarificationId: 'precisions-1' } },
    ]);
    expect(
      dossierRemindersDue(eligibleAsked, now).map(({ reminder, lapsed }) => [
        reminder.ruleId,
        lapsed,
      ]),
    ).toEqual([['precisions-j-2', true]]);
  });
});

describe('reminders after the screening', () => {
  it('given a scheduled consultation, then the dossier wakes the day before at 09:00 Paris', () => {
    const scheduled = given(...toConsultation);
    expect(nextDossierWakeUp(scheduled, at('2019-11-22T08:00:00.000Z'))).toBe(
      '2019-12-02T08:00:00.000Z',
    );
  });

  it('given a follow-up, when its reminder is due, then it goes to the follow-up’s owner', () => {
    const following = given(...toFollowUp);
    expect(nextDossierWakeUp(following, at('2019-12-04T08:00:00.000Z'))).toBe(
      '2019-12-17T08:00:00.000Z',
    );
    expect(
      dossierRemindersDue(following, at('2019-12-17T08:00:00.000Z')).map(
        ({ reminder, recipient }) => [reminder.ruleId, recipient],
      ),
    ).toEqual([['suivi-j-3', 'DNS']]);
  });
});

describe('the reminders a caller owes', () => {
  const draft = given(create);

  it('given the caller owes fewer reminders than the dossier has pending, then only those are due or wake it', () => {
    const [j7, j1] = pendingDossierReminders(draft);
    expect(j7.ruleId).toBe('depot-j-7');
    const now = at('2019-11-14T08:00:00.000Z');
    expect(dossierRemindersDue(draft, now, [j1]).map(({ reminder }) => reminder.ruleId)).toEqual([
      'depot-j-1',
    ]);
    expect(nextDossierWakeUp(draft, at('2019-11-01T00:00:00.000Z'), [j1])).toBe(
      '2019-11-14T08:00:00.000Z',
    );
    expect(nextDossierWakeUp(draft, at('2019-11-01T00:00:00.000Z'), [])).toBe(DEADLINE);
  });
});

describe('the end of a dossier’s clock', () => {
  it('given an expired draft, then nothing falls due any more', () => {
    const expired = given(create, [{ type: 'ExpireDraft' }, DEADLINE]);
    expect(dossierLifecycleEnded(expired, false)).toBe(true);
    expect(dossierWorkDue(expired, at('2019-12-01T00:00:00.000Z'))).toEqual([]);
    expect(nextDossierWakeUp(expired, at(DEADLINE))).toBeUndefined();
  });

  it('given its campaign closed, then a dossier never shortlisted has nothing left to wait for', () => {
    expect(dossierLifecycleEnded(given(create, submit, assess('ELIGIBLE')), true)).toBe(true);
    expect(dossierLifecycleEnded(given(create, submit, assess('ELIGIBLE')), false)).toBe(false);
  });

  it('given its campaign closed, then a shortlisted dossier goes on to its consultation and follow-up', () => {
    const shortlisted = given(create, submit, assess('ELIGIBLE'), startScreening, shortlist);
    expect(dossierLifecycleEnded(shortlisted, true)).toBe(false);
  });

  it('given its campaign closed, then a draft still waits for its deadline', () => {
    expect(dossierLifecycleEnded(given(create), true)).toBe(false);
  });
});

describe('the wake-up and what is due agree', () => {
  // Whatever the instant: nothing new falls due before the next wake-up, and something does at
  // it. A timer set to it therefore neither misses a step nor wakes for nothing.
  const dossiers: [string, Dossier][] = [
    ['a draft', given(create)],
    [
      'a draft reminded at J-7',
      given(create, issued('depot-j-7', 'deadline', '2019-11-08T08:00:00.000Z')),
    ],
    ['an eligible dossier', given(create, submit, assess('ELIGIBLE'))],
    [
      'an eligible dossier asked a clarification',
      given(create, submit, assess('ELIGIBLE'), requestClarification),
    ],
    [
      'a dossier under review asked a clarification',
      given(create, submit, assess('NEEDS_REVIEW'), requestClarification),
    ],
    ['a dossier in follow-up', given(...toFollowUp)],
  ];
  const FROM = Date.parse('2019-10-10T08:00:00.000Z');
  const TO = Date.parse('2020-01-31T00:00:00.000Z');
  const dueAt = (dossier: Dossier, ms: number) => ({
    work: dossierWorkDue(dossier, new Date(ms)),
    reminders: dossierRemindersDue(dossier, new Date(ms)).map(
      ({ reminder }) => `${reminder.ruleId}/${reminder.occurrence}`,
    ),
  });

  it.each(dossiers)('given %s, at any instant', (_, dossier) => {
    fc.assert(
      fc.property(fc.integer({ min: FROM, max: TO }), (now) => {
        const next = nextDossierWakeUp(dossier, new Date(now));
        if (next === undefined) {
          expect(dueAt(dossier, TO + 365 * 86_400_000)).toEqual(dueAt(dossier, now));
          return;
        }
        const wake = Date.parse(next);
        expect(wake).toBeGreaterThan(now);
        expect(dueAt(dossier, wake - 1)).toEqual(dueAt(dossier, now));
        expect(dueAt(dossier, wake)).not.toEqual(dueAt(dossier, now));
      }),
      { numRuns: 300 },
    );
  });
});
