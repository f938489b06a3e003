import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { ApiError, CoreEvent, HandlerName, Input, Output } from '../../../shared/api';
import { Core } from '../../../electron/core/api/core';
import { Vault } from '../../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../../support/temp-vault';

/** Fast scrypt for passphrase bundles in tests (age's default is 18). */
export const TEST_SCRYPT_LOG_N = 10;
export const BUNDLE_PASSPHRASE = 'bundelwachtwoord voor de test';

/**
 * A Core over a fresh vault of its own, with `call` (expects success) and `fail` (expects a failure).
 * Its folders are removed after the test, unless `root` names a folder the caller removes itself
 * (for vaults shared by the tests of a file, made in beforeAll).
 */
/** The bundle writer's worker in tests: its TypeScript entry through the tests' loader, as the hosts load the bundled one. */
export const TEST_BUNDLE_WRITER = {
  script: path.resolve('test/support/typescript-worker.mjs'),
  argv: [path.resolve('electron/core/worker/bundle-writer-worker.ts')],
};

export async function openBundleVault(displayName: string, options: { now?: () => Date; root?: string; writerWorker?: boolean } = {}) {
  const vaultOptions = options.now ? { ...FAST_VAULT_OPTIONS, now: options.now } : FAST_VAULT_OPTIONS;
  const folderFor = (prefix: string) => (options.root ? fs.mkdtempSync(path.join(options.root, prefix)) : makeTempFolder(prefix));
  const core = new Core({
    userDataDir: folderFor('app-'),
    host: 'browser',
    appVersion: 'test',
    vault: vaultOptions,
    bundles: { scryptLogN: TEST_SCRYPT_LOG_N, writerWorker: options.writerWorker ? TEST_BUNDLE_WRITER : undefined },
  });
  const folder = folderFor('vault-');
  const vaultPath = path.join(folder, `${displayName.replace(/\W+/g, '-')}.kluis`);
  await core.call('vault.create', { path: vaultPath, passphrase: TEST_PASSPHRASE, displayName });
  const events: CoreEvent[] = [];
  core.onEvent((event) => events.push(event));

  const call = <K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> => core.call(name, input);

  async function fail(name: HandlerName, input: unknown): Promise<ApiError> {
    const result = await core.callUntrusted(name, input);
    if (result.ok) throw new Error(`${name} succeeded, a failure was expected`);
    return result.error;
  }

  /** Write this vault's partner card into `into` and return its path. */
  async function cardFile(into: string): Promise<string> {
    const target = path.join(into, `${displayName.replace(/\W+/g, '-')}-${crypto.randomBytes(3).toString('hex')}.json`);
    await call('bundle.writeCard', { targetPath: target });
    return target;
  }

  return { core, vaultPath, folder, events, call, fail, cardFile, digest: () => vaultDigest(vaultPath) };
}

export type BundleVault = Awaited<ReturnType<typeof openBundleVault>>;

/**
 * A and B know each other: each has the other's card in its address book, verified, with the
 * organisation the sharing regime weighs (by default B is the RIEC, A another municipality).
 */
export async function introduce(
  a: BundleVault,
  b: BundleVault,
  organisations: { a?: string | null; b?: string | null; verified?: boolean } = {},
): Promise<{ bInA: number; aInB: number }> {
  const exchange = makeTempFolder();
  const verified = organisations.verified ?? true;
  const bInA = await a.call('addressBook.add', { path: await b.cardFile(exchange), verified, organisationCode: organisations.b === undefined ? 'riec' : organisations.b });
  const aInB = await b.call('addressBook.add', {
    path: await a.cardFile(exchange),
    verified,
    organisationCode: organisations.a === undefined ? 'andere_gemeente' : organisations.a,
  });
  return { bInA: bInA.id, aInB: aInB.id };
}

/**
 * A digest of everything in the vault, every row of every table (the audit trail included), read
 * through a second, read-only connection while the Core keeps the vault open: "the vault is
 * unchanged" is this digest being equal before and after.
 */
const databaseKeys = new Map<string, string>();

