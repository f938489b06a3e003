import { describe, expect, it } from 'vitest';
import { besideVault } from '../../renderer/src/format/path';

describe('besideVault', () => {
  it("puts the name in the vault's folder, with the vault's own separator", () => {
    expect(besideVault('/home/anna/Meldpunt.kluis', 'bundel.age')).toBe('/home/anna/bundel.age');
    expect(besideVault('C:\\Users\\anna\\Meldpunt.kluis', 'rapport.pdf')).toBe('C:\\Users\\anna\\rapport.pdf');
  });

  it('takes the last separator when a path mixes both', () => {
    expect(besideVault('C:\\Users/anna\\kluis\\Meldpunt.kluis', 'x.csv')).toBe('C:\\Users/anna\\kluis\\x.csv');
  });

  it('gives the bare name without a vault path or without a folder', () => {
    expect(besideVault(null, 'x.csv')).toBe('x.csv');
    expect(besideVault('Meldpunt.kluis', 'x.csv')).toBe('x.csv');
  });
});
