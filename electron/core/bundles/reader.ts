import crypto from 'node:crypto';
import fs from 'node:fs';
import { Decrypter } from 'age-encryption';
import tar from 'tar-stream';
import type { ZodType } from 'zod';
import { CoreError } from '../kernel/errors';
import { openRegularFileForReading } from '../kernel/source-files';
import { fileError } from '../kernel/file-errors';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  LIMITS,
  MANIFEST_PATH,
  SIGNATURE_PATH,
  dossierDocumentSchema,
  isUnsafePath,
  manifestSchema,
  subjectsDocumentSchema,
  type BundleAttachment,
  type DossierDocument,
  type Manifest,
  type ManifestEntry,
  type SubjectsDocument,
} from './format';
import { fingerprintOf, verifySignature } from './identity';
import { AgePayloadError, decryptPayload, headerLength } from './age-stream';
import { writeWithBackpressure, yieldToEventLoop } from './streams';

/** How much is decrypted between two turns of the event loop (a few ms of work, more with an import's writes). */
const YIELD_EVERY_BYTES = 1024 * 1024;

/**
 * Reading a bundle, for inspection and for import alike: one pass over the file, in bounded
 * pieces, that refuses it at the first thing that is not exactly right.
 *
 *   file → age (header: which key; payload: 64 KiB chunks, each authenticated) → tar-stream
 *        → manifest.json + manifest.sig (Ed25519, checked before anything else is used)
 *        → every further entry: the next one the manifest names, with its size; SHA-256 checked
 *          at its end; JSON documents parsed and validated with zod; attachments handed on
 *          piece by piece (an import writes them into its open transaction)
 *        → the end of the archive and of the age payload (the last chunk authenticates the end:
 *          a truncated file never passes)
 *
 * Nothing decrypted is written outside the vault: JSON documents live in memory (bounded by
 * LIMITS.documentBytes), attachments go straight into the vault's transaction or are only hashed.
 */

export interface BundleCredentials {
  /** This vault's age identity (AGE-SECRET-KEY-1...) and recipient. */
  ageIdentity: string;
  ageRecipient: string;
  passphrase?: string;
}

export interface VerifiedManifest {
  manifest: Manifest;
  manifestSha256: string;
  encryptedTo: 'identity' | 'passphrase';
}

export interface BundleDocuments {
  subjects: SubjectsDocument;
  dossiers: DossierDocument[];
}

/** Receives an attachment's content, piece by piece, while its hash is being checked. */
export interface AttachmentSink {
  write(chunk: Buffer): void;
  /** Called once the whole attachment has arrived and matches its size and SHA-256. */
  finish(): void;
}

export interface BundleVisitor {
  /** The signature checked; may refuse (an unknown sender, another bundle than the one previewed). */
  manifest?(verified: VerifiedManifest): void;
  /** Every document read, validated and cross-checked; called before the first attachment. */
  documents?(documents: BundleDocuments): void;
  /** Where an attachment's content goes; null to only check it. */
  attachment?(attachment: BundleAttachment, dossier: DossierDocument): AttachmentSink | null;
}

export interface ReadSummary {
  verified: VerifiedManifest;
  documents: BundleDocuments;
  entries: number;
  bytes: number;
}

type Details = Record<string, string | number | boolean | null>;

const fail = (code: ConstructorParameters<typeof CoreError>[0], message: string, details?: Details): CoreError => new CoreError(code, message, details);
const damaged = (message: string) => fail('BUNDLE_DAMAGED', message);
const tampered = (path: string, reason: string) => fail('BUNDLE_TAMPERED', `${path}: ${reason}`, { path, reason });
const invalid = (path: string, reason: string) => fail('BUNDLE_INVALID', `${path}: ${reason}`, { path, reason });

// ── The age header ──────────────────────────────────────────────────────────────────────────

const AGE_MAGIC = 'age-encryption.org/v1\n';
const HEADER_PROBE = 64 * 1024;

interface HeaderProbe {
  mode: 'identity' | 'passphrase' | 'other';
  scryptLogN: number | null;
}

