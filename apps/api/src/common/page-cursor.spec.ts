import { BadRequestException } from '@nestjs/common';
import { decodeCursor, encodeCursor } from './page-cursor';

const encoded = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

describe('page cursors', () => {
  it('read back what they wrote', () => {
    const position = { at: '2019-10-29T12:45:00.123Z', key: 'cnp-radiologie' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    ['not base64 JSON', 'garbage!'],
    ['a number for an instant', encoded(['1', 'cnp-a'])],
    ['a day that does not exist', encoded(['2019-02-30T00:00:00.000Z', 'cnp-a'])],
    ['an instant with an offset', encoded(['2019-10-29T13:45:00.000+01:00', 'cnp-a'])],
    ['a key with a NUL', encoded(['2019-10-29T12:45:00.000Z', 'a\u0000'])],
    ['one part', encoded(['2019-10-29T12:45:00.000Z'])],
  ])('refuses %s with a 400', (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(BadRequestException);
  });
});
