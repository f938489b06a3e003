import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/api';
import { formatErrorMessage } from '../../shared/i18n/errors';
import { ageIdentityOf, craftBundle, decryptBytes, encryptBytes, makeSigner, tarOf, untar, writeTemp, type TarItem } from './support/bundle-craft';
import { makeFifo, makeSocket, timed } from './support/special-files';
import { BUNDLE_PASSPHRASE, fillSampleDossier, introduce, openBundleVault, type BundleVault } from './support/bundles';

/**
 * Every kind of bad bundle, each refused with its own code (and a Dutch sentence for
 * it), by the inspection as much as by the import, with vault B exactly as it was before.
 */

let root: string;
let a: BundleVault;
let b: BundleVault;
let c: BundleVault;
let bIdentity: string;
let bRecipient: string;
let validForB: string;
let validItems: TarItem[];
let forC: string;
let forCItems: TarItem[];
let withPassphrase: string;

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const contentOf = (items: TarItem[]) => items.slice(2);
const manifestHash = (items: TarItem[]) => sha256(items[0]!.data);

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bundles-bad-'));
  [a, b, c] = await Promise.all([openBundleVault('Afzender A', { root }), openBundleVault('Ontvanger B', { root }), openBundleVault('Ontvanger C', { root })]);
  const { bInA } = await introduce(a, b);
  const sample = await fillSampleDossier(a, { attachmentBytes: 150_000 });
  bIdentity = await ageIdentityOf(b);
  bRecipient = (await b.call('bundle.identity', {})).ageRecipient;
  const cRecipient = (await c.call('bundle.identity', {})).ageRecipient;
  validForB = path.join(root, 'voor-b.dkbundel');
  forC = path.join(root, 'voor-c.dkbundel');
  withPassphrase = path.join(root, 'wachtwoord.dkbundel');
  await a.call('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }], targetPath: validForB });
  // A bare key names nobody: the regime would keep the AMBER dossier home, so these bundles go by override.
  await a.call('bundle.export', {
    dossierIds: [sample.dossier.id],
    recipients: [{ ageRecipient: cRecipient }],
    targetPath: forC,
    override: { reason: 'Test van een kale age-sleutel' },
  });
  await a.call('bundle.export', {
    dossierIds: [sample.dossier.id],
    usePassphrase: true,
    passphrase: BUNDLE_PASSPHRASE,
    targetPath: withPassphrase,
    override: { reason: 'Test van het wachtwoordpad' },
  });
  validItems = await untar(await decryptBytes(fs.readFileSync(validForB), { identity: bIdentity }));
  forCItems = await untar(await decryptBytes(fs.readFileSync(forC), { identity: await ageIdentityOf(c) }));
});

afterAll(async () => {
  await Promise.all([a, b, c].map((vault) => vault?.core.dispose()));
  fs.rmSync(root, { recursive: true, force: true });
});

interface Attempt {
  passphrase?: string;
  manifestSha256?: string;
  acceptSender?: string;
}