export async function vaultDigest(vaultPath: string): Promise<string> {
  // The key does not change while the tests run; Argon2id once per vault is enough.
  let key = databaseKeys.get(vaultPath);
  if (!key) {
    key = await Vault.revealDatabaseKey(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    databaseKeys.set(vaultPath, key);
  }
  const db = new Database(vaultPath, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key}'"`);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const hash = crypto.createHash('sha256');
    for (const table of tables) {
      const rows = (db.prepare(`SELECT * FROM "${table}"`).all() as Array<Record<string, unknown>>).map((row) =>
        JSON.stringify(row, (_, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)),
      );
      rows.sort();
      hash.update(`${table}\n${rows.join('\n')}\n`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** A second connection to the vault's encrypted database, beside the Core's. */
async function openBeside(vaultPath: string, readonly: boolean): Promise<Database.Database> {
  let key = databaseKeys.get(vaultPath);
  if (!key) {
    key = await Vault.revealDatabaseKey(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    databaseKeys.set(vaultPath, key);
  }
  const db = new Database(vaultPath, { readonly, fileMustExist: true });
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key}'"`);
  db.pragma('busy_timeout = 5000');
  return db;
}

export const FACT_TABLES = ['signals', 'dossier_notes', 'subject_dossier_links', 'subject_links', 'measures', 'attachments'] as const;
export type FactTable = (typeof FACT_TABLES)[number];
export interface TestProvenance {
  originator: string | null;
  receivedUnder: string | null;
  restriction: 'vrij' | 'geen_besluit_zonder_toestemming' | 'niet_verder_verstrekken' | 'vraag_leverancier';
}
/** The municipality's own observation: what new facts get once the API records provenance (sharing/provenance.ts newProvenance). */
export const OWN_FREE: TestProvenance = { originator: 'gemeente', receivedUnder: 'eigen_taak_gemeentewet', restriction: 'vrij' };

/**
 * Set the provenance of facts straight in the vault (a second connection beside the Core): of every
 * fact of the six kinds, or of the rows of `table` that `ids` name. The test's own setup, for facts
 * made through API calls that do not take provenance (yet).
 */
export async function setProvenance(vault: BundleVault, provenance: TestProvenance, only?: { table: FactTable; ids: number[] }): Promise<void> {
  const db = await openBeside(vault.vaultPath, false);
  try {
    for (const table of only ? [only.table] : FACT_TABLES) {
      const where = only ? 'WHERE id IN (SELECT value FROM json_each(?))' : '';
      db.prepare(`UPDATE ${table} SET originator = ?, received_under = ?, use_restriction = ? ${where}`).run(
        provenance.originator,
        provenance.receivedUnder,
        provenance.restriction,
        ...(only ? [JSON.stringify(only.ids)] : []),
      );
    }
  } finally {
    db.close();
  }
}

/** The provenance of the rows of `table`, by id. */
export async function provenanceRows(vault: BundleVault, table: FactTable): Promise<Map<number, TestProvenance>> {
  const db = await openBeside(vault.vaultPath, true);
  try {
    const rows = db.prepare(`SELECT id, originator, received_under, use_restriction FROM ${table} ORDER BY id`).all() as Array<{
      id: number;
      originator: string | null;
      received_under: string | null;
      use_restriction: TestProvenance['restriction'];
    }>;
    return new Map(rows.map((row) => [row.id, { originator: row.originator, receivedUnder: row.received_under, restriction: row.use_restriction }]));
  } finally {
    db.close();
  }
}

/** A file of `bytes` pseudo-random bytes (reproducible from `seed`). */
export function randomFile(folder: string, name: string, bytes: number, seed = 1): string {
  const target = path.join(folder, name);
  const fd = fs.openSync(target, 'w');
  try {
    let counter = 0;
    for (let written = 0; written < bytes;) {
      const block = crypto.createHash('sha512').update(`${seed}/${counter++}`).digest();
      const piece = block.subarray(0, Math.min(block.length, bytes - written));
      fs.writeSync(fd, piece);
      written += piece.length;
    }
  } finally {
    fs.closeSync(fd);
  }
  return target;
}

/**
 * A dossier with one of everything: two signals (one with an unprotected reporter, one protected),
 * a person with a BSN, a company, a melder, a link between subjects, a shared and an internal note,
 * a measure, and two attachments (a small PNG and `attachmentBytes` of random data). All of it the
 * municipality's own and free to use, but the shared note, which the police supplied under the RIEC
 * convenant (free to use too), so that the sharing regime weighs it by its code alone.
 */
export async function fillSampleDossier(vault: BundleVault, options: { attachmentBytes?: number; tlp?: 'AMBER' | 'AMBER+STRICT' | 'GREEN' } = {}) {
  const { call } = vault;
  const tlp = options.tlp ?? 'AMBER';
  const dossier = await call('dossier.create', {
    title: 'Hennepkwekerij Proefstraat 12 (test)',
    summary: 'Verzonnen testdossier.',
    priority: 'hoog',
    tlp,
    openedOn: '2025-03-01',
    partners: ['politie', 'riec'],
    legalBasis: 'Convenant RIEC (test)',
    purpose: 'Test',
  });
  const phenomena = await call('phenomenon.list', {});
  await call('dossier.update', { dossierId: dossier.id, phenomenonIds: [phenomena.find((p) => p.code === 'drugs.hennepteelt')!.id] });
  await call('dossier.changeStatus', { dossierId: dossier.id, to: 'in_opwerking', changedOn: '2025-03-02' });
  const open = await call('signal.create', {
    howReceived: 'medewerker',
    summary: 'Hennepgeur bij bedrijfspand',
    description: 'Sterke geur, ramen afgeplakt.',
    receivedOn: '2025-02-27',
    reporterName: 'T. Toezicht (test)',
    reporterContact: '06-00000001',
    reporterProtected: false,
    sourceGrade: 'B',
    informationGrade: 2,
    tlp,
  });
  const guarded = await call('signal.create', {
    howReceived: 'burger',
    summary: 'Veel bezoek in de nacht',
    receivedOn: '2025-02-28',
    reporterName: 'B. Buurman (test)',
    tlp,
  });
  await call('signal.attachToDossier', { signalId: open.id, dossierId: dossier.id });
  await call('signal.attachToDossier', { signalId: guarded.id, dossierId: dossier.id });
  const person = await call('subject.create', {
    details: { type: 'person', name: 'Jan Testpersoon', birthDate: '1979-03-14', bsn: '111222333' },
    sourceGrade: 'B',
    informationGrade: 2,
    tlp,
  });
  const company = await call('subject.create', {
    details: { type: 'organisation', name: 'Voorbeeld Handel B.V.', kvkNumber: '00001001' },
    sourceGrade: 'A',
    informationGrade: 1,
    tlp,
  });
  const melder = await call('subject.create', { details: { type: 'person', name: 'Meldende Buurman' }, tlp });
  await call('subject.linkToDossier', { subjectId: person.id, dossierId: dossier.id, role: 'kopstuk', sourceGrade: 'B', informationGrade: 2, tlp });
  await call('subject.linkToDossier', { subjectId: company.id, dossierId: dossier.id, role: 'eigenaar', tlp });
  await call('subject.linkToDossier', { subjectId: melder.id, dossierId: dossier.id, role: 'melder', tlp });
  await call('subject.link', { fromSubjectId: person.id, toSubjectId: company.id, kind: 'director_of', tlp });
  const policeNote = await call('note.add', { dossierId: dossier.id, body: 'Politie bevestigt nachtelijke bezoeken.', partner: 'politie', tlp });
  await call('note.add', { dossierId: dossier.id, body: 'Eigen inschatting: groter netwerk.', internal: true, tlp });
  await call('measure.add', { dossierId: dossier.id, kind: 'bibob_toets', description: 'Bibob bij verlenging.', tlp });
  const folder = makeTempFolder();
  // A PNG signature, so that the media type is sniffed on both sides.
  const png = path.join(folder, 'foto.png');
  fs.writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(3000)]));
  await call('attachment.import', { dossierId: dossier.id, sourcePath: png, tlp });
  const data = randomFile(folder, 'administratie.bin', options.attachmentBytes ?? 2_500_000);
  await call('attachment.import', { dossierId: dossier.id, sourcePath: data, tlp });
  await setProvenance(vault, OWN_FREE);
  await setProvenance(vault, { originator: 'politie', receivedUnder: 'riec_convenant_wgs', restriction: 'vrij' }, { table: 'dossier_notes', ids: [policeNote.id] });
  return { dossier, person, company, melder, policeNote, signals: [open, guarded] };
}
