import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempFolder } from '../support/temp-vault';
import { fillSampleDossier, introduce, openBundleVault } from './support/bundles';

/**
 * A bundle is readable without Dossierkluis (docs/bundle-format.md): Debian's `age` decrypts it
 * with the vault's identity, `tar` unpacks it, the manifest's hashes match the files, and
 * OpenSSL verifies the signature. The other way round, what `age` encrypts to the vault is
 * recognised: refused when unsigned, imported when it is a signed bundle put together with tar.
 */

const run = (command: string, args: string[], options: { cwd?: string } = {}) => execFileSync(command, args, { encoding: 'utf8', ...options });
const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** An Ed25519 public key (32 raw bytes) as the PEM that OpenSSL reads: the fixed SPKI prefix, then the key. */
function ed25519Pem(rawBase64: string): string {
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(rawBase64, 'base64')]);
  return `-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----\n`;
}

describe('interoperability with age, tar and OpenSSL', () => {
  it('a bundle decrypts with `age -d -i`, unpacks with tar, and its manifest, hashes and signature check out', async () => {
    const a = await openBundleVault('Gemeente Interop');
    const b = await openBundleVault('Partner Interop');
    const { bInA } = await introduce(a, b);
    const sample = await fillSampleDossier(a, { attachmentBytes: 300_000 });
    const work = makeTempFolder();
    const bundle = path.join(work, 'dossier.dkbundel');
    await a.call('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }], targetPath: bundle });

    const identityFile = path.join(work, 'partner.agekey');
    await b.call('bundle.writeAgeIdentity', { targetPath: identityFile });
    const bIdentity = await b.call('bundle.identity', {});
    expect(run('age-keygen', ['-y', identityFile]).trim()).toBe(bIdentity.ageRecipient);

    const archive = path.join(work, 'dossier.tar');
    run('age', ['-d', '-i', identityFile, '-o', archive, bundle]);
    const names = run('tar', ['-tf', archive]).trim().split('\n');
    expect(names.slice(0, 3)).toEqual(['manifest.json', 'manifest.sig', 'subjects.json']);
    expect(names.every((name) => !name.includes('..') && !name.startsWith('/'))).toBe(true);
    const out = path.join(work, 'uitgepakt');
    fs.mkdirSync(out);
    run('tar', ['-xf', archive, '-C', out]);

    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      formatVersion: number;
      sender: { name: string; signingKey: string };
      entries: Array<{ path: string; size: number; sha256: string }>;
    };
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.sender.name).toBe('Gemeente Interop');
    expect(manifest.entries.map((entry) => entry.path)).toEqual(names.slice(2));
    for (const entry of manifest.entries) {
      expect(fs.statSync(path.join(out, entry.path)).size).toBe(entry.size);
      expect(sha256(path.join(out, entry.path))).toBe(entry.sha256);
    }
    const dossierEntry = manifest.entries.find((entry) => entry.path.startsWith('dossiers/'))!;
    const dossier = JSON.parse(fs.readFileSync(path.join(out, dossierEntry.path), 'utf8')) as { title: string; attachments: Array<{ path: string; fileName: string }> };
    expect(dossier.title).toBe(sample.dossier.title);
    expect(dossier.attachments.map((attachment) => attachment.fileName)).toEqual(['foto.png', 'administratie.bin']);

    const pem = path.join(work, 'afzender.pem');
    fs.writeFileSync(pem, ed25519Pem(manifest.sender.signingKey));
    const verify = (data: string) =>
      spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', pem, '-rawin', '-in', data, '-sigfile', path.join(out, 'manifest.sig')], { encoding: 'utf8' });
    expect(verify(path.join(out, 'manifest.json')).stdout).toContain('Signature Verified Successfully');
    fs.writeFileSync(path.join(work, 'anders.json'), fs.readFileSync(path.join(out, 'manifest.json'), 'utf8').replace('"AMBER"', '"GREEN"'));
    expect(verify(path.join(work, 'anders.json')).status).not.toBe(0);

    // Put together again with GNU tar and the age CLI from the same signed parts: still a valid bundle.
    const rebuilt = path.join(work, 'opnieuw.dkbundel');
    run('tar', ['--format=ustar', '-cf', path.join(work, 'opnieuw.tar'), ...names], { cwd: out });
    run('age', ['-r', bIdentity.ageRecipient, '-o', rebuilt, path.join(work, 'opnieuw.tar')]);
    const inspection = await b.call('bundle.inspect', { path: rebuilt });
    expect(inspection.dossiers[0]!.title).toBe(sample.dossier.title);
    const imported = await b.call('bundle.import', { path: rebuilt, manifestSha256: inspection.manifestSha256 });
    expect(imported.created.attachments).toBe(2);
  });

  it('a file that `age -r` encrypted to the vault, without a signature, is recognised and refused', async () => {
    const b = await openBundleVault('Partner Interop');
    const { ageRecipient } = await b.call('bundle.identity', {});
    const work = makeTempFolder();
    const plain = path.join(work, 'brief.txt');
    fs.writeFileSync(plain, 'Beste partner, hierbij de stukken.\n');
    const encrypted = path.join(work, 'brief.txt.age');
    run('age', ['-r', ageRecipient, '-o', encrypted, plain]);
    const armored = path.join(work, 'brief.txt.asc');
    run('age', ['-a', '-r', ageRecipient, '-o', armored, plain]);
    const tarred = path.join(work, 'map.tar.age');
    fs.writeFileSync(path.join(work, 'manifest.json'), '{"format":"dossierkluis-bundle","formatVersion":1}');
    run('tar', ['-cf', path.join(work, 'map.tar'), 'manifest.json', 'brief.txt'], { cwd: work });
    run('age', ['-r', ageRecipient, '-o', tarred, path.join(work, 'map.tar')]);

    const before = await b.digest();
    const refused = await b.fail('bundle.inspect', { path: encrypted });
    expect(refused.code).toBe('BUNDLE_UNSIGNED');
    expect((await b.fail('bundle.import', { path: encrypted, manifestSha256: '0'.repeat(64) })).code).toBe('BUNDLE_UNSIGNED');
    expect((await b.fail('bundle.inspect', { path: tarred })).code).toBe('BUNDLE_UNSIGNED');
    // ASCII armour is not what the app writes; it is named as "not an age file" rather than guessed at.
    expect((await b.fail('bundle.inspect', { path: armored })).code).toBe('BUNDLE_NOT_AGE');
    expect(await b.digest()).toBe(before);
  });

  it('the recipe in docs/bundle-format.md works as written (age, tar, jq, sha256sum, openssl)', async () => {
    const a = await openBundleVault('Gemeente Interop');
    const b = await openBundleVault('Partner Interop');
    const { bInA } = await introduce(a, b);
    const sample = await fillSampleDossier(a, { attachmentBytes: 100_000 });
    const work = makeTempFolder();
    await a.call('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }], targetPath: path.join(work, 'dossiers.dkbundel') });
    await b.call('bundle.writeAgeIdentity', { targetPath: path.join(work, 'key.txt') });
    const doc = fs.readFileSync(path.resolve('docs/bundle-format.md'), 'utf8');
    const start = doc.indexOf('```sh\n') + 6;
    const recipe = doc.slice(start, doc.indexOf('```', start));
    const output = run('sh', ['-ec', recipe], { cwd: work });
    expect(output.match(/: OK$/gm)).toHaveLength(4);
    expect(output).toContain('Signature Verified Successfully');
  });
});
