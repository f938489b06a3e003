import type { AccessRequestDisclosure, AccessRequestResult, AccessRequestSubject } from '../../../shared/api/reports';
import { subjectDetailsSchema } from '../../../shared/api/subject-details';
import type { DossierStatus, SubjectType, TlpCode } from '../../../shared/domain/enums';
import type { FactRef } from '../../../shared/domain/sharing';
import { validatePostcode } from '../../../shared/domain/validation';
import type { CoreContext } from '../kernel/context';
import { foldPersonName, foldText } from '../dossiers/folding';
import { organisationNames } from '../sharing/audience';
import { factKey } from '../sharing/facts';
import { strictestCode } from '../sharing/policy';
import { disclosuresOfFacts } from '../sharing/register';
import { toAccessRequestDisclosure } from './disclosure-text';

/**
 * An access request (inzageverzoek, art. 15 AVG): everything the vault holds about one person.
 *
 * Found by the normalised match keys (BSN; name with birth date; postcode with house number), and
 * more loosely by the folded name alone where one side has no birth date (listed as "name" so the
 * privacy officer can judge it). From the subjects found: their links to other subjects, the
 * dossiers they are linked to with the signals, notes and documents in them, the signals and notes
 * whose text mentions the name (full-text index), and the audit entries that name the subjects.
 *
 * After a merge the kept subject carries the duplicate's identifying fields and links; the
 * duplicate's own spelling of a name is not kept anywhere but in what was merged into the kept
 * subject. The merge's audit entry keeps the duplicate's id, so entries about the duplicate from
 * before the merge are found through it.
 *
 * Looking is not recorded here (the screen would record every keystroke's search); handling the
 * request is, by `accessRequest.recordHandled`.
 *
 * Per item of the person's own (their record, their links to dossiers and to other subjects) the
 * disclosure register says who received it and when. The notes and signals of those dossiers are
 * not the person's own facts: they went out with their dossier, and the dossier's register says so.
 */

export interface AccessCriteria {
  name?: string;
  birthDate?: string | null;
  bsn?: string;
  postcode?: string;
  houseNumber?: string;
}

interface SubjectRow {
  id: number;
  type: SubjectType;
  label: string;
  details: string;
  tlp: TlpCode;
}

/** An FTS5 query that needs every word of `text` (each quoted, so no syntax passes through). */
function allWordsQuery(text: string): string | null {
  const words = foldText(text)
    .split(' ')
    .filter((word) => word.length > 1);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' AND ');
}

