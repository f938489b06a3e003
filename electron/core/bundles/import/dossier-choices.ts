import type { ParsedInput } from '../../../../shared/api';
import type { BundleDossierPreview, ImportAction } from '../../../../shared/api/bundles';
import { CoreError } from '../../kernel/errors';
import type { Connection } from '../../vault/connection';
import { itemByUid } from '../item-uids';
import type { BundleDocuments } from '../reader';

/**
 * What happens to each dossier of a bundle: new (a new dossier with this vault's next number),
 * update (the dossier this vault has with the same uid), or skip. The inspection suggests; the
 * import takes the user's choice or the suggestion.
 */

export interface LocalDossier {
  id: number;
  number: string;
  title: string;
  inTrash: boolean;
}

function localDossierFor(db: Connection, uid: string): LocalDossier | null {
  const id = itemByUid(db, 'dossier', uid);
  if (id === null) return null;
  const row = db.prepare('SELECT id, number, title, deleted_at FROM dossiers WHERE id = ?').get(id) as
    { id: number; number: string; title: string; deleted_at: string | null } | undefined;
  return row ? { id: row.id, number: row.number, title: row.title, inTrash: row.deleted_at !== null } : null;
}

export function dossierPreviews(db: Connection, documents: BundleDocuments): Array<Omit<BundleDossierPreview, 'newerFromSender'>> {
  return documents.dossiers.map((dossier) => {
    const existing = localDossierFor(db, dossier.uid);
    return {
      uid: dossier.uid,
      number: dossier.number,
      title: dossier.title,
      status: dossier.status,
      tlp: dossier.tlp,
      signals: dossier.signals.length,
      subjects: dossier.subjects.length,
      notes: dossier.notes.length,
      measures: dossier.measures.length,
      attachments: dossier.attachments.length,
      attachmentBytes: dossier.attachments.reduce((sum, attachment) => sum + attachment.byteSize, 0),
      existing,
      suggestedAction: existing && !existing.inTrash ? 'update' : 'new',
    };
  });
}

export interface DossierChoice {
  action: ImportAction;
  existing: LocalDossier | null;
}

/** The choice per dossier: as given, or the suggestion. An impossible choice is refused before anything is written. */
export function chooseActions(db: Connection, documents: BundleDocuments, choices: ParsedInput<'bundle.import'>['dossiers']): Map<string, DossierChoice> {
  const previews = new Map(dossierPreviews(db, documents).map((preview) => [preview.uid, preview]));
  const chosen = new Map(choices.map((choice) => [choice.uid, choice.action]));
  for (const uid of chosen.keys()) {
    if (!previews.has(uid)) throw new CoreError('INVALID_INPUT', `dossier ${uid} is not in the bundle`, { field: 'dossiers', reason: 'bundle.unknown-dossier' });
  }
  const actions = new Map<string, DossierChoice>();
  for (const [uid, preview] of previews) {
    const action = chosen.get(uid) ?? preview.suggestedAction;
    if (action === 'update' && (!preview.existing || preview.existing.inTrash)) {
      throw new CoreError('INVALID_INPUT', `dossier ${uid} has nothing here to update`, { field: 'dossiers', reason: 'bundle.nothing-to-update' });
    }
    actions.set(uid, { action, existing: preview.existing });
  }
  return actions;
}