/** Inspection and import both refuse `file` with `code`; vault B's digest does not move. */
async function expectRefused(file: string, code: ErrorCode, attempt: Attempt = {}) {
  const before = await b.digest();
  const inspected = await b.fail('bundle.inspect', { path: file, passphrase: attempt.passphrase });
  expect(inspected.code, inspected.message).toBe(code);
  const imported = await b.fail('bundle.import', {
    path: file,
    passphrase: attempt.passphrase,
    // The manifest of the valid bundle unless the case says otherwise: the import must get as far as the damage.
    manifestSha256: attempt.manifestSha256 ?? manifestHash(validItems),
    acceptSender: attempt.acceptSender,
  });
  expect(imported.code, imported.message).toBe(code);
  expect(await b.digest()).toBe(before);
  const sentence = formatErrorMessage('nl', inspected.code, inspected.details);
  expect(sentence).not.toMatch(/\?|\{\{/);
  return inspected;
}

async function reEncryptedForB(items: readonly TarItem[]): Promise<string> {
  return writeTemp('bewerkt.dkbundel', await encryptBytes(await tarOf(items), { recipients: [bRecipient] }));
}

describe('bad bundles are refused with a clear code, and the vault is untouched', () => {
  it.skipIf(process.platform === 'win32')('a FIFO, a device, a socket or a folder as the bundle is refused at once, naming the file', async () => {
    const folder = fs.mkdtempSync(path.join(root, 'bijzonder-'));
    const fifo = makeFifo(folder, 'pijp.dkbundel');
    const socket = await makeSocket(folder, 'contact.dkbundel');
    try {
      for (const file of [fifo.path, '/dev/zero', socket.path, folder]) {
        const { value: refused, ms } = await timed(() => expectRefused(file, 'FILE_NOT_REGULAR'));
        expect(refused.details?.path, file).toBe(file);
        expect(formatErrorMessage('nl', refused.code, refused.details)).toContain(file);
        expect(ms, file).toBeLessThan(2000);
      }
    } finally {
      fifo.dispose();
      await socket.dispose();
    }
  });

  it('the valid bundle itself imports (the baseline for the cases below)', async () => {
    const inspection = await b.call('bundle.inspect', { path: validForB });
    expect(inspection.manifestSha256).toBe(manifestHash(validItems));
    expect(validItems.map((item) => item.name.replace(/[0-9a-f-]{36}/, '<uid>'))).toEqual([
      'manifest.json',
      'manifest.sig',
      'subjects.json',
      'dossiers/<uid>.json',
      'attachments/<uid>',
      'attachments/<uid>',
    ]);
  });

  it('a file that is not an age file', async () => {
    await expectRefused(writeTemp('notitie.txt', Buffer.from('Dit is gewoon een tekstbestand.\n')), 'BUNDLE_NOT_AGE');
    await expectRefused(writeTemp('leeg.dkbundel', Buffer.alloc(0)), 'BUNDLE_NOT_AGE');
  });

  it('a passphrase bundle without the passphrase, or with a wrong one', async () => {
    await expectRefused(withPassphrase, 'BUNDLE_PASSPHRASE_REQUIRED');
    await expectRefused(withPassphrase, 'BUNDLE_WRONG_PASSPHRASE', { passphrase: 'niet het goede wachtwoord' });
  });

  it('a bundle encrypted to another vault', async () => {
    await expectRefused(forC, 'BUNDLE_NOT_FOR_THIS_VAULT');
  });

  it('a bundle signed for another recipient and encrypted again to this vault', async () => {
    await expectRefused(await reEncryptedForB(forCItems), 'BUNDLE_WRONG_RECIPIENT', { manifestSha256: manifestHash(forCItems) });
  });

  it('a flipped bit in the payload, in the header MAC, and in a recipient stanza', async () => {
    const bytes = fs.readFileSync(validForB);
    const headerEnd = bytes.indexOf('\n---') + 1;
    for (const [position, code] of [
      [Math.floor(bytes.length / 2), 'BUNDLE_DAMAGED'],
      [bytes.length - 1, 'BUNDLE_DAMAGED'],
      [headerEnd + 6, 'BUNDLE_DAMAGED'],
    ] as const) {
      const flipped = Buffer.from(bytes);
      flipped[position]! ^= 0x04;
      await expectRefused(writeTemp('bit.dkbundel', flipped), code);
    }
    // In the stanza's base64 a flipped bit can make a character that is not base64 at all (a parse
    // error, BUNDLE_DAMAGED); another valid letter changes the key share and is what this case is about.
    const stanza = Buffer.from(bytes);
    const inShare = bytes.indexOf('-> X25519 ') + 12;
    stanza[inShare] = stanza[inShare] === 0x41 ? 0x42 : 0x41;
    await expectRefused(writeTemp('bit.dkbundel', stanza), 'BUNDLE_NOT_FOR_THIS_VAULT');
  });

  it('a truncated file: anywhere, and exactly at the end of an age chunk', async () => {
    const bytes = fs.readFileSync(validForB);
    const payloadStart = bytes.indexOf('\n', bytes.indexOf('\n---') + 1) + 1 + 16;
    for (const length of [bytes.length - 1, bytes.length - 5000, payloadStart + 65_536 + 16, payloadStart + 10, 40]) {
      await expectRefused(writeTemp('kort.dkbundel', bytes.subarray(0, length)), 'BUNDLE_DAMAGED');
    }
  });

  it('an entry whose content does not match its hash in the signed manifest', async () => {
    const items = validItems.map((item) => ({ ...item, data: Buffer.from(item.data) }));
    const attachment = items.at(-1)!;
    attachment.data[attachment.data.length - 10]! ^= 0x01;
    const error = await expectRefused(await reEncryptedForB(items), 'BUNDLE_TAMPERED', { manifestSha256: manifestHash(validItems) });
    expect(error.details).toMatchObject({ path: attachment.name, reason: 'sha256' });
  });

  it('a missing entry, an extra entry, and entries out of order', async () => {
    const attempt = { manifestSha256: manifestHash(validItems) };
    const missing = await expectRefused(await reEncryptedForB(validItems.slice(0, -1)), 'BUNDLE_TAMPERED', attempt);
    expect(missing.details).toMatchObject({ path: validItems.at(-1)!.name, reason: 'missing' });
    const extra = await expectRefused(
      await reEncryptedForB([...validItems, { name: `attachments/${crypto.randomUUID()}`, data: Buffer.from('erbij') }]),
      'BUNDLE_TAMPERED',
      attempt,
    );
    expect(extra.details).toMatchObject({ reason: 'extra' });
    const swapped = [...validItems.slice(0, 4), validItems[5]!, validItems[4]!];
    expect((await expectRefused(await reEncryptedForB(swapped), 'BUNDLE_TAMPERED', attempt)).details).toMatchObject({ reason: 'order' });
  });

  it('a signature by someone else, and a manifest changed after signing', async () => {
    const foreign = makeSigner();
    const resigned = validItems.map((item) => (item.name === 'manifest.sig' ? { ...item, data: foreign.sign(validItems[0]!.data) } : item));
    await expectRefused(await reEncryptedForB(resigned), 'BUNDLE_SIGNATURE_INVALID');
    const manifest = validItems[0]!.data.toString('utf8').replace('"tlp": "AMBER"', '"tlp": "GREEN"');
    expect(manifest).toContain('"GREEN"');
    const changed = validItems.map((item) => (item.name === 'manifest.json' ? { ...item, data: Buffer.from(manifest) } : item));
    await expectRefused(await reEncryptedForB(changed), 'BUNDLE_SIGNATURE_INVALID');
  });

  it('a manifest naming paths with "..", absolute paths, or an archive with a link', async () => {
    const signer = makeSigner();
    const content = contentOf(validItems);
    const accept = { acceptSender: signer.sender.fingerprint };
    for (const name of ['../buiten.txt', '/etc/passwd', 'attachments/../../buiten', 'C:\\Windows\\win.ini']) {
      const { archive, manifestSha256 } = await craftBundle([...content, { name, data: Buffer.from('x') }], signer, { recipients: [bRecipient] });
      const file = writeTemp('pad.dkbundel', await encryptBytes(archive, { recipients: [bRecipient] }));
      await expectRefused(file, 'BUNDLE_UNSAFE_PATH', { ...accept, manifestSha256 });
    }
    const attachmentName = content.at(-1)!.name;
    const { archive, manifestSha256 } = await craftBundle(
      [...content.slice(0, -1), { name: attachmentName, data: Buffer.alloc(0), type: 'symlink', linkname: '/etc/passwd' }],
      signer,
      { recipients: [bRecipient], listed: content },
    );
    await expectRefused(writeTemp('link.dkbundel', await encryptBytes(archive, { recipients: [bRecipient] })), 'BUNDLE_UNSAFE_PATH', {
      ...accept,
      manifestSha256,
    });
    const before = await tarOf([{ name: '../manifest.json', data: Buffer.from('{}') }]);
    await expectRefused(writeTemp('voor.dkbundel', await encryptBytes(before, { recipients: [bRecipient] })), 'BUNDLE_UNSAFE_PATH');
  });

  it('sizes that do not match the manifest, or exceed the limits', async () => {
    const signer = makeSigner();
    const content = contentOf(validItems);
    const accept = { acceptSender: signer.sender.fingerprint };
    const dossierIndex = content.findIndex((item) => item.name.startsWith('dossiers/'));
    const { archive, manifestSha256 } = await craftBundle(content, signer, {
      recipients: [bRecipient],
      edit: (manifest) => {
        (manifest.entries as Array<{ size: number }>)[dossierIndex]!.size += 1;
      },
    });
    const mismatch = await expectRefused(writeTemp('maat.dkbundel', await encryptBytes(archive, { recipients: [bRecipient] })), 'BUNDLE_TAMPERED', {
      ...accept,
      manifestSha256,
    });
    expect(mismatch.details).toMatchObject({ reason: 'size' });
    for (const [index, size] of [
      [content.length - 1, 20 * 1024 ** 3],
      [dossierIndex, 65 * 1024 ** 2],
    ] as const) {
      const huge = await craftBundle(content, signer, {
        recipients: [bRecipient],
        edit: (manifest) => {
          (manifest.entries as Array<{ size: number }>)[index]!.size = size;
        },
      });
      await expectRefused(writeTemp('groot.dkbundel', await encryptBytes(huge.archive, { recipients: [bRecipient] })), 'BUNDLE_TOO_LARGE', {
        ...accept,
        manifestSha256: huge.manifestSha256,
      });
    }
    // Each document within its limit, together too much to hold in memory.
    const many = await craftBundle(content, signer, {
      recipients: [bRecipient],
      edit: (manifest) => {
        const entries = manifest.entries as Array<{ path: string; kind: string; size: number; sha256: string }>;
        const extra = Array.from({ length: 5 }, () => ({ path: `dossiers/${crypto.randomUUID()}.json`, kind: 'dossier', size: 60 * 1024 ** 2, sha256: 'a'.repeat(64) }));
        entries.splice(dossierIndex + 1, 0, ...extra);
      },
    });
    await expectRefused(writeTemp('veel.dkbundel', await encryptBytes(many.archive, { recipients: [bRecipient] })), 'BUNDLE_TOO_LARGE', {
      ...accept,
      manifestSha256: many.manifestSha256,
    });
  });

  it('a format version from the future', async () => {
    const signer = makeSigner();
    const { archive, manifestSha256 } = await craftBundle(contentOf(validItems), signer, {
      recipients: [bRecipient],
      edit: (manifest) => {
        manifest.formatVersion = 2;
        manifest.somethingNew = { shape: 'unknown to version 1' };
      },
    });
    const error = await expectRefused(writeTemp('nieuw.dkbundel', await encryptBytes(archive, { recipients: [bRecipient] })), 'BUNDLE_TOO_NEW', {
      manifestSha256,
    });
    expect(formatErrorMessage('nl', error.code, error.details)).toContain('formaatversie 2');
  });

  it('malformed JSON, and JSON that does not fit the schema', async () => {
    const signer = makeSigner();
    const accept = { acceptSender: signer.sender.fingerprint };
    const content = contentOf(validItems);
    const dossierIndex = content.findIndex((item) => item.name.startsWith('dossiers/'));
    const dossierJson = JSON.parse(content[dossierIndex]!.data.toString('utf8')) as Record<string, unknown>;
    for (const data of [
      Buffer.from('{"schema": "dossierkluis-dossier", '),
      Buffer.from(JSON.stringify({ ...dossierJson, status: 'verzonnen' })),
      Buffer.from(JSON.stringify({ ...dossierJson, unexpected: true })),
      Buffer.from(JSON.stringify({ ...dossierJson, signals: [{ ...(dossierJson.signals as object[])[0], howReceived: 'anoniem', reporterName: 'Iemand' }] })),
      Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
    ]) {
      const edited = content.map((item, index) => (index === dossierIndex ? { ...item, data } : item));
      const { archive, manifestSha256 } = await craftBundle(edited, signer, { recipients: [bRecipient] });
      const error = await expectRefused(writeTemp('json.dkbundel', await encryptBytes(archive, { recipients: [bRecipient] })), 'BUNDLE_INVALID', {
        ...accept,
        manifestSha256,
      });
      expect(error.details).toMatchObject({ path: content[dossierIndex]!.name });
    }
    const broken = await craftBundle(content, signer, { recipients: [bRecipient], manifestText: (text) => text.slice(0, 40) });
    const error = await expectRefused(writeTemp('manifest.dkbundel', await encryptBytes(broken.archive, { recipients: [bRecipient] })), 'BUNDLE_INVALID', {
      manifestSha256: broken.manifestSha256,
    });
    expect(error.details).toMatchObject({ path: 'manifest.json' });
  });

  it('an archive broken after the signed manifest: the bundle is invalid, not a disk or a bug', async () => {
    const signer = makeSigner();
    const { archive, manifestSha256 } = await craftBundle(contentOf(validItems), signer, { recipients: [bRecipient] });
    // The third tar header (subjects.json) comes after the manifest and the signature, each padded to 512-byte blocks.
    const block = 512;
    const third = block + Math.ceil(validItems[0]!.data.length / block) * block + 2 * block;
    expect(archive.subarray(third, third + 'subjects.json'.length).toString('latin1')).toBe('subjects.json');
    const broken = Buffer.from(archive);
    broken.write('9999999', third + 148, 'latin1'); // the header's checksum field
    const error = await expectRefused(writeTemp('tar.dkbundel', await encryptBytes(broken, { recipients: [bRecipient] })), 'BUNDLE_INVALID', {
      acceptSender: signer.sender.fingerprint,
      manifestSha256,
    });
    expect(error.details).toMatchObject({ path: 'archive' });
  });

  // Linux answers every read of /proc/self/mem at address 0 with EIO, as a failing disk or a pulled stick would.
  it.skipIf(process.platform !== 'linux')('a bundle file the disk cannot read: IO_ERROR, not a bad bundle', async () => {
    const before = await b.digest();
    expect((await b.fail('bundle.inspect', { path: '/proc/self/mem' })).code).toBe('IO_ERROR');
    expect((await b.fail('bundle.import', { path: '/proc/self/mem', manifestSha256: manifestHash(validItems) })).code).toBe('IO_ERROR');
    expect(await b.digest()).toBe(before);
  });

  it('a file encrypted with age to this vault without a signature: recognised and refused', async () => {
    await expectRefused(writeTemp('los.age', await encryptBytes(Buffer.from('Hallo, dit is geen bundel.\n'), { recipients: [bRecipient] })), 'BUNDLE_UNSIGNED');
    const manifestOnly = await tarOf([validItems[0]!, ...contentOf(validItems)]);
    await expectRefused(writeTemp('zonder-handtekening.age', await encryptBytes(manifestOnly, { recipients: [bRecipient] })), 'BUNDLE_UNSIGNED');
    await expectRefused(writeTemp('leeg.age', await encryptBytes(Buffer.alloc(0), { recipients: [bRecipient] })), 'BUNDLE_UNSIGNED');
  });

  it('a failure after the sender was accepted and attachments were written leaves the address book and the vault as they were', async () => {
    const signer = makeSigner('Nieuwe Partner', 'Elders');
    const content = contentOf(validItems).map((item) => ({ ...item, data: Buffer.from(item.data) }));
    const listed = contentOf(validItems);
    content.at(-1)!.data[0]! ^= 0xff;
    const { archive, manifestSha256 } = await craftBundle(content, signer, { recipients: [bRecipient], listed });
    const file = writeTemp('laat.dkbundel', await encryptBytes(archive, { recipients: [bRecipient] }));
    // The first attachment is intact and is written before the second one fails its hash.
    const before = await b.digest();
    const error = await b.fail('bundle.import', { path: file, manifestSha256, acceptSender: signer.sender.fingerprint });
    expect(error).toMatchObject({ code: 'BUNDLE_TAMPERED', details: { path: listed.at(-1)!.name } });
    expect(await b.digest()).toBe(before);
    expect(await b.call('addressBook.list', {})).not.toContainEqual(expect.objectContaining({ name: 'Nieuwe Partner' }));
  });

  it('an import of another bundle than the one inspected', async () => {
    const before = await b.digest();
    const error = await b.fail('bundle.import', { path: validForB, manifestSha256: 'f'.repeat(64) });
    expect(error.code).toBe('BUNDLE_CHANGED');
    expect(await b.digest()).toBe(before);
  });
});