export function accessRequestSearch(context: CoreContext, criteria: AccessCriteria): AccessRequestResult {
  const db = context.db;
  const found = new Map<number, AccessRequestSubject['matchedBy']>();
  const byKey = db.prepare('SELECT subject_id FROM subject_match_keys WHERE kind = ? AND value = ?').pluck();
  const take = (ids: number[], how: AccessRequestSubject['matchedBy']) => {
    for (const subjectId of ids) if (!found.has(subjectId)) found.set(subjectId, how);
  };
  const bsn = criteria.bsn?.replace(/\D/g, '');
  if (bsn) take(byKey.all('bsn', bsn) as number[], 'bsn');
  const name = criteria.name?.trim();
  if (name && criteria.birthDate) take(byKey.all('name_birth_date', `${foldPersonName(name)}|${criteria.birthDate}`) as number[], 'name_birth_date');
  if (name) {
    // The folded name alone: where the subject or the request has no birth date, or it differs in spelling only.
    const folded = foldPersonName(name);
    const persons = db.prepare(`SELECT id, details FROM subjects WHERE type = 'person' AND deleted_at IS NULL`).all() as Array<{ id: number; details: string }>;
    const sameName = persons.filter((person) => {
      const details = JSON.parse(person.details) as { name: string; birthDate?: string | null };
      if (foldPersonName(details.name) !== folded) return false;
      return !criteria.birthDate || !details.birthDate || details.birthDate === criteria.birthDate;
    });
    take(
      sameName.map((person) => person.id),
      'name',
    );
  }
  const postcode = criteria.postcode ? validatePostcode(criteria.postcode) : null;
  const houseNumber = Number.parseInt(criteria.houseNumber ?? '', 10);
  if (postcode?.ok && Number.isInteger(houseNumber)) take(byKey.all('address', `${postcode.value}|${houseNumber}`) as number[], 'address');

  // Only subjects not in the trash.
  const subjectRows = (ids: number[]) =>
    ids.length === 0
      ? []
      : (db
          .prepare(`SELECT id, type, label, details, tlp FROM subjects WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?)) ORDER BY id`)
          .all(JSON.stringify(ids)) as SubjectRow[]);
  const direct = subjectRows([...found.keys()]);
  const directIds = direct.map((row) => row.id);

  // The merges tell which former ids now belong to a found subject. Entries are found through the
  // audit_subjects index (the typed subject references of each entry), never by the details' text.
  const mergesNaming = db.prepare(
    `SELECT a.details FROM audit_log a
      WHERE a.action = 'subject.merged' AND a.id IN (SELECT audit_id FROM audit_subjects WHERE subject_id IN (SELECT value FROM json_each(?)))
      ORDER BY a.id`,
  );
  const merged = new Map<number, number[]>();
  const owner = new Map<number, number>(directIds.map((subjectId) => [subjectId, subjectId]));
  // Newest merges first would miss chains; walk until nothing changes (chains are short).
  for (let changed = true; changed;) {
    changed = false;
    const merges = mergesNaming.pluck().all(JSON.stringify([...owner.keys()])) as string[];
    for (const merge of merges) {
      const details = JSON.parse(merge) as { keptSubjectId?: number; mergedSubjectId?: number };
      const keptOwner = details.keptSubjectId !== undefined ? owner.get(details.keptSubjectId) : undefined;
      if (keptOwner === undefined || details.mergedSubjectId === undefined || owner.has(details.mergedSubjectId)) continue;
      owner.set(details.mergedSubjectId, keptOwner);
      merged.set(keptOwner, [...(merged.get(keptOwner) ?? []), details.mergedSubjectId]);
      changed = true;
    }
  }

  const subjects: AccessRequestSubject[] = direct.map((row) => ({
    id: row.id,
    type: row.type,
    label: row.label,
    matchedBy: found.get(row.id)!,
    mergedSubjectIds: merged.get(row.id) ?? [],
    details: subjectDetailsSchema.parse(JSON.parse(row.details)) as Record<string, unknown>,
    tlp: row.tlp,
  }));

  const idList = JSON.stringify(directIds);
  const subjectLinks = db
    .prepare(
      `SELECT l.id, f.label AS fromLabel, t.label AS toLabel, l.kind, l.tlp FROM subject_links l
         JOIN subjects f ON f.id = l.from_subject_id JOIN subjects t ON t.id = l.to_subject_id
        WHERE f.deleted_at IS NULL AND t.deleted_at IS NULL
          AND (l.from_subject_id IN (SELECT value FROM json_each(?)) OR l.to_subject_id IN (SELECT value FROM json_each(?)))
        ORDER BY l.id`,
    )
    .all(idList, idList) as Array<Omit<AccessRequestResult['subjectLinks'][number], 'disclosedTo'>>;

  const dossiers = db
    .prepare(
      `SELECT d.id, l.id AS linkId, d.number, d.title, d.status, l.role, s.label AS subjectLabel, d.tlp AS dossierTlp, l.tlp AS linkTlp FROM subject_dossier_links l
         JOIN dossiers d ON d.id = l.dossier_id JOIN subjects s ON s.id = l.subject_id
        WHERE d.deleted_at IS NULL AND l.subject_id IN (SELECT value FROM json_each(?))
        ORDER BY d.year, d.sequence, l.id`,
    )
    .all(idList) as Array<{
    id: number;
    linkId: number;
    number: string;
    title: string;
    status: DossierStatus;
    role: string;
    subjectLabel: string;
    dossierTlp: TlpCode;
    linkTlp: TlpCode;
  }>;
  const dossierIds = JSON.stringify([...new Set(dossiers.map((dossier) => dossier.id))]);

  const signals: AccessRequestResult['signals'] = (
    db
      .prepare(
        `SELECT s.id, s.received_on AS receivedOn, s.summary, d.number AS dossierNumber, s.tlp FROM signals s LEFT JOIN dossiers d ON d.id = s.dossier_id
          WHERE s.deleted_at IS NULL AND s.dossier_id IN (SELECT value FROM json_each(?)) ORDER BY s.received_on, s.id`,
      )
      .all(dossierIds) as Array<Omit<AccessRequestResult['signals'][number], 'via'>>
  ).map((signal) => ({ ...signal, via: 'dossier' as const }));

  const notesById = new Map<number, AccessRequestResult['notes'][number]>();
  const noteSelect = `SELECT n.id, n.dossier_id AS dossierId, d.number AS dossierNumber, n.noted_on AS notedOn, n.body, n.internal, n.tlp
                        FROM dossier_notes n JOIN dossiers d ON d.id = n.dossier_id
                       WHERE n.deleted_at IS NULL AND d.deleted_at IS NULL`;
  for (const note of db.prepare(`${noteSelect} AND n.dossier_id IN (SELECT value FROM json_each(?)) ORDER BY n.noted_on, n.id`).all(dossierIds) as Array<{
    id: number;
    dossierId: number;
    dossierNumber: string;
    notedOn: string;
    body: string;
    internal: number;
    tlp: TlpCode;
  }>) {
    notesById.set(note.id, { ...note, internal: note.internal === 1 });
  }
  // Text that mentions the person: every word of the name (or of each found subject's label).
  const phrases = new Set<string>();
  if (name) phrases.add(name);
  for (const subject of subjects) if (subject.type === 'person') phrases.add(subject.label);
  const signalIds = new Set(signals.map((signal) => signal.id));
  for (const phrase of phrases) {
    const query = allWordsQuery(phrase);
    if (!query) continue;
    const hits = db.prepare(`SELECT kind, item_id FROM search_index WHERE search_index MATCH ? AND kind IN ('note', 'signal')`).all(query) as Array<{
      kind: string;
      item_id: number;
    }>;
    for (const hit of hits) {
      if (hit.kind === 'note' && !notesById.has(hit.item_id)) {
        const note = db.prepare(`${noteSelect} AND n.id = ?`).get(hit.item_id) as
          { id: number; dossierId: number; dossierNumber: string; notedOn: string; body: string; internal: number; tlp: TlpCode } | undefined;
        if (note) notesById.set(note.id, { ...note, internal: note.internal === 1 });
      } else if (hit.kind === 'signal' && !signalIds.has(hit.item_id)) {
        const signal = db
          .prepare(
            `SELECT s.id, s.received_on AS receivedOn, s.summary, d.number AS dossierNumber, s.tlp FROM signals s LEFT JOIN dossiers d ON d.id = s.dossier_id WHERE s.id = ? AND s.deleted_at IS NULL`,
          )
          .get(hit.item_id) as Omit<AccessRequestResult['signals'][number], 'via'> | undefined;
        if (signal) {
          signalIds.add(signal.id);
          signals.push({ ...signal, via: 'text' });
        }
      }
    }
  }

  const attachments = db
    .prepare(
      `SELECT a.id, d.number AS dossierNumber, a.file_name AS fileName, a.byte_size AS byteSize, a.tlp FROM attachments a JOIN dossiers d ON d.id = a.dossier_id
        WHERE a.deleted_at IS NULL AND a.dossier_id IN (SELECT value FROM json_each(?)) ORDER BY d.year, d.sequence, a.id`,
    )
    .all(dossierIds) as AccessRequestResult['attachments'];

  const audit = (
    db
      .prepare(
        `SELECT id, occurred_at, actor, action, details FROM audit_log
          WHERE id IN (SELECT audit_id FROM audit_subjects WHERE subject_id IN (SELECT value FROM json_each(?)))
          ORDER BY id`,
      )
      .all(JSON.stringify([...owner.keys()])) as Array<{ id: number; occurred_at: string; actor: string; action: string; details: string }>
  ).map((row) => ({ id: row.id, occurredAt: row.occurred_at, actor: row.actor, action: row.action, details: JSON.parse(row.details) as Record<string, unknown> }));

  // Who received the person's own facts. A merged duplicate's record went out under its own id.
  const subjectRefs = (subjectId: number): FactRef[] => [subjectId, ...(merged.get(subjectId) ?? [])].map((id) => ({ kind: 'subject', id }));
  const register = disclosuresOfFacts(context, [
    ...subjects.flatMap((subject) => subjectRefs(subject.id)),
    ...dossiers.map((dossier): FactRef => ({ kind: 'dossier-link', id: dossier.linkId })),
    ...subjectLinks.map((link): FactRef => ({ kind: 'subject-link', id: link.id })),
  ]);
  const names = organisationNames(context);
  const disclosedTo = (refs: FactRef[]): AccessRequestDisclosure[] => {
    const byAuditId = new Map<number, AccessRequestDisclosure>();
    for (const disclosure of refs.flatMap((ref) => register.get(factKey(ref)) ?? [])) {
      const shown = toAccessRequestDisclosure(disclosure, names);
      if (shown) byAuditId.set(shown.auditId, shown);
    }
    return [...byAuditId.values()].sort((a, b) => a.auditId - b.auditId);
  };

  return {
    subjects: subjects.map((subject) => ({ ...subject, disclosedTo: disclosedTo(subjectRefs(subject.id)) })),
    subjectLinks: subjectLinks.map((link) => ({ ...link, disclosedTo: disclosedTo([{ kind: 'subject-link', id: link.id }]) })),
    dossiers: dossiers.map(({ dossierTlp, linkTlp, ...dossier }) => ({
      ...dossier,
      // The row shows the dossier and the person's role in it: the stricter code of the two.
      tlp: strictestCode([dossierTlp, linkTlp]),
      disclosedTo: disclosedTo([{ kind: 'dossier-link', id: dossier.linkId }]),
    })),
    signals,
    notes: [...notesById.values()].sort((a, b) => a.notedOn.localeCompare(b.notedOn) || a.id - b.id),
    attachments,
    audit,
  };
}

