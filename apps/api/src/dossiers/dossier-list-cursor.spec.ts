import { BadRequestException } from '@nestjs/common';
import {
  decodeDossierCursor,
  decodeDueCursor,
  encodeDossierCursor,
  encodeDueCursor,
} from './dossier-list-cursor';

const raw = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');

describe('the cursors of the dossier list and of the deadline view', () => {
  it.each([
    ['updatedAt', 'desc', '2019-10-29T12:45:00.000Z'],
    ['nextDueAt', 'asc', null],
    ['organisationName', 'asc', 'Conseil national professionnel de radiologie'],
    ['completeness', 'desc', 40],
  ] as const)('reads back what it wrote for the %s sort', (sort, order, value) => {
    const cursor = encodeDossierCursor(sort, order, { value, organisationId: 'cnp-radiologie' });
    expect(decodeDossierCursor(cursor, sort, order)).toEqual({
      value,
      organisationId: 'cnp-radiologie',
    });
  });

  it('refuses the cursor of another sort or order: it would skip or repeat rows', () => {
    const cursor = encodeDossierCursor('nextDueAt', 'asc', {
      value: '2019-11-14T23:00:00.000Z',
      organisationId: 'cnp-a',
    });
    expect(() => decodeDossierCursor(cursor, 'submittedAt', 'asc')).toThrow(BadRequestException);
    expect(() => decodeDossierCursor(cursor, 'nextDueAt', 'desc')).toThrow(BadRequestException);
  });

  it.each([
    ['an instant PostgreSQL refuses', ['nextDueAt', 'asc', '2019-02-30T00:00:00.000Z', 'cnp-a']],
    ['a control character', ['status', 'asc', 'DRAFT\u0000', 'cnp-a']],
    ['a completeness beyond 100', ['completeness', 'asc', 101, 'cnp-a']],
    ['an organisation that is no business key', ['status', 'asc', 'DRAFT', '../x']],
    ['the old two-part shape', ['2019-10-29T12:45:00.000Z', 'cnp-a']],
  ])('refuses %s with a 400', (_, parts) => {
    expect(() => decodeDossierCursor(raw(parts), parts[0] as 'status', 'asc')).toThrow(
      BadRequestException,
    );
  });

  it('reads back a deadline-view cursor, and refuses a rank out of bounds', () => {
    const position = { dueAt: '2019-11-14T23:00:00.000Z', organisationId: 'cnp-a', position: 2 };
    expect(decodeDueCursor(encodeDueCursor(position))).toEqual(position);
    expect(() => decodeDueCursor(raw(['2019-11-14T23:00:00.000Z', 'cnp-a', -1]))).toThrow(
      BadRequestException,
    );
    expect(() => decodeDueCursor(raw(['2019-11-14T23:00:00.000Z', 'cnp-a', 1.5]))).toThrow(
      BadRequestException,
    );
  });
});
