import type { ParsedInput } from '../../../shared/api';
import {
  DRIEHOEK_AUDIENCE,
  PREWEEG_SECTIONS,
  type DocumentComparison,
  type DocumentSummary,
  type DocumentVersion,
  type DocumentVersionInfo,
  type OmittedItem,
  type ProtectedInclusion,
  type ProtectedKind,
  type SectionTexts,
} from '../../../shared/api/documents';
import type { TlpCode } from '../../../shared/domain/enums';
import type { Audience, SharingSummary } from '../../../shared/domain/sharing';
import type { FactLine } from '../sharing/composed-text';
import { strictestCode } from '../sharing/policy';
import { CoreError } from '../kernel/errors';
import { inTransaction, timestamp, type CoreContext } from '../kernel/context';
import { requireDossier } from '../dossiers/dossier-records';
import { composePreweegDraft, type RegimeLines } from './compose';
import { diffLines } from './line-diff';

/**
 * What a version's `content` column holds. Versions composed before the sharing regime have only
 * the first three: no audience, no fact lines (their whole text counts as the dossier's own).
 */
export interface VersionContent {
  sections: SectionTexts;
  included: ProtectedInclusion;
  omitted: OmittedItem[];
  /** Who the version was composed for, and the regime's summary then. */
  audience?: Audience;
  sharing?: SharingSummary;
  /** Each line a fact wrote, by section: an output for a stricter audience takes them out again. */
  factLines?: FactLine[];
  /** The verantwoording's lines that each output writes afresh for its own audience. */
  regimeLines?: RegimeLines;
  /** A code the user chose for the document when saving: outputs are never marked lower. */
  chosenTlp?: TlpCode;
}

interface DocumentRow {
  id: number;
  dossier_id: number;
  dossier_number: string;
  title: string;
  latest_version: number;
  updated_at: string;
  updated_by: string;
}

export interface VersionRow {
  version: number;
  origin: 'composed' | 'edited';
  tlp: TlpCode;
  content: string;
  comment: string | null;
  saved_at: string;
  saved_by: string;
}

/** A document with its latest version's moment and author; a document under a trashed dossier is hidden with it. */
const DOCUMENT_SELECT = `
  SELECT doc.id, doc.dossier_id, d.number AS dossier_number, doc.title, v.version AS latest_version, v.saved_at AS updated_at, v.saved_by AS updated_by
    FROM documents doc
    JOIN dossiers d ON d.id = doc.dossier_id AND d.deleted_at IS NULL
    JOIN document_versions v ON v.document_id = doc.id AND v.version = (SELECT max(version) FROM document_versions WHERE document_id = doc.id)`;

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    dossierNumber: row.dossier_number,
    kind: 'preweeg',
    title: row.title,
    latestVersion: row.latest_version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

function toVersionInfo(row: VersionRow): DocumentVersionInfo {
  return { version: row.version, savedAt: row.saved_at, savedBy: row.saved_by, origin: row.origin, comment: row.comment };
}

export function requireDocument(context: CoreContext, documentId: number): DocumentRow {
  const row = context.db.prepare(`${DOCUMENT_SELECT} WHERE doc.id = ?`).get(documentId) as DocumentRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', `document ${documentId} not found`, { kind: 'document', id: documentId });
  return row;
}

export function requireVersion(context: CoreContext, documentId: number, version: number): VersionRow {
  const row = context.db
    .prepare('SELECT version, origin, tlp, content, comment, saved_at, saved_by FROM document_versions WHERE document_id = ? AND version = ?')
    .get(documentId, version) as VersionRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', `document ${documentId} has no version ${version}`, { kind: 'document-version', id: version });
  return row;
}

export function parseContent(row: VersionRow): VersionContent {
  const content = JSON.parse(row.content) as VersionContent;
  // A section added in a later release reads as empty in an older version.
  const sections = Object.fromEntries(PREWEEG_SECTIONS.map((section) => [section, content.sections[section] ?? ''])) as SectionTexts;
  return { ...content, sections, omitted: content.omitted ?? [] };
}

