import { describe, expect, it } from 'vitest';
import { diffLines } from '../../electron/core/documents/line-diff';

const render = (before: string, after: string) => diffLines(before, after).map((change) => `${{ same: ' ', added: '+', removed: '-' }[change.kind]}${change.text}`);

describe('diffLines', () => {
  it('keeps equal texts as they are', () => {
    expect(render('a\nb', 'a\nb')).toEqual([' a', ' b']);
    expect(diffLines('', '')).toEqual([]);
  });

  it('shows an edited line as removed and added, in place', () => {
    expect(render('kop\noud advies\nslot', 'kop\nnieuw advies\nslot')).toEqual([' kop', '-oud advies', '+nieuw advies', ' slot']);
  });

  it('finds the longest common subsequence, not just the common ends', () => {
    expect(render('a\nb\nc\nd', 'b\nx\nd\ne')).toEqual(['-a', ' b', '-c', '+x', ' d', '+e']);
  });

  it('handles a text that appears or disappears entirely', () => {
    expect(render('', 'een\ntwee')).toEqual(['+een', '+twee']);
    expect(render('een\ntwee', '')).toEqual(['-een', '-twee']);
  });

  it('treats Windows line ends like Unix ones', () => {
    expect(render('a\r\nb', 'a\nb')).toEqual([' a', ' b']);
  });

  it('keeps every line of both texts exactly once', () => {
    const before = Array.from({ length: 300 }, (_, index) => `regel ${index % 17}`).join('\n');
    const after = Array.from({ length: 280 }, (_, index) => `regel ${(index * 7) % 19}`).join('\n');
    const changes = diffLines(before, after);
    expect(changes.filter((change) => change.kind !== 'added').map((change) => change.text)).toEqual(before.split('\n'));
    expect(changes.filter((change) => change.kind !== 'removed').map((change) => change.text)).toEqual(after.split('\n'));
  });

  it('shows two long texts with nothing in common as replaced (the search gives up instead of running for seconds)', () => {
    const before = Array.from({ length: 5_000 }, (_, index) => `oud ${index}`).join('\n');
    const after = Array.from({ length: 5_000 }, (_, index) => `nieuw ${index}`).join('\n');
    const changes = diffLines(before, after);
    expect(changes.map((change) => change.kind)).toEqual([...Array(5_000).fill('removed'), ...Array(5_000).fill('added')]);
  });

  it('keeps the untouched head and tail as they are around a rewrite too large to search', () => {
    const middle = (word: string) => Array.from({ length: 3_000 }, (_, index) => `${word} ${index}`);
    const before = ['Titel', 'Inleiding', ...middle('oud'), 'Slot'].join('\n');
    const after = ['Titel', 'Inleiding', ...middle('nieuw'), 'Slot'].join('\n');
    const kinds = diffLines(before, after).map((change) => change.kind);
    expect(kinds.slice(0, 2)).toEqual(['same', 'same']);
    expect(kinds.at(-1)).toBe('same');
    expect(kinds.filter((kind) => kind === 'removed')).toHaveLength(3_000);
    expect(kinds.filter((kind) => kind === 'added')).toHaveLength(3_000);
  });
});
