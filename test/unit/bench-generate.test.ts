import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectDetailsSchema } from '../../shared/api/subject-details';
import { validateBsn, validateIban, validateKenteken, validateKvkNumber, validatePostcode } from '../../shared/domain/validation';
import { matchKeysFor } from '../../electron/core/dossiers/match-keys';
import { subjectLabel } from '../../electron/core/dossiers/subject-label';
import { Core } from '../../electron/core/api/core';
import { FAST_KDF_FOR_TESTS } from '../../electron/core/vault/kdf';
import { Vault } from '../../electron/core/vault/vault';
import {
  BENCH_PASSPHRASE,
  contentHash,
  fictionalBsn,
  fictionalIban,
  fictionalKenteken,
  fictionalKvk,
  fictionalPostcode,
  generateVault,
  openPlaintext,
  rowCounts,
  seeded,
  type GenerateSizes,
} from '../bench/generate';

const TINY: GenerateSizes = { signals: 300, dossiers: 60, subjects: 200, links: 600, notes: 300, attachmentsMb: 2 };

let folder: string;
const plain = (name: string) => path.join(folder, `${name}.db`);

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-generate-'));
  await generateVault({ path: plain('a'), seed: 7, sizes: TINY, encrypted: false });
  await generateVault({ path: plain('b'), seed: 7, sizes: TINY, encrypted: false });
  await generateVault({ path: plain('c'), seed: 8, sizes: TINY, encrypted: false });
});

afterAll(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

function read<T>(file: string, work: (db: ReturnType<typeof openPlaintext>) => T): T {
  const db = openPlaintext(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('the benchmark data generator', () => {
  it('writes the same rows for the same seed and different rows for another seed', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((name) => read(plain(name), contentHash));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('fills every table at the asked size, the links split between dossiers and subjects', () => {
    const counts = read(plain('a'), rowCounts);
    expect(counts.signals).toBe(TINY.signals);
    expect(counts.dossiers).toBe(TINY.dossiers);
    expect(counts.subjects).toBe(TINY.subjects);
    expect(counts.dossier_notes).toBe(TINY.notes);
    expect(counts.subject_dossier_links! + counts.subject_links!).toBe(TINY.links);
    expect(counts.subject_dossier_links).toBeGreaterThan(counts.subject_links!);
    for (const table of ['dossier_status_changes', 'dossier_phenomena', 'subject_match_keys', 'attachments', 'attachment_chunks', 'search_index']) {
      expect(counts[table], table).toBeGreaterThan(0);
    }
  });

  it('draws identifiers that pass the core validators unchanged', () => {
    const random = seeded(99);
    for (let i = 0; i < 2_000; i++) {
      for (const [value, validate] of [
        [fictionalPostcode(random), validatePostcode],
        [fictionalBsn(random), validateBsn],
        [fictionalIban(random), validateIban],
        [fictionalKenteken(random), validateKenteken],
        [fictionalKvk(random), validateKvkNumber],
      ] as const) {
        expect(validate(value), value).toEqual({ ok: true, value });
      }
    }
  });

  it('stores subjects as the core would: valid details, the core label, the core match keys', () => {
    read(plain('a'), (db) => {
      const subjects = db.prepare('SELECT id, type, label, details FROM subjects').all() as Array<{ id: number; type: string; label: string; details: string }>;
      const types = new Set<string>();
      for (const subject of subjects) {
        const stored = JSON.parse(subject.details) as Record<string, unknown>;
        const details = subjectDetailsSchema.parse(stored);
        // Parsing again changes nothing: what is stored is already normalised.
        expect(details).toEqual(stored);
        expect(subject.label).toBe(subjectLabel(details));
        const keys = db.prepare('SELECT kind, value FROM subject_match_keys WHERE subject_id = ? ORDER BY kind, value').all(subject.id);
        const expected = [...new Map(matchKeysFor(details).map((key) => [`${key.kind}|${key.value}`, key])).values()].sort((x, y) =>
          x.kind === y.kind ? x.value.localeCompare(y.value) : x.kind.localeCompare(y.kind),
        );
        expect(keys).toEqual(expected);
        if (details.type === 'person' && details.bsn) expect(validateBsn(details.bsn).ok).toBe(true);
        if (details.type === 'address' && details.postcode) expect(validatePostcode(details.postcode).ok).toBe(true);
        if (details.type === 'bank_account') expect(validateIban(details.iban).ok).toBe(true);
        if (details.type === 'vehicle') expect(validateKenteken(details.kenteken).ok).toBe(true);
        if (details.type === 'organisation' && details.kvkNumber) expect(validateKvkNumber(details.kvkNumber).ok).toBe(true);
        types.add(details.type);
      }
      expect(types.has('person') && types.has('organisation') && types.has('address')).toBe(true);
      // A share of subjects are look-alikes of another: "komt ook voor in" has work.
      const lookalikes = db
        .prepare(
          'SELECT count(DISTINCT a.subject_id) FROM subject_match_keys a JOIN subject_match_keys b ON a.kind = b.kind AND a.value = b.value AND a.subject_id <> b.subject_id',
        )
        .pluck()
        .get() as number;
      expect(lookalikes).toBeGreaterThan(TINY.subjects / 20);
    });
  });

  it('keeps status histories, closing reasons and attachment digests consistent', () => {
    read(plain('a'), (db) => {
      const mismatched = db
        .prepare(
          `SELECT count(*) FROM dossiers d
            WHERE d.status <> (SELECT c.to_status FROM dossier_status_changes c WHERE c.dossier_id = d.id ORDER BY c.id DESC LIMIT 1)`,
        )
        .pluck()
        .get();
      expect(mismatched).toBe(0);
      const attachments = db.prepare('SELECT id, byte_size, sha256 FROM attachments').all() as Array<{ id: number; byte_size: number; sha256: string }>;
      for (const attachment of attachments) {
        const chunks = db.prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ? ORDER BY seq').pluck().all(attachment.id) as Buffer[];
        const content = Buffer.concat(chunks);
        expect(content.length).toBe(attachment.byte_size);
        expect(crypto.createHash('sha256').update(content).digest('hex')).toBe(attachment.sha256);
      }
      expect(attachments.reduce((sum, attachment) => sum + attachment.byte_size, 0)).toBe(TINY.attachmentsMb * 1024 * 1024);
    });
  });

  it('makes a real vault that unlocks with the passphrase and holds the same rows as the plaintext copy', async () => {
    const summary = await generateVault({ path: path.join(folder, 'vault.kluis'), seed: 7, sizes: TINY, encrypted: true, kdf: FAST_KDF_FOR_TESTS });
    expect(summary.encrypted).toBe(true);
    expect(fs.readFileSync(summary.path).subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    const vault = await Vault.unlock(summary.path, { passphrase: BENCH_PASSPHRASE });
    try {
      expect(rowCounts(vault.database)).toEqual(read(plain('a'), rowCounts));
      expect(contentHash(vault.database)).toBe(read(plain('a'), contentHash));
    } finally {
      vault.lock();
    }
    // As the app opens it: through the core, by path and passphrase, and its lists and search answer.
    const core = new Core({ userDataDir: fs.mkdtempSync(path.join(folder, 'app-')), host: 'browser', appVersion: 'test' });
    try {
      await core.call('vault.unlock', { path: summary.path, passphrase: BENCH_PASSPHRASE });
      expect((await core.call('signal.list', {})).total).toBe(TINY.signals);
      expect((await core.call('search.query', { query: 'garagebox' })).total).toBeGreaterThan(0);
    } finally {
      await core.dispose();
    }
  });
});
