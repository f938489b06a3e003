import { describe, expect, it } from 'vitest';
import { formatDate } from '../../renderer/src/format/date';

describe('formatDate', () => {
  it('shows a plain calendar date as it is, whatever the time zone', () => {
    expect(formatDate('2026-02-03', 'nl')).toBe('03-02-2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31/12/2026');
  });

  it('shows a timestamp in local time as dd-mm-jjjj', () => {
    const local = new Date(2026, 10, 28, 9, 30);
    expect(formatDate(local.toISOString(), 'nl')).toBe('28-11-2026');
  });

  it('leaves what it cannot read as it was', () => {
    expect(formatDate('geen datum', 'nl')).toBe('geen datum');
  });
});
