import { describe, expect, it } from 'vitest';
import type { ExportRecipient } from '../../shared/api/bundles';
import { entryKindOf, isUnsafePath } from '../../electron/core/bundles/format';
import { probeAgeHeader } from '../../electron/core/bundles/reader';
import { bundleAudience } from '../../electron/core/bundles/sharing';
import { importedProvenance, type SupplierContext } from '../../electron/core/bundles/import/supplier';

const partner = (verified: boolean, organisationCode: string | null = 'politie'): ExportRecipient => ({
  partnerId: 1,
  name: 'P. Agent',
  organisation: 'O',
  organisationCode,
  ageRecipient: 'age1x',
  fingerprint: null,
  verified,
});
const bareKey: ExportRecipient = { partnerId: null, name: null, organisation: null, organisationCode: null, ageRecipient: 'age1y', fingerprint: null, verified: false };

describe('a bundle as the sharing regime sees it', () => {
  it('takes its audience from the recipients: each card an organisation and a person, a bare key nobody, a passphrase anybody', () => {
    expect(bundleAudience([partner(true), partner(false, null), bareKey], false)).toEqual({
      kind: 'recipients',
      members: [
        { organisation: 'politie', person: 'P. Agent', verified: true },
        { organisation: null, person: 'P. Agent', verified: false },
        { organisation: null, person: null, verified: false },
      ],
    });
    expect(bundleAudience([], true)).toEqual({ kind: 'passphrase' });
  });

  const supplier: SupplierContext = {
    senderOrganisation: 'andere_gemeente',
    senderIsSelf: false,
    categories: new Map([
      ['gemeente', 'gemeentelijke_dienst'],
      ['gemeente_handhaving', 'gemeentelijke_dienst'],
      ['politie', 'convenantpartner'],
      ['andere_gemeente', 'convenantpartner'],
    ]),
    bases: new Set(['wpg', 'eigen_taak_gemeentewet']),
  };

  it("gives an imported fact the bundle's supplier, the sender's own departments as the sender, and unknown codes as unknown", () => {
    expect(importedProvenance({ originator: 'politie', receivedUnder: 'wpg', restriction: 'geen_besluit_zonder_toestemming' }, supplier)).toEqual({
      originator: 'politie',
      receivedUnder: 'wpg',
      restriction: 'geen_besluit_zonder_toestemming',
    });
    expect(importedProvenance({ originator: 'gemeente_handhaving', receivedUnder: 'eigen_taak_gemeentewet', restriction: 'vrij' }, supplier)).toEqual({
      originator: 'andere_gemeente',
      receivedUnder: 'eigen_taak_gemeentewet',
      restriction: 'vrij',
    });
    expect(importedProvenance({ originator: 'gemeente', receivedUnder: null, restriction: 'vrij' }, { ...supplier, senderIsSelf: true }).originator).toBe('gemeente');
    expect(importedProvenance({ originator: 'politie_zeeland', receivedUnder: 'onbekende_wet', restriction: 'vrij' }, supplier)).toEqual({
      originator: null,
      receivedUnder: null,
      restriction: 'vrij',
    });
  });

  it('takes the sender as the supplier of a fact from an older bundle, on terms nobody recorded', () => {
    expect(importedProvenance({}, supplier)).toEqual({ originator: 'andere_gemeente', receivedUnder: null, restriction: 'vraag_leverancier' });
    expect(importedProvenance({}, { ...supplier, senderOrganisation: null })).toEqual({ originator: null, receivedUnder: null, restriction: 'vraag_leverancier' });
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
