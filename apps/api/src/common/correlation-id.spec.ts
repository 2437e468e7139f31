import { correlationIdFor } from './correlation-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('correlationIdFor', () => {
  it.each(['e2e-1', 'req:2025.01_02', 'A'.repeat(128)])('keeps the caller’s %p', (value) => {
    expect(correlationIdFor({ 'x-correlation-id': value })).toBe(value);
  });

  it.each([
    ['no header', undefined],
    ['an empty one', ''],
    ['one too long', 'A'.repeat(129)],
    ['one with spaces', 'a b'],
    ['one with a line break', 'a\nb'],
    ['a repeated header', ['a', 'b']],
  ])('makes a new UUID for %s', (_, value) => {
    expect(correlationIdFor({ 'x-correlation-id': value })).toMatch(UUID);
  });
});
