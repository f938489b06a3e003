import type { LineChange } from '../../../shared/api/documents';

/** Above this many line pairs the quadratic table is not built; the texts are shown as replaced. */
const MAX_CELLS = 4_000_000;

/**
 * A line diff by the longest common subsequence: the lines both texts share in order stay
 * ('same'), the rest are 'removed' from `before` or 'added' in `after`, removals first at each
 * place. Common head and tail lines are taken off first, so an edit in one paragraph of a long
 * section costs only that paragraph's table.
 */
export function diffLines(before: string, after: string): LineChange[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const same = (lines: string[]): LineChange[] => lines.map((text) => ({ kind: 'same', text }));
  return [...same(a.slice(0, head)), ...diffMiddle(middleA, middleB), ...same(a.slice(a.length - tail))];
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\r\n?/g, '\n').split('\n');
}

function diffMiddle(a: string[], b: string[]): LineChange[] {
  if (a.length === 0 || b.length === 0 || (a.length + 1) * (b.length + 1) > MAX_CELLS) {
    return [...a.map((text): LineChange => ({ kind: 'removed', text })), ...b.map((text): LineChange => ({ kind: 'added', text }))];
  }
  // lengths[i][j]: the LCS of a[i..] and b[j..], in one flat array.
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const changes: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      changes.push({ kind: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      changes.push({ kind: 'removed', text: a[i++]! });
    } else {
      changes.push({ kind: 'added', text: b[j++]! });
    }
  }
  while (i < a.length) changes.push({ kind: 'removed', text: a[i++]! });
  while (j < b.length) changes.push({ kind: 'added', text: b[j++]! });
  return changes;
}
