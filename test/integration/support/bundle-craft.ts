import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Decrypter, Encrypter } from 'age-encryption';
import tar from 'tar-stream';
import { ageRecipientOf, fingerprintOf } from '../../../electron/core/bundles/identity';
import { makeTempFolder } from '../../support/temp-vault';
import { TEST_SCRYPT_LOG_N, type BundleVault } from './bundles';

/**
 * Tools to take bundles apart and put (wrong) ones together, the way an attacker or a broken copy
 * would: decrypt with a vault's age identity, edit the tar, sign with some key, encrypt again.
 */

export interface TarItem {
  name: string;
  data: Buffer;
  type?: 'file' | 'symlink' | 'directory' | 'link';
  linkname?: string;
}

export async function decryptBytes(ciphertext: Buffer, key: { identity?: string; passphrase?: string }): Promise<Buffer> {
  const decrypter = new Decrypter();
  if (key.identity) decrypter.addIdentity(key.identity);
  if (key.passphrase) decrypter.addPassphrase(key.passphrase);
  return Buffer.from(await decrypter.decrypt(ciphertext));
}

export async function encryptBytes(plaintext: Buffer, to: { recipients?: string[]; passphrase?: string }): Promise<Buffer> {
  const encrypter = new Encrypter();
  if (to.passphrase) {
    encrypter.setScryptWorkFactor(TEST_SCRYPT_LOG_N);
    encrypter.setPassphrase(to.passphrase);
  }
  for (const recipient of to.recipients ?? []) encrypter.addRecipient(recipient);
  return Buffer.from(await encrypter.encrypt(plaintext));
}

export async function untar(archive: Buffer): Promise<TarItem[]> {
  const extract = tar.extract();
  const items: TarItem[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const pieces: Buffer[] = [];
      for await (const piece of entry) pieces.push(Buffer.from(piece as Uint8Array));
      items.push({ name: entry.header.name, data: Buffer.concat(pieces), type: entry.header.type as TarItem['type'] });
    }
  })();
  extract.end(archive);
  await done;
  return items;
}

export async function tarOf(items: readonly TarItem[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const item of items) {
    if (item.type && item.type !== 'file') pack.entry({ name: item.name, type: item.type, linkname: item.linkname, size: 0 });
    else pack.entry({ name: item.name, size: item.data.length, mode: 0o600 }, item.data);
  }
  pack.finalize();
  const pieces: Buffer[] = [];
  for await (const piece of pack) pieces.push(Buffer.from(piece as Uint8Array));
  return Buffer.concat(pieces);
}

/** A vault's secret age identity, the way `bundle.writeAgeIdentity` hands it out. */
export async function ageIdentityOf(vault: BundleVault): Promise<string> {
  const file = path.join(makeTempFolder(), 'identiteit.txt');
  await vault.call('bundle.writeAgeIdentity', { targetPath: file });
  return fs.readFileSync(file, 'utf8').trim().split('\n').at(-1)!;
}

/** Some sender that is not a vault: its own Ed25519 and X25519 keys, and what a manifest says about it. */
export function makeSigner(name = 'Onbekende Afzender', organisation = 'Nergens') {
  const signing = crypto.generateKeyPairSync('ed25519');
  const signingKey = Buffer.from(signing.publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const x25519 = crypto.generateKeyPairSync('x25519');
  const ageRecipient = ageRecipientOf(Buffer.from(x25519.publicKey.export({ format: 'jwk' }).x!, 'base64url'));
  const fingerprint = fingerprintOf(signingKey, ageRecipient);
  return {
    sender: { name, organisation, ageRecipient, signingKey: signingKey.toString('base64'), fingerprint },
    sign: (bytes: Buffer) => crypto.sign(null, bytes, signing.privateKey),
  };
}

export type Signer = ReturnType<typeof makeSigner>;

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

function kindOf(name: string): 'subjects' | 'dossier' | 'attachment' {
  if (name === 'subjects.json') return 'subjects';
  return name.startsWith('dossiers/') ? 'dossier' : 'attachment';
}

/**
 * A complete bundle plaintext (tar) around `content` (the entries after manifest and signature),
 * with a manifest that lists them exactly, signed by `signer`. `edit` may change the manifest
 * object before it is encoded and signed; `listed` overrides the entries the manifest names.
 */
export async function craftBundle(
  content: readonly TarItem[],
  signer: Signer,
  options: {
    recipients?: string[];
    passphrase?: boolean;
    edit?: (manifest: Record<string, unknown>) => void;
    listed?: readonly TarItem[];
    manifestText?: (text: string) => string;
  } = {},
): Promise<{ archive: Buffer; manifestSha256: string; manifest: Record<string, unknown> }> {
  const manifest: Record<string, unknown> = {
    format: 'dossierkluis-bundle',
    formatVersion: 1,
    bundleId: crypto.randomUUID(),
    createdAt: new Date().toISOString(),
    generator: 'test',
    sender: signer.sender,
    encryptedTo: {
      passphrase: options.passphrase ?? false,
      recipients: (options.recipients ?? []).map((ageRecipient) => ({ ageRecipient, name: null, organisation: null })),
    },
    tlp: 'AMBER',
    tlpOverride: null,
    include: { signals: true, subjects: true, notes: true, measures: true, attachments: true },
    redaction: { reporterIdentity: true, bsn: true, internalNotes: true },
    entries: (options.listed ?? content).map((item) => ({ path: item.name, kind: kindOf(item.name), size: item.data.length, sha256: sha256(item.data) })),
  };
  options.edit?.(manifest);
  let text = `${JSON.stringify(manifest, null, 2)}\n`;
  if (options.manifestText) text = options.manifestText(text);
  const manifestBytes = Buffer.from(text, 'utf8');
  const archive = await tarOf([{ name: 'manifest.json', data: manifestBytes }, { name: 'manifest.sig', data: signer.sign(manifestBytes) }, ...content]);
  return { archive, manifestSha256: sha256(manifestBytes), manifest };
}

/** Write `bytes` to a fresh file and return its path. */
export function writeTemp(name: string, bytes: Buffer): string {
  const file = path.join(makeTempFolder(), name);
  fs.writeFileSync(file, bytes);
  return file;
}
