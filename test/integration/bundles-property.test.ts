import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '../../shared/api';
import { formatErrorMessage } from '../../shared/i18n/errors';
import { ageIdentityOf, decryptBytes, encryptBytes } from './support/bundle-craft';
import { fillSampleDossier, introduce, openBundleVault, type BundleVault } from './support/bundles';

/**
 * fast-check mutates a valid bundle at random (bit flips, truncation, inserted and deleted bytes),
 * both the file as it travels and the archive inside it (then encrypted again to the vault, as
 * anyone with the vault's public key could). Whatever comes out, an import either succeeds with
 * the dossier exactly as sent, or fails with one of the bundle error codes (with its Dutch
 * sentence) and the vault unchanged, to the byte.
 */

const BUNDLE_CODES = new Set<ErrorCode>(ERROR_CODES.filter((code) => code.startsWith('BUNDLE_')));

let root: string;
let a: BundleVault;
let b: BundleVault;
let valid: Buffer;
let plaintext: Buffer;
let bRecipient: string;
let expected: { title: string; attachments: string[] };

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bundles-property-'));
  [a, b] = await Promise.all([openBundleVault('Afzender', { root }), openBundleVault('Ontvanger', { root })]);
  const { bInA } = await introduce(a, b);
  // A little over one age chunk (64 KiB) of attachment, so that mutations can hit a chunk boundary.
  const sample = await fillSampleDossier(a, { attachmentBytes: 70_000 });
  const target = path.join(root, 'geldig.dkbundel');
  await a.call('bundle.export', { dossierIds: [sample.dossier.id], recipients: [{ partnerId: bInA }], targetPath: target });
  valid = fs.readFileSync(target);
  plaintext = await decryptBytes(valid, { identity: await ageIdentityOf(b) });
  bRecipient = (await b.call('bundle.identity', {})).ageRecipient;
  const attachments = await a.call('attachment.list', { dossierId: sample.dossier.id });
  expected = { title: sample.dossier.title, attachments: attachments.map((attachment) => attachment.sha256) };
});

afterAll(async () => {
  await Promise.all([a, b].map((vault) => vault?.core.dispose()));
  fs.rmSync(root, { recursive: true, force: true });
});

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 600 }) }) },
);

function mutate(original: Buffer, mutations: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(original);
  for (const change of mutations) {
    const at = bytes.length === 0 ? 0 : change.at % bytes.length;
    switch (change.kind) {
      case 'flip':
        if (bytes.length > 0) bytes[at]! ^= 1 << change.bit;
        break;
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), change.bytes, bytes.subarray(at)]);
        break;
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + change.length)]);
        break;
    }
  }
  return bytes;
}

let counter = 0;
const outcomes = { imported: 0, refused: new Map<string, number>() };

/** Inspect and import `bytes`; check the one allowed outcome of each kind. */
async function attempt(bytes: Buffer): Promise<void> {
  const file = path.join(root, `poging-${counter++}.dkbundel`);
  fs.writeFileSync(file, bytes);
  const before = await b.digest();
  const inspected = await b.core.callUntrusted('bundle.inspect', { path: file });
  const result = inspected.ok
    ? await b.core.callUntrusted('bundle.import', { path: file, manifestSha256: (inspected.value as { manifestSha256: string }).manifestSha256 })
    : inspected;
  if (result.ok) {
    const imported = (result.value as { dossiers: Array<{ dossierId: number }> }).dossiers[0]!.dossierId;
    const dossier = await b.call('dossier.get', { dossierId: imported });
    const attachments = await b.call('attachment.list', { dossierId: imported });
    expect(dossier.title).toBe(expected.title);
    expect(attachments.map((attachment) => attachment.sha256).sort()).toEqual([...expected.attachments].sort());
    outcomes.imported++;
  } else {
    expect(BUNDLE_CODES.has(result.error.code), `${result.error.code}: ${result.error.message}`).toBe(true);
    expect(formatErrorMessage('nl', result.error.code, result.error.details)).not.toMatch(/\{\{/);
    expect(await b.digest()).toBe(before);
    outcomes.refused.set(result.error.code, (outcomes.refused.get(result.error.code) ?? 0) + 1);
  }
  fs.rmSync(file);
}

describe('random damage to valid bundles', () => {
  it('the file as it travels: every mutation is refused cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        await attempt(mutate(valid, mutations));
      }),
      { numRuns: 30 },
    );
    expect(outcomes.refused.size).toBeGreaterThan(0);
  });

  it('the archive inside, encrypted again to the vault: refused cleanly, or imported exactly as sent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), async (mutations) => {
        const mutated = mutate(plaintext, mutations);
        await attempt(await encryptBytes(mutated, { recipients: [bRecipient] }));
      }),
      { numRuns: 50 },
    );
    // The unmutated archive, encrypted again, imports: the harness can tell success from failure.
    await attempt(await encryptBytes(plaintext, { recipients: [bRecipient] }));
    expect(outcomes.imported).toBeGreaterThan(0);
    console.info('outcomes', outcomes.imported, 'imported;', Object.fromEntries(outcomes.refused));
  });
});
