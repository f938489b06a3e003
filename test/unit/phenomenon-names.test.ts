import { describe, expect, it } from 'vitest';
import { SEEDED_PHENOMENON_CODES } from '../../shared/domain/enums';
import { PHENOMENON_LABELS_EN } from '../../shared/domain/labels-en';
import { PHENOMENON_LABELS_NL } from '../../shared/domain/labels-nl';
import { phenomenonName } from '../../renderer/src/format/phenomenon';

describe('phenomenon names in the UI', () => {
  it('has an English name for every seeded phenomenon and sub-form', () => {
    expect(SEEDED_PHENOMENON_CODES.filter((code) => !PHENOMENON_LABELS_EN[code])).toEqual([]);
    expect(Object.keys(PHENOMENON_LABELS_EN).sort()).toEqual(Object.keys(PHENOMENON_LABELS_NL).sort());
  });

  it('shows the English name only for a seed that still has its seeded Dutch name', () => {
    expect(phenomenonName({ code: 'drugs.hennepteelt', label: 'Hennepteelt' }, 'en')).toBe('Cannabis cultivation');
    expect(phenomenonName({ code: 'drugs.hennepteelt', label: 'Hennepteelt' }, 'nl')).toBe('Hennepteelt');
    // Renamed by the municipality, or its own: shown as stored.
    expect(phenomenonName({ code: 'drugs.hennepteelt', label: 'Wietkwekerij' }, 'en')).toBe('Wietkwekerij');
    expect(phenomenonName({ code: 'eigen_fenomeen', label: 'Eigen fenomeen' }, 'en')).toBe('Eigen fenomeen');
    // The report figures name a top-level phenomenon by its label (and a code that may be null).
    expect(phenomenonName({ code: null, label: 'Witwassen' }, 'en')).toBe('Money laundering');
  });
});
