import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrorMessage } from '../../shared/i18n/errors';
import { TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { fillSampleDossier, openBundleVault } from './support/bundles';

/**
 * Partners who use plain age (issue 14, new user 5): a bare `age1…` key from age-keygen is a
 * partner that can receive bundles but cannot be recognised as a sender; and accepting an unknown
 * sender after comparing its fingerprint stores it as verified.
 */

const AGE = '/usr/bin/age';
const hasAge = fs.existsSync(AGE) && fs.existsSync('/usr/bin/age-keygen');

function ageKeyPair(folder: string, name: string) {
  const secret = path.join(folder, `${name}.txt`);
  execFileSync('age-keygen', ['-o', secret], { stdio: 'ignore' });
  const recipient = execFileSync('age-keygen', ['-y', secret], { encoding: 'utf8' }).trim();
  const publicFile = path.join(folder, `${name}.pub`);
  fs.writeFileSync(publicFile, `${recipient}\n`);
  return { secret, recipient, publicFile };
}

describe.skipIf(!hasAge)('plain age partners', () => {
  it('a bare age key becomes a partner that can receive, marked as without a signing key; its bundle opens with age -d', async () => {
    const a = await openBundleVault('Gemeente');
    const folder = makeTempFolder();
    const police = ageKeyPair(folder, 'politie');
    const other = ageKeyPair(folder, 'fiod');

    const preview = await a.call('addressBook.readCard', { path: police.publicFile });
    expect(preview).toMatchObject({ plainAge: true, card: { ageRecipient: police.recipient, name: '' }, existing: null, isSelf: false });

    // A name is needed: the key file has none.
    const nameless = await a.fail('addressBook.add', { path: police.publicFile, verified: true, organisationCode: 'politie' });
    expect(nameless).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'name' } });

    const entry = await a.call('addressBook.add', {
      path: police.publicFile,
      verified: true,
      organisationCode: 'politie',
      name: 'K. Rechercheur',
      organisation: 'Politie Testregio',
    });
    expect(entry).toMatchObject({ name: 'K. Rechercheur', organisation: 'Politie Testregio', ageRecipient: police.recipient, signingKey: null, plainAge: true });
    expect(entry.verifiedAt).not.toBeNull();
    // Two plain keys side by side: neither key nor fingerprint collides.
    const second = await a.call('addressBook.add', { path: other.publicFile, name: 'F. Onderzoeker' });
    expect(second.fingerprint.hex).not.toBe(entry.fingerprint.hex);
    expect((await a.call('addressBook.list', {})).map((partner) => partner.plainAge)).toEqual([true, true]);
    expect((await a.fail('addressBook.add', { path: police.publicFile, name: 'Nog eens' })).code).toBe('PARTNER_EXISTS');

    // The secret key file is not a public key: refused with a sentence that says so.
    const secret = await a.fail('addressBook.add', { path: police.secret, name: 'Geheim' });
    expect(secret.code).toBe('PARTNER_CARD_SECRET_KEY');
    expect(formatErrorMessage('nl', secret.code, secret.details)).toMatch(/geheime sleutel/);

    const sample = await fillSampleDossier(a, { attachmentBytes: 3_000 });
    const target = path.join(folder, 'voor-politie.dkbundel');
    const exported = await a.call('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: entry.id }], targetPath: target });
    expect(exported.preview.recipients).toEqual([expect.objectContaining({ partnerId: entry.id, name: 'K. Rechercheur', organisationCode: 'politie', verified: true })]);

    const tarFile = path.join(folder, 'bundel.tar');
    execFileSync(AGE, ['-d', '-i', police.secret, '-o', tarFile, target]);
    const listing = execFileSync('tar', ['-tf', tarFile], { encoding: 'utf8' }).trim().split('\n');
    expect(listing.slice(0, 3)).toEqual(['manifest.json', 'manifest.sig', 'subjects.json']);
    expect(listing.some((name) => name.startsWith('dossiers/'))).toBe(true);
    expect(listing.filter((name) => name.startsWith('attachments/'))).toHaveLength(2);
    const manifest = JSON.parse(execFileSync('tar', ['-xOf', tarFile, 'manifest.json'], { encoding: 'utf8' })) as {
      encryptedTo: { recipients: Array<{ ageRecipient: string; name: string }> };
    };
    expect(manifest.encryptedTo.recipients).toEqual([{ ageRecipient: police.recipient, name: 'K. Rechercheur', organisation: 'Politie Testregio' }]);
  });

  it('accepting an unknown sender after comparing its fingerprint stores it as verified', async () => {
    const a = await openBundleVault('Afzender');
    const b = await openBundleVault('Ontvanger');
    const sample = await fillSampleDossier(a, { attachmentBytes: 3_000 });
    const { ageRecipient } = await b.call('bundle.identity', {});
    const target = path.join(makeTempFolder(), 'onbekend.dkbundel');
    await a.call('bundle.export', {
      dossierIds: [sample.dossier.id],
      recipients: [{ ageRecipient }],
      targetPath: target,
      override: { reason: 'Test van een onbekende afzender' },
    });
    const inspection = await b.call('bundle.inspect', { path: target });
    expect(inspection.sender.status).toBe('unknown');
    const result = await b.call('bundle.import', { path: target, manifestSha256: inspection.manifestSha256, acceptSender: inspection.sender.fingerprint.hex });
    expect(result.senderAdded).toBe(true);
    const [partner] = await b.call('addressBook.list', {});
    expect(partner).toMatchObject({ name: 'Afzender', plainAge: false, verifiedBy: expect.any(String) });
    expect(partner!.verifiedAt).not.toBeNull();
    const added = (await b.call('audit.list', { actions: ['address-book.added'] }))[0]!;
    expect(added.details).toMatchObject({ verified: true });
  });
  it('kluis partner add takes a bare age key with --naam and says what such a partner is', { timeout: 120_000 }, async () => {
    const a = await openBundleVault('Gemeente');
    await a.call('vault.lock', {});
    const key = ageKeyPair(makeTempFolder(), 'partner');
    const kluis = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.resolve('electron/core/cli/kluis.ts'), ...args], {
        env: { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: TEST_PASSPHRASE },
        input: '',
        encoding: 'utf8',
      });
    const nameless = kluis(['partner', 'add', a.vaultPath, key.publicFile]);
    expect(nameless.status).toBe(1);
    expect(nameless.stderr).toContain('een age-sleutel noemt geen naam');
    const added = kluis(['partner', 'add', a.vaultPath, key.publicFile, '--naam', 'K. Rechercheur']);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toContain('Partner 1 toegevoegd: K. Rechercheur.');
    expect(added.stderr).toContain('Dit is een kale age-sleutel, geen partnerkaart');
  });
});