function insertVersion(
  context: CoreContext,
  documentId: number,
  version: number,
  origin: 'composed' | 'edited',
  tlp: TlpCode,
  content: VersionContent,
  comment: string | null,
): void {
  context.db
    .prepare(
      `INSERT INTO document_versions (document_id, version, origin, tlp, content, comment, saved_at, saved_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(documentId, version, origin, tlp, JSON.stringify(content), comment, timestamp(context), context.actor);
}

/** One version in full, with the list of all versions; no audit entry (the callers write theirs). */
export function readVersion(context: CoreContext, documentId: number, version?: number): DocumentVersion {
  const document = toSummary(requireDocument(context, documentId));
  const row = requireVersion(context, documentId, version ?? document.latestVersion);
  const content = parseContent(row);
  const versions = (
    context.db
      .prepare('SELECT version, origin, tlp, content, comment, saved_at, saved_by FROM document_versions WHERE document_id = ? ORDER BY version DESC')
      .all(documentId) as VersionRow[]
  ).map(toVersionInfo);
  return {
    document,
    version: toVersionInfo(row),
    tlp: row.tlp,
    sections: content.sections,
    included: content.included,
    omitted: content.omitted,
    audience: content.audience ?? null,
    sharing: content.sharing ?? null,
    versions,
  };
}

export function listDocuments(context: CoreContext, dossierId: number): DocumentSummary[] {
  requireDossier(context, dossierId);
  const rows = context.db.prepare(`${DOCUMENT_SELECT} WHERE doc.dossier_id = ? ORDER BY doc.id DESC`).all(dossierId) as DocumentRow[];
  return rows.map(toSummary);
}

/**
 * A new document (version 1) or, with `documentId`, the next version of one, composed from the
 * dossier's facts now for `audience` (default: the lokale driehoek). Composing is no disclosure:
 * nothing leaves the vault until a print or export, which records its own.
 */
export function composeDocument(context: CoreContext, input: ParsedInput<'document.compose'>): DocumentVersion {
  return inTransaction(context, () => {
    const audience = input.audience ?? DRIEHOEK_AUDIENCE;
    const draft = composePreweegDraft(context, input.dossierId, input.include, audience, input.override);
    const content: VersionContent = {
      sections: draft.sections,
      included: input.include,
      omitted: draft.omitted,
      audience,
      sharing: draft.decision.summary,
      factLines: draft.factLines,
      regimeLines: draft.regimeLines,
    };
    let documentId: number;
    let version: number;
    if (input.documentId !== undefined) {
      const document = requireDocument(context, input.documentId);
      if (document.dossier_id !== input.dossierId) {
        throw new CoreError('INVALID_INPUT', 'the document belongs to another dossier', { field: 'documentId', reason: 'document.other-dossier' });
      }
      documentId = document.id;
      version = document.latest_version + 1;
    } else {
      documentId = Number(
        context.db
          .prepare(`INSERT INTO documents (dossier_id, kind, title, created_at, created_by) VALUES (?, 'preweeg', ?, ?, ?)`)
          .run(input.dossierId, draft.title, timestamp(context), context.actor).lastInsertRowid,
      );
      version = 1;
    }
    insertVersion(context, documentId, version, 'composed', draft.tlp, content, null);
    // Which protected material was included is worth recording: it is a choice about personal data.
    context.audit('document.composed', { documentId, dossierId: input.dossierId, version, included: PROTECTED_INCLUDED(input.include) });
    return readVersion(context, documentId, version);
  });
}

const PROTECTED_INCLUDED = (include: ProtectedInclusion): ProtectedKind[] =>
  (Object.entries(include) as Array<[ProtectedKind, boolean]>).filter(([, included]) => included).map(([kind]) => kind);

export function getDocument(context: CoreContext, input: ParsedInput<'document.get'>): DocumentVersion {
  return inTransaction(context, () => {
    const version = readVersion(context, input.documentId, input.version);
    context.audit('document.viewed', { documentId: input.documentId, version: version.version.version });
    return version;
  });
}

/** The edited sections as the next version; sections not given keep the base version's text. */
export function saveDocument(context: CoreContext, input: ParsedInput<'document.save'>): DocumentVersion {
  return inTransaction(context, () => {
    const document = requireDocument(context, input.documentId);
    if (document.latest_version !== input.baseVersion) {
      throw new CoreError('DOCUMENT_CHANGED', `version ${document.latest_version} was saved after ${input.baseVersion}`, {
        latestVersion: document.latest_version,
      });
    }
    const base = requireVersion(context, input.documentId, input.baseVersion);
    const content = parseContent(base);
    const sections = { ...content.sections };
    for (const section of PREWEEG_SECTIONS) {
      const text = input.sections[section];
      if (text !== undefined) sections[section] = text;
    }
    // The user may mark the document stricter, never lower than what it contains (the composed marking; an older version's own code).
    const floor = content.sharing?.marking ?? base.tlp;
    const chosenTlp = input.tlp ?? content.chosenTlp;
    const tlp = strictestCode([floor, chosenTlp ?? floor]);
    const changed = PREWEEG_SECTIONS.filter((section) => sections[section] !== content.sections[section]);
    const version = input.baseVersion + 1;
    insertVersion(context, input.documentId, version, 'edited', tlp, { ...content, sections, ...(chosenTlp ? { chosenTlp } : {}) }, input.comment?.trim() || null);
    context.audit('document.saved', { documentId: input.documentId, version, sections: changed, tlp: tlp === base.tlp ? undefined : tlp });
    return readVersion(context, input.documentId, version);
  });
}

export function compareVersions(context: CoreContext, input: ParsedInput<'document.compare'>): DocumentComparison {
  requireDocument(context, input.documentId);
  const from = requireVersion(context, input.documentId, input.fromVersion);
  const to = requireVersion(context, input.documentId, input.toVersion);
  const before = parseContent(from).sections;
  const after = parseContent(to).sections;
  context.audit('document.compared', { documentId: input.documentId, fromVersion: input.fromVersion, toVersion: input.toVersion });
  return {
    documentId: input.documentId,
    fromVersion: input.fromVersion,
    toVersion: input.toVersion,
    tlpChanged: from.tlp === to.tlp ? null : { from: from.tlp, to: to.tlp },
    sections: PREWEEG_SECTIONS.map((section) => {
      const lines = diffLines(before[section], after[section]);
      return { section, changed: lines.some((line) => line.kind !== 'same'), lines };
    }),
  };
}