/** The kinds of criteria a request named, for the audit trail (never their values). */
export function criteriaKinds(criteria: AccessCriteria): Array<'name' | 'birthDate' | 'bsn' | 'address'> {
  const kinds: Array<'name' | 'birthDate' | 'bsn' | 'address'> = [];
  if (criteria.name?.trim()) kinds.push('name');
  if (criteria.birthDate) kinds.push('birthDate');
  if (criteria.bsn?.trim()) kinds.push('bsn');
  if (criteria.postcode?.trim() && criteria.houseNumber?.trim()) kinds.push('address');
  return kinds;
}

export function recordAccessRequest(context: CoreContext, input: { criteria: string[]; subjects: number; dossiers: number; reference?: string }): { recorded: true } {
  context.audit('access-request.handled', { criteria: input.criteria, subjects: input.subjects, dossiers: input.dossiers, reference: input.reference ?? null });
  return { recorded: true };
}

/** Every fact the access request shows, for the regime's decision on its PDF. */
export function accessRequestFacts(result: AccessRequestResult): FactRef[] {
  return [
    ...result.subjects.map((subject): FactRef => ({ kind: 'subject', id: subject.id })),
    ...[...new Set(result.dossiers.map((dossier) => dossier.id))].map((id): FactRef => ({ kind: 'dossier', id })),
    ...result.dossiers.map((dossier): FactRef => ({ kind: 'dossier-link', id: dossier.linkId })),
    ...result.subjectLinks.map((link): FactRef => ({ kind: 'subject-link', id: link.id })),
    ...result.signals.map((signal): FactRef => ({ kind: 'signal', id: signal.id })),
    ...result.notes.map((note): FactRef => ({ kind: 'note', id: note.id })),
    ...result.attachments.map((attachment): FactRef => ({ kind: 'attachment', id: attachment.id })),
  ];
}
