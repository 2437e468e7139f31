import { hashRequestBody, isValidIdempotencyKey } from './idempotency-key';

describe('isValidIdempotencyKey', () => {
  it.each([
    'a',
    '0f8fad5b-d9cb-469f-a165-70867728950e',
    '01ARZ3NDEKTSV4RRFFQ69G5FAV',
    'batch:2025.01_02-7',
    'k'.repeat(128),
  ])('accepts %p', (key) => {
    expect(isValidIdempotencyKey(key)).toBe(true);
  });

  it.each([
    ['an empty key', ''],
    ['a key of 129 characters', 'k'.repeat(129)],
    ['a key with a space', 'a b'],
    ['a key with a slash', 'a/b'],
    ['a key with accents', 'clé'],
    ['a repeated header', ['a', 'b']],
    ['no header', undefined],
  ])('refuses %s', (_, key) => {
    expect(isValidIdempotencyKey(key)).toBe(false);
  });
});

describe('hashRequestBody', () => {
  it('gives the same hash to the same JSON whatever the order of its keys', () => {
    expect(hashRequestBody({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      hashRequestBody({ b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
  });

  it.each([
    ['another value', { a: 1 }, { a: 2 }],
    ['another key', { a: 1 }, { b: 1 }],
    ['an added key', { a: 1 }, { a: 1, b: null }],
    ['another order in an array', { a: [1, 2] }, { a: [2, 1] }],
    ['a number for a string', { a: 1 }, { a: '1' }],
    ['a nested value', { a: { b: 1 } }, { a: { b: 2 } }],
    ['no body for an empty one', undefined, {}],
  ])('tells apart %s', (_, first, second) => {
    expect(hashRequestBody(first)).not.toBe(hashRequestBody(second));
  });

  it('is a SHA-256 in hex', () => {
    expect(hashRequestBody({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });
});
