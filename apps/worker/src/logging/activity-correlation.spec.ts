import { correlationIdOfActivityInput } from './activity-correlation';

describe('correlationIdOfActivityInput', () => {
  it('reads the id an input carries itself', () => {
    expect(correlationIdOfActivityInput([{ campaignId: 'c', correlationId: 'req-1' }])).toBe(
      'req-1',
    );
  });

  it('reads the id of the events an append carries', () => {
    const events = [
      {
        eventId: 'e1',
        type: 'DossierDraftCreated',
        data: {},
        metadata: { correlationId: 'req-2' },
      },
    ];
    expect(correlationIdOfActivityInput([{ streamId: 's', expectedVersion: 0, events }])).toBe(
      'req-2',
    );
  });

  it.each([
    ['no argument', []],
    ['a primitive', ['x']],
    ['null', [null]],
    ['an input without one', [{ campaignId: 'c' }]],
    ['an empty id', [{ correlationId: '' }]],
    ['an id that is not a string', [{ correlationId: 42 }]],
    ['no events', [{ events: [] }]],
    ['events without metadata', [{ events: [{ eventId: 'e' }] }]],
  ])('finds none in %s', (_, args) => {
    expect(correlationIdOfActivityInput(args)).toBeUndefined();
  });
});
