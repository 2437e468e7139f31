import { BadRequestException } from '@nestjs/common';
import { RejectControlCharactersPipe } from './reject-control-characters.pipe';

describe('RejectControlCharactersPipe', () => {
  const pipe = new RejectControlCharactersPipe();

  it.each([
    ['a NUL in a nested answer', { answers: { freins: 'a\u0000b' } }, /answers\.freins/],
    ['a NUL in a key', { answers: { 'a\u0000': 'x' } }, /answers\.a/],
    ['an escape character in a list', { ids: ['ok', '\u001b[31m'] }, /ids\.1/],
    ['a NUL in a plain string', 'x\u0000', /envoyé/],
  ])('refuses %s', (_, value, where) => {
    expect(() => pipe.transform(value)).toThrow(BadRequestException);
    expect(() => pipe.transform(value)).toThrow(where);
  });

  it('lets texts with tabs and line breaks through, unchanged', () => {
    const value = { summary: 'Ligne 1\r\nLigne 2\tfin', count: 3, empty: null };
    expect(pipe.transform(value)).toBe(value);
  });
});
