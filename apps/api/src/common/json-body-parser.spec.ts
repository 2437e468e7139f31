import { nestsDeeperThan } from './json-body-parser';

describe('nestsDeeperThan', () => {
  it('counts arrays and objects alike, and mixed', () => {
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"a":{"a":{}}}}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":[{"b":[]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":[1]}]}', 3)).toBe(true);
  });

  it('measures the deepest point, not the number of brackets', () => {
    expect(nestsDeeperThan(`[${'[],'.repeat(10_000)}[]]`, 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[{{{{' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ a: 'say \\"[[[[\\" \\\\' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ a: '"', b: [[[]]] }), 3)).toBe(true);
  });

  it('scans a deep body of 1,500 levels without recursion', () => {
    expect(nestsDeeperThan('['.repeat(1_500) + ']'.repeat(1_500), 32)).toBe(true);
    expect(nestsDeeperThan('{"a":'.repeat(100_000), 32)).toBe(true);
  });
});
