import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, generateRecoverySecret, parseRecoveryKey } from '../../electron/core/vault/recovery-key';

describe('recovery key', () => {
  it('round trips through its written form, forgiving case, spaces and look-alike letters', () => {
    for (let i = 0; i < 50; i++) {
      const secret = generateRecoverySecret();
      const written = formatRecoveryKey(secret);
      expect(written).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){10}[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(parseRecoveryKey(written)?.equals(secret)).toBe(true);
      const sloppy = written.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
      expect(parseRecoveryKey(sloppy)?.equals(secret)).toBe(true);
    }
  });

  it('catches every single-character typo through the checksum', () => {
    const written = formatRecoveryKey(generateRecoverySecret());
    const characters = written.replace(/-/g, '');
    for (let position = 0; position < characters.length; position++) {
      const replacement = characters[position] === '7' ? '8' : '7';
      const typo = characters.slice(0, position) + replacement + characters.slice(position + 1);
      expect(parseRecoveryKey(typo), `typo at ${position}`).toBeNull();
    }
  });

  it('rejects wrong lengths and foreign characters', () => {
    expect(parseRecoveryKey('')).toBeNull();
    expect(parseRecoveryKey('ABCDE-FGHJK')).toBeNull();
    expect(parseRecoveryKey(formatRecoveryKey(generateRecoverySecret()) + '-AAAAA')).toBeNull();
    expect(parseRecoveryKey(formatRecoveryKey(generateRecoverySecret()).replace(/^./, 'U'))).toBeNull();
  });
});
