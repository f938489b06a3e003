import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bech32Decode, bech32Encode } from '../../electron/core/bundles/bech32';
import { FINGERPRINT_WORDS } from '../../electron/core/bundles/fingerprint-words';
import {
  ageRecipientOf,
  cardFingerprintMatches,
  describeFingerprint,
  fingerprintOf,
  isAgeRecipient,
  parsePartnerCard,
  publicKeyOfRecipient,
} from '../../electron/core/bundles/identity';

describe('bech32, as age encodes its keys', () => {
  it('agrees with age-encryption on identities and recipients it generates', async () => {
    for (let i = 0; i < 20; i++) {
      const identity = await generateX25519Identity();
      const decoded = bech32Decode(identity)!;
      expect(decoded.prefix).toBe('age-secret-key-');
      expect(bech32Encode('AGE-SECRET-KEY-', decoded.bytes).toUpperCase()).toBe(identity);
      const recipient = await identityToRecipient(identity);
      expect(bech32Encode('age', publicKeyOfRecipient(recipient)!)).toBe(recipient);
    }
  });

  it('round-trips any bytes, and refuses a changed character, mixed case and a bad checksum', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 40 }), (bytes) => {
        const text = bech32Encode('test', bytes);
        expect(bech32Decode(text)).toEqual({ prefix: 'test', bytes: Buffer.from(bytes) });
      }),
    );
    const recipient = bech32Encode('age', crypto.randomBytes(32));
    const changed = recipient.slice(0, 10) + (recipient[10] === 'q' ? 'p' : 'q') + recipient.slice(11);
    expect(bech32Decode(changed)).toBeNull();
    expect(bech32Decode(recipient.slice(0, 5).toUpperCase() + recipient.slice(5))).toBeNull();
    expect(isAgeRecipient(changed)).toBe(false);
    expect(isAgeRecipient(recipient.toUpperCase())).toBe(false);
    expect(isAgeRecipient('age1')).toBe(false);
  });

  it('reads keys longer than the 90 characters of BIP 173, as age does', () => {
    const bytes = crypto.randomBytes(200);
    const text = bech32Encode('AGE-PLUGIN-TEST-', bytes).toUpperCase();
    expect(text.length).toBeGreaterThan(90);
    expect(bech32Decode(text)).toEqual({ prefix: 'age-plugin-test-', bytes });
  });

  it('keys made with Node crypto work with age-encryption and age-keygen', async () => {
    const pair = crypto.generateKeyPairSync('x25519');
    const scalar = Buffer.from(pair.privateKey.export({ format: 'jwk' }).d!, 'base64url');
    const identity = bech32Encode('AGE-SECRET-KEY-', scalar).toUpperCase();
    const recipient = ageRecipientOf(Buffer.from(pair.publicKey.export({ format: 'jwk' }).x!, 'base64url'));
    expect(await identityToRecipient(identity)).toBe(recipient);
    const encrypter = new Encrypter();
    encrypter.addRecipient(recipient);
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    expect(await decrypter.decrypt(await encrypter.encrypt('hallo'), 'text')).toBe('hallo');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-age-')), 'key.txt');
    fs.writeFileSync(file, `${identity}\n`, { mode: 0o600 });
    try {
      expect(execFileSync('age-keygen', ['-y', file], { encoding: 'utf8' }).trim()).toBe(recipient);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe('fingerprints and partner cards', () => {
  it('has 256 distinct plain lower-case words', () => {
    expect(FINGERPRINT_WORDS).toHaveLength(256);
    expect(new Set(FINGERPRINT_WORDS).size).toBe(256);
    for (const word of FINGERPRINT_WORDS) expect(word).toMatch(/^[a-z]{2,9}$/);
  });

  it('describes the first 128 bits as 8 hex groups and 16 words, and covers both keys', () => {
    const signingKey = crypto.randomBytes(32);
    const recipient = ageRecipientOf(crypto.randomBytes(32));
    const hex = fingerprintOf(signingKey, recipient);
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    const described = describeFingerprint(hex);
    expect(described.groups.join('')).toBe(hex.slice(0, 32));
    expect(described.words).toHaveLength(16);
    expect(described.words[0]).toBe(FINGERPRINT_WORDS[Number.parseInt(hex.slice(0, 2), 16)]);
    const otherSigningKey = Buffer.from(signingKey);
    otherSigningKey[31]! ^= 1;
    expect(fingerprintOf(otherSigningKey, recipient)).not.toBe(hex);
    expect(fingerprintOf(signingKey, ageRecipientOf(crypto.randomBytes(32)))).not.toBe(hex);
  });

  it('accepts a self-consistent card and refuses a changed one', () => {
    const signingKey = crypto.randomBytes(32).toString('base64');
    const ageRecipient = ageRecipientOf(crypto.randomBytes(32));
    const card = {
      format: 'dossierkluis-partner-card',
      version: 1,
      name: 'P. Partner',
      organisation: 'RIEC Testregio',
      ageRecipient,
      signingKey,
      fingerprint: fingerprintOf(Buffer.from(signingKey, 'base64'), ageRecipient),
    } as const;
    expect(parsePartnerCard(JSON.stringify(card))).toEqual(card);
    expect(cardFingerprintMatches(card)).toBe(true);
    const swapped = { ...card, ageRecipient: ageRecipientOf(crypto.randomBytes(32)) };
    for (const text of [
      JSON.stringify(swapped),
      JSON.stringify({ ...card, extra: 1 }),
      JSON.stringify({ ...card, version: 2 }),
      '{',
      JSON.stringify({ ...card, signingKey: 'AAAA' }),
    ]) {
      expect(() => parsePartnerCard(text)).toThrow(expect.objectContaining({ code: 'PARTNER_CARD_INVALID' }));
    }
  });
});
