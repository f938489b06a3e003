import { describe, expect, it } from 'vitest';
import type { ExportRecipient } from '../../shared/api/bundles';
import { entryKindOf, isUnsafePath } from '../../electron/core/bundles/format';
import { probeAgeHeader } from '../../electron/core/bundles/reader';
import { audienceOf, mostRestrictive, tlpAllows } from '../../electron/core/bundles/tlp';

const partner = (verified: boolean): ExportRecipient => ({
  partnerId: 1,
  name: 'P',
  organisation: 'O',
  ageRecipient: 'age1x',
  fingerprint: null,
  verified,
});
const bareKey: ExportRecipient = { partnerId: null, name: null, organisation: null, ageRecipient: 'age1y', fingerprint: null, verified: false };

describe('the TLP rule for bundles', () => {
  it('derives the audience from how the bundle is encrypted', () => {
    expect(audienceOf([partner(true), partner(true)], false)).toBe('verified-partners');
    expect(audienceOf([partner(true), partner(false)], false)).toBe('named-keys');
    expect(audienceOf([partner(true), bareKey], false)).toBe('named-keys');
    expect(audienceOf([], true)).toBe('passphrase');
  });

  it('is the table of docs/bundle-format.md', () => {
    const table = Object.fromEntries(
      (['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const).map((tlp) => [
        tlp,
        (['verified-partners', 'named-keys', 'passphrase'] as const).map((audience) => tlpAllows(tlp, audience)),
      ]),
    );
    expect(table).toEqual({
      CLEAR: [true, true, true],
      GREEN: [true, true, true],
      AMBER: [true, true, false],
      'AMBER+STRICT': [true, false, false],
      RED: [false, false, false],
    });
  });

  it('names the most restrictive code of a bundle', () => {
    expect(mostRestrictive(['GREEN', 'AMBER', 'CLEAR'])).toBe('AMBER');
    expect(mostRestrictive(['AMBER+STRICT', 'RED'])).toBe('RED');
    expect(mostRestrictive([])).toBe('CLEAR');
  });
});

describe('entry paths', () => {
  it('refuses anything that could land outside the folder or read differently elsewhere', () => {
    for (const unsafe of ['../x', 'a/../../x', '/etc/passwd', 'a//b', './a', 'a/.', 'C:\\x', 'c:x', 'a\\b', '~/x', '', 'a\u0000b', 'a\nb', 'x'.repeat(256)]) {
      expect(isUnsafePath(unsafe), JSON.stringify(unsafe)).toBe(true);
    }
    for (const safe of ['manifest.json', 'subjects.json', 'dossiers/0b0d5e1c-3b7a-4c55-9a61-0d1d2f3e4a5b.json', 'attachments/0b0d5e1c-3b7a-4c55-9a61-0d1d2f3e4a5b']) {
      expect(isUnsafePath(safe), safe).toBe(false);
    }
  });

  it('knows the three kinds of content entry and nothing else', () => {
    const uid = '0b0d5e1c-3b7a-4c55-9a61-0d1d2f3e4a5b';
    expect(entryKindOf('subjects.json')).toBe('subjects');
    expect(entryKindOf(`dossiers/${uid}.json`)).toBe('dossier');
    expect(entryKindOf(`attachments/${uid}`)).toBe('attachment');
    for (const other of ['manifest.json', `dossiers/${uid}`, `attachments/${uid}.pdf`, `dossiers/${uid.toUpperCase()}.json`, 'readme.txt']) {
      expect(entryKindOf(other), other).toBeNull();
    }
  });
});

describe('the age header probe', () => {
  const header = (...stanzas: string[]) => Buffer.from(['age-encryption.org/v1', ...stanzas, '--- abc', ''].join('\n'), 'latin1');

  it('tells a passphrase file from one for keys, and reads the scrypt work factor', () => {
    expect(probeAgeHeader(header('-> X25519 abc', 'body'))).toEqual({ mode: 'identity', scryptLogN: null });
    expect(probeAgeHeader(header('-> scrypt c2FsdA 18', 'body'))).toEqual({ mode: 'passphrase', scryptLogN: 18 });
    expect(probeAgeHeader(header('-> scrypt c2FsdA 999', 'body')).scryptLogN).toBe(Number.POSITIVE_INFINITY);
    expect(probeAgeHeader(header('-> ssh-ed25519 abc def', 'body'))).toEqual({ mode: 'other', scryptLogN: null });
  });

  it('refuses what is not an age v1 file, and a header without its end', () => {
    expect(() => probeAgeHeader(Buffer.from('PK\u0003\u0004'))).toThrow(expect.objectContaining({ code: 'BUNDLE_NOT_AGE' }));
    expect(() => probeAgeHeader(Buffer.from('-----BEGIN AGE ENCRYPTED FILE-----\n'))).toThrow(expect.objectContaining({ code: 'BUNDLE_NOT_AGE' }));
    expect(() => probeAgeHeader(Buffer.from('age-encryption.org/v1\n-> X25519 abc\n'))).toThrow(expect.objectContaining({ code: 'BUNDLE_DAMAGED' }));
  });
});
