import { describe, expect, it } from 'vitest';
import { PASSPHRASE_MIN_LENGTH } from '../../shared/api';
import { scorePassphrase } from '../../shared/passphrase-strength';

describe('scorePassphrase', () => {
  it('scores nothing as level 0 and asks for length', () => {
    expect(scorePassphrase('')).toEqual({ level: 0, meetsMinimumLength: false, hints: ['tooShort'] });
  });

  it('holds anything under the minimum length at level 1 or lower', () => {
    const short = 'Kx9#mP2$vL7'; // 11 random characters of every kind
    expect([...short].length).toBe(PASSPHRASE_MIN_LENGTH - 1);
    const strength = scorePassphrase(short);
    expect(strength.meetsMinimumLength).toBe(false);
    expect(strength.level).toBeLessThanOrEqual(1);
    expect(strength.hints).toContain('tooShort');
  });

  it('counts characters, not UTF-16 code units, for the minimum', () => {
    expect(scorePassphrase('🔒🔒🔒🔒🔒🔒').meetsMinimumLength).toBe(false);
    expect(scorePassphrase('éénentwintig').meetsMinimumLength).toBe(true);
  });

  it('rates common words, years, repeats and sequences low, with the matching advice', () => {
    expect(scorePassphrase('wachtwoord12')).toMatchObject({ level: 0, hints: expect.arrayContaining(['avoidCommonWords']) });
    expect(scorePassphrase('Welkom2024!!')).toMatchObject({ hints: expect.arrayContaining(['avoidCommonWords', 'avoidYears']) });
    expect(scorePassphrase('Welkom2024!!').level).toBeLessThanOrEqual(1);
    expect(scorePassphrase('aaaaaaaaaaaaaaaa')).toMatchObject({ level: 0, hints: expect.arrayContaining(['avoidRepeats']) });
    expect(scorePassphrase('abcdefghijklmnop')).toMatchObject({ level: 0, hints: expect.arrayContaining(['avoidSequences']) });
    expect(scorePassphrase('qwertyuiop123')).toMatchObject({ level: 0, hints: expect.arrayContaining(['avoidSequences']) });
    expect(scorePassphrase('483920175638')).toMatchObject({ hints: expect.arrayContaining(['notOnlyDigits']) });
    expect(scorePassphrase('483920175638').level).toBeLessThanOrEqual(1);
  });

  it('does not count a double letter as a repeat (Dutch is full of them)', () => {
    expect(scorePassphrase('zonnige dinsdag met koffie').hints).not.toContain('avoidRepeats');
  });

  it('rates a random mix of twelve characters as strong', () => {
    expect(scorePassphrase('Kx9#mP2$vL7q').level).toBeGreaterThanOrEqual(3);
  });

  it('rates a sentence of four words as very strong, with no advice left', () => {
    expect(scorePassphrase('correct paard batterij niet')).toEqual({ level: 4, meetsMinimumLength: true, hints: [] });
  });

  it('never scores lower when words are added', () => {
    const words = ['fiets', 'tegen', 'de', 'wind', 'in', 'langs', 'het', 'kanaal'];
    let previous = 0;
    for (let count = 1; count <= words.length; count += 1) {
      const level = scorePassphrase(words.slice(0, count).join(' ')).level;
      expect(level).toBeGreaterThanOrEqual(previous);
      previous = level;
    }
  });

  it('advises variety only for short passphrases of one kind of character', () => {
    expect(scorePassphrase('kxmpqvlrtzwn').hints).toContain('addVariety');
    expect(scorePassphrase('kxmpqvlrtzwnbdfghjsq').hints).not.toContain('addVariety');
  });
});