/** What the header says about how the file was encrypted, before any key is tried. */
export function probeAgeHeader(head: Buffer): HeaderProbe {
  if (head.subarray(0, AGE_MAGIC.length).toString('latin1') !== AGE_MAGIC) {
    throw fail('BUNDLE_NOT_AGE', 'not an age v1 file');
  }
  const lines = head.toString('latin1').split('\n');
  const types: string[] = [];
  let scryptLogN: number | null = null;
  let ended = false;
  for (const line of lines.slice(1)) {
    if (line.startsWith('---')) {
      ended = true;
      break;
    }
    if (!line.startsWith('-> ')) continue;
    const args = line.slice(3).split(' ');
    types.push(args[0] ?? '');
    if (args[0] === 'scrypt') scryptLogN = /^[1-9][0-9]?$/.test(args[2] ?? '') ? Number(args[2]) : Number.POSITIVE_INFINITY;
  }
  if (!ended) throw damaged('age header has no end within the first 64 KiB');
  if (types.includes('scrypt')) return { mode: 'passphrase', scryptLogN };
  if (types.includes('X25519')) return { mode: 'identity', scryptLogN: null };
  return { mode: 'other', scryptLogN: null };
}

function readHead(fd: number, filePath: string): Buffer {
  const buffer = Buffer.alloc(HEADER_PROBE);
  try {
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, HEADER_PROBE, 0));
  } catch (error) {
    throw fileError(error, 'read bundle', filePath);
  }
}

function decrypterFor(probe: HeaderProbe, credentials: BundleCredentials): Decrypter {
  const decrypter = new Decrypter();
  if (probe.mode === 'passphrase') {
    if (credentials.passphrase === undefined) throw fail('BUNDLE_PASSPHRASE_REQUIRED', 'the bundle is encrypted with a passphrase');
    if (probe.scryptLogN === null || probe.scryptLogN > LIMITS.scryptLogN) {
      throw invalid('age header', `scrypt work factor above 2^${LIMITS.scryptLogN}`);
    }
    decrypter.addPassphrase(credentials.passphrase);
  } else if (probe.mode === 'identity') {
    decrypter.addIdentity(credentials.ageIdentity);
  } else {
    throw fail('BUNDLE_NOT_FOR_THIS_VAULT', 'the bundle is encrypted to other kinds of keys');
  }
  return decrypter;
}

/** age-encryption throws plain Errors; their messages are its contract (see node_modules/age-encryption/dist/index.js). */
function headerError(error: unknown, probe: HeaderProbe): CoreError {
  if (error instanceof CoreError) return error;
  const message = (error as Error)?.message ?? String(error);
  if (message.includes('no identity matched')) {
    return probe.mode === 'passphrase'
      ? fail('BUNDLE_WRONG_PASSPHRASE', 'the passphrase does not open the bundle')
      : fail('BUNDLE_NOT_FOR_THIS_VAULT', 'the bundle is not encrypted to this vault');
  }
  return damaged(`age header: ${message}`);
}

/** Why the payload could not be read: the ciphertext's fault, or the file system's (with its own code). */
function payloadFailure(error: unknown, filePath: string): CoreError {
  if (error instanceof CoreError) return error;
  if (error instanceof AgePayloadError) return damaged(`age payload: ${error.message}`);
  if (typeof (error as NodeJS.ErrnoException | undefined)?.code === 'string') return fileError(error, 'read bundle', filePath);
  return damaged(`age payload: ${String(error)}`);
}

// ── The archive ─────────────────────────────────────────────────────────────────────────────

/**
 * A failure of the visitor's own work (an import writing into the vault: a full disk, a read-only
 * vault), carried through the archive loop so that it is not taken for the bundle's fault.
 */
class VisitorFailure {
  constructor(readonly error: unknown) {}
}

function guarded<A extends unknown[], R>(work: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return work(...args);
    } catch (error) {
      throw new VisitorFailure(error);
    }
  };
}

/** The visitor with every call, its sinks' included, marked as the visitor's in case of failure. */
function guardVisitor(visitor: BundleVisitor): BundleVisitor {
  const { manifest, documents, attachment } = visitor;
  return {
    manifest: manifest && guarded(manifest),
    documents: documents && guarded(documents),
    attachment:
      attachment &&
      guarded((described: BundleAttachment, dossier: DossierDocument) => {
        const sink = attachment(described, dossier);
        return sink && { write: guarded((chunk: Buffer) => sink.write(chunk)), finish: guarded(() => sink.finish()) };
      }),
  };
}

function parseJson<T>(path: string, bytes: Buffer, schema: ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalid(path, 'json');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(path, `${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The manifest: format and version first (a newer version is named as such), then paths, schema, signature. */
export function verifyManifest(manifestBytes: Buffer, signature: Buffer, encryptedTo: 'identity' | 'passphrase', ownRecipient: string): VerifiedManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw invalid(MANIFEST_PATH, 'json');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalid(MANIFEST_PATH, 'not an object');
  const raw = json as Record<string, unknown>;
  if (raw.format !== BUNDLE_FORMAT) throw invalid(MANIFEST_PATH, 'format');
  if (typeof raw.formatVersion === 'number' && Number.isInteger(raw.formatVersion) && raw.formatVersion > BUNDLE_FORMAT_VERSION) {
    throw fail('BUNDLE_TOO_NEW', `format version ${raw.formatVersion}`, { version: raw.formatVersion, supported: BUNDLE_FORMAT_VERSION });
  }
  if (Array.isArray(raw.entries)) {
    // Unsafe names and sizes beyond the limits get their own message, before the schema's general one.
    let total = 0;
    let documents = 0;
    if (raw.entries.length > LIMITS.entries) throw fail('BUNDLE_TOO_LARGE', `${raw.entries.length} entries`, { path: MANIFEST_PATH });
    for (const entry of raw.entries as unknown[]) {
      const { path: entryPath, size, kind } = (entry ?? {}) as { path?: unknown; size?: unknown; kind?: unknown };
      if (typeof entryPath !== 'string') continue;
      if (isUnsafePath(entryPath)) throw fail('BUNDLE_UNSAFE_PATH', `unsafe path ${JSON.stringify(entryPath)}`, { path: entryPath.slice(0, 200) });
      if (typeof size !== 'number') continue;
      const limit = kind === 'attachment' ? LIMITS.attachmentBytes : LIMITS.documentBytes;
      total += size;
      if (kind !== 'attachment') documents += size;
      if (size > limit || total > LIMITS.totalBytes || documents > LIMITS.documentsTotalBytes) {
        throw fail('BUNDLE_TOO_LARGE', `${entryPath}: ${size} bytes`, { path: entryPath });
      }
    }
  }
  const manifest = parseJson(MANIFEST_PATH, manifestBytes, manifestSchema);
  const signingKey = Buffer.from(manifest.sender.signingKey, 'base64');
  if (signingKey.length !== 32 || signingKey.toString('base64') !== manifest.sender.signingKey) throw invalid(MANIFEST_PATH, 'sender.signingKey');
  if (!verifySignature(signingKey, manifestBytes, signature)) throw fail('BUNDLE_SIGNATURE_INVALID', 'the signature does not match the manifest and its sender key');
  if (fingerprintOf(signingKey, manifest.sender.ageRecipient) !== manifest.sender.fingerprint) throw invalid(MANIFEST_PATH, 'sender.fingerprint');
  // The signed list of addressees must name how this copy reached us: a bundle signed for someone
  // else and re-encrypted to this vault (by that someone, or by whoever got it) is refused.
  const meant =
    encryptedTo === 'passphrase'
      ? manifest.encryptedTo.passphrase
      : !manifest.encryptedTo.passphrase && manifest.encryptedTo.recipients.some((recipient) => recipient.ageRecipient === ownRecipient);
  if (!meant) throw fail('BUNDLE_WRONG_RECIPIENT', 'the signed manifest names other addressees');
  return { manifest, manifestSha256: crypto.createHash('sha256').update(manifestBytes).digest('hex'), encryptedTo };
}

/** Ids unique, references resolvable, and the attachments described exactly as the manifest lists them. */
function crossCheck(manifest: Manifest, documents: BundleDocuments): void {
  const { subjects, dossiers } = documents;
  const subjectUids = new Set<string>();
  for (const subject of subjects.subjects) {
    if (subjectUids.has(subject.uid)) throw invalid('subjects.json', `duplicate subject ${subject.uid}`);
    subjectUids.add(subject.uid);
  }
  const linkUids = new Set<string>();
  for (const link of subjects.links) {
    if (linkUids.has(link.uid)) throw invalid('subjects.json', `duplicate link ${link.uid}`);
    linkUids.add(link.uid);
    if (!subjectUids.has(link.fromSubjectUid) || !subjectUids.has(link.toSubjectUid)) throw invalid('subjects.json', `link ${link.uid} names an unknown subject`);
  }
  const attachmentEntries = new Map(manifest.entries.filter((entry) => entry.kind === 'attachment').map((entry) => [entry.path, entry]));
  const described = new Set<string>();
  const seen = new Map<string, Set<string>>();
  const unique = (kind: string, uid: string, where: string) => {
    const set = seen.get(kind) ?? new Set<string>();
    if (set.has(uid)) throw invalid(where, `duplicate ${kind} ${uid}`);
    set.add(uid);
    seen.set(kind, set);
  };
  for (const dossier of dossiers) {
    const where = `dossiers/${dossier.uid}.json`;
    for (const signal of dossier.signals) unique('signal', signal.uid, where);
    for (const note of dossier.notes) unique('note', note.uid, where);
    for (const measure of dossier.measures) unique('measure', measure.uid, where);
    for (const link of dossier.subjects) {
      unique('dossier-link', link.uid, where);
      if (!subjectUids.has(link.subjectUid)) throw invalid(where, `link ${link.uid} names an unknown subject`);
    }
    for (const attachment of dossier.attachments) {
      unique('attachment', attachment.uid, where);
      const entry = attachmentEntries.get(attachment.path);
      if (!entry) throw invalid(where, `attachment ${attachment.uid} is not in the manifest`);
      if (entry.size !== attachment.byteSize || entry.sha256 !== attachment.sha256) throw invalid(where, `attachment ${attachment.uid} differs from the manifest`);
      described.add(attachment.path);
    }
  }
  for (const entryPath of attachmentEntries.keys()) if (!described.has(entryPath)) throw invalid(entryPath, 'attachment not described by any dossier');
}

/** Read the bundle at `filePath`; throws a CoreError with a BUNDLE_* code (or a file error) at the first problem. */
export async function readBundle(
  filePath: string,
  credentials: BundleCredentials,
  visitor: BundleVisitor = {},
  onProgress?: (done: number, total: number) => void,
): Promise<ReadSummary> {
  const { fd, stats } = openRegularFileForReading(filePath, 'open bundle');
  const total = stats.size;
  try {
    const head = readHead(fd, filePath);
    const probe = probeAgeHeader(head);
    const decrypter = decrypterFor(probe, credentials);
    const encryptedTo = probe.mode === 'passphrase' ? 'passphrase' : 'identity';
    const length = headerLength(head);
    if (length === null) throw damaged('age header has no MAC line');
    let fileKey: Uint8Array;
    try {
      fileKey = await decrypter.decryptHeader(head.subarray(0, length));
    } catch (error) {
      throw headerError(error, probe);
    }
    const payload = decryptPayload(fd, length, fileKey, (done) => onProgress?.(done, total));

    const extract = tar.extract();
    // Failures reach the caller through the iterator and `failure`; an unheard 'error' event would crash the process.
    extract.on('error', () => undefined);
    const failure: { error: CoreError | null } = { error: null };
    let stopped = false;
    // Decrypt into the archive parser, waiting whenever it has enough. A failure here is the
    // ciphertext's (a flipped bit, a cut-off end) or the file's (a stick pulled out, a bad sector):
    // it is reported as such, whatever the parser saw.
    const feeder = (async () => {
      let sinceYield = 0;
      for (const plaintext of payload) {
        if (stopped || extract.destroyed) return;
        await writeWithBackpressure(extract, plaintext);
        // The core's thread answers nothing else while it reads; let its event loop turn now and then.
        sinceYield += plaintext.length;
        if (sinceYield >= YIELD_EVERY_BYTES) {
          sinceYield = 0;
          await yieldToEventLoop();
        }
      }
      if (!extract.destroyed) extract.end(undefined);
    })().catch((error: unknown) => {
      failure.error = payloadFailure(error, filePath);
      extract.destroy(failure.error);
    });

    try {
      const summary = await consumeArchive(extract, encryptedTo, credentials.ageRecipient, guardVisitor(visitor));
      await feeder;
      if (failure.error) throw failure.error;
      return summary;
    } catch (error) {
      stopped = true;
      extract.destroy();
      await feeder;
      throw failure.error ?? (error instanceof VisitorFailure ? error.error : error);
    } finally {
      payload.return(undefined);
      fileKey.fill(0);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** tar-stream hands on views of the decrypted Uint8Arrays; a Buffer over the same memory, no copy. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function readWhole(entry: AsyncIterable<unknown>, size: number): Promise<Buffer> {
  const pieces: Buffer[] = [];
  let length = 0;
  for await (const item of entry) {
    const piece = asBuffer(item as Uint8Array);
    length += piece.length;
    if (length > size) break;
    pieces.push(piece);
  }
  return Buffer.concat(pieces, Math.min(length, size));
}

async function consumeArchive(extract: tar.Extract, encryptedTo: 'identity' | 'passphrase', ownRecipient: string, visitor: BundleVisitor): Promise<ReadSummary> {
  let index = 0;
  let manifestBytes: Buffer | null = null;
  let verified: VerifiedManifest | null = null;
  let subjects: SubjectsDocument | null = null;
  const dossiers: DossierDocument[] = [];
  let documentsDone = false;
  let bytes = 0;
  let attachmentsByPath = new Map<string, { attachment: BundleAttachment; dossier: DossierDocument }>();

  const finishDocuments = () => {
    if (documentsDone || !verified) return;
    if (!subjects) throw tampered('subjects.json', 'missing');
    const documents = { subjects, dossiers };
    crossCheck(verified.manifest, documents);
    attachmentsByPath = new Map(dossiers.flatMap((dossier) => dossier.attachments.map((attachment) => [attachment.path, { attachment, dossier }] as const)));
    visitor.documents?.(documents);
    documentsDone = true;
  };

  try {
    for await (const entry of extract) {
      const header = entry.header;
      const name = header.name;
      if (isUnsafePath(name)) throw fail('BUNDLE_UNSAFE_PATH', `unsafe path ${JSON.stringify(name)}`, { path: name.slice(0, 200) });
      if (header.type !== 'file') throw fail('BUNDLE_UNSAFE_PATH', `${name}: a ${header.type ?? 'special'} entry, not a file`, { path: name.slice(0, 200) });
      const size = header.size ?? 0;

      if (index === 0) {
        if (name !== MANIFEST_PATH) throw fail('BUNDLE_UNSIGNED', `the archive starts with ${name}, not ${MANIFEST_PATH}`);
        if (size > LIMITS.manifestBytes) throw fail('BUNDLE_TOO_LARGE', `${MANIFEST_PATH}: ${size} bytes`, { path: MANIFEST_PATH });
        manifestBytes = await readWhole(entry, size);
      } else if (index === 1) {
        if (name !== SIGNATURE_PATH || size !== LIMITS.signatureBytes) throw fail('BUNDLE_UNSIGNED', `no ${SIGNATURE_PATH} after the manifest`);
        const signature = await readWhole(entry, size);
        verified = verifyManifest(manifestBytes!, signature, encryptedTo, ownRecipient);
        visitor.manifest?.(verified);
      } else {
        const expected: ManifestEntry | undefined = verified!.manifest.entries[index - 2];
        if (!expected) throw tampered(name, 'extra');
        if (name !== expected.path) throw tampered(expected.path, verified!.manifest.entries.some((other) => other.path === name) ? 'order' : 'missing');
        if (size !== expected.size) throw tampered(expected.path, 'size');
        bytes += size;
        if (expected.kind === 'attachment') {
          finishDocuments();
          await readAttachment(entry, expected, attachmentsByPath.get(expected.path)!, visitor);
        } else {
          const content = await readWhole(entry, size);
          if (content.length !== size) throw damaged(`${expected.path}: short`);
          if (crypto.createHash('sha256').update(content).digest('hex') !== expected.sha256) throw tampered(expected.path, 'sha256');
          if (expected.kind === 'subjects') subjects = parseJson(expected.path, content, subjectsDocumentSchema);
          else {
            const dossier = parseJson(expected.path, content, dossierDocumentSchema);
            if (`dossiers/${dossier.uid}.json` !== expected.path) throw invalid(expected.path, 'uid');
            dossiers.push(dossier);
          }
        }
      }
      index++;
    }
  } catch (error) {
    if (error instanceof CoreError) throw error;
    // The vault's failures (a full disk, a read-only vault) or a bug of ours: the bundle may be
    // perfectly good, so readBundle hands them on as they are, for the caller to name.
    if (error instanceof VisitorFailure) throw error;
    // tar-stream's own complaints (a bad header checksum, a truncated block). Before the signed
    // manifest this is not a Dossierkluis bundle at all; after it, the signed content is broken.
    const message = (error as Error)?.message ?? String(error);
    if (!verified) throw fail('BUNDLE_UNSIGNED', `not a signed bundle archive: ${message}`);
    throw invalid('archive', message);
  }
  if (!verified) throw fail('BUNDLE_UNSIGNED', 'the archive has no signed manifest');
  const missing = verified.manifest.entries[index - 2];
  if (missing) throw tampered(missing.path, 'missing');
  finishDocuments();
  return { verified, documents: { subjects: subjects!, dossiers }, entries: index, bytes };
}

async function readAttachment(
  entry: AsyncIterable<unknown>,
  expected: ManifestEntry,
  described: { attachment: BundleAttachment; dossier: DossierDocument },
  visitor: BundleVisitor,
): Promise<void> {
  const sink = visitor.attachment?.(described.attachment, described.dossier) ?? null;
  const hash = crypto.createHash('sha256');
  let length = 0;
  for await (const item of entry) {
    const piece = asBuffer(item as Uint8Array);
    length += piece.length;
    if (length > expected.size) throw tampered(expected.path, 'size');
    hash.update(piece);
    sink?.write(piece);
  }
  if (length !== expected.size) throw damaged(`${expected.path}: short`);
  if (hash.digest('hex') !== expected.sha256) throw tampered(expected.path, 'sha256');
  sink?.finish();
}
