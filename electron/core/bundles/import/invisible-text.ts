import type { InvisibleTextFlag } from '../../../../shared/api/bundles';
import { invisibleControlsIn } from '../../../../shared/text/bidi';
import type { Manifest } from '../format';
import type { BundleDocuments } from '../reader';

/**
 * Where a bundle's texts carry invisible or bidirectional controls (shared/text/bidi.ts): which
 * field of which item, for the import preview. The texts are imported as they are; the screens
 * and the CLI show the controls as markers wherever they show the text.
 */

/** The item kind of each array in a dossier document. */
const DOSSIER_ARRAYS: Readonly<Record<string, InvisibleTextFlag['kind']>> = {
  signals: 'signal',
  notes: 'note',
  measures: 'measure',
  attachments: 'attachment',
  subjects: 'dossier-link',
  statusHistory: 'status',
  phenomena: 'phenomenon',
};

/** Every string in `value` with its dotted path ("details.name"); arrays of strings by index. */
function* stringsOf(value: unknown, at: string): Generator<[field: string, text: string]> {
  if (typeof value === 'string') yield [at, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* stringsOf(item, `${at}[${index}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* stringsOf(item, at ? `${at}.${key}` : key);
}

export function invisibleTextFlags(manifest: Manifest, documents: BundleDocuments): InvisibleTextFlag[] {
  const flags: InvisibleTextFlag[] = [];
  const check = (kind: InvisibleTextFlag['kind'], uid: string | null, dossierNumber: string | null, label: string, item: unknown, skip: ReadonlySet<string> = new Set()) => {
    for (const [field, text] of stringsOf(item, '')) {
      if (skip.has(field.split(/[.[]/)[0]!)) continue;
      const controls = invisibleControlsIn(text);
      if (controls.length > 0) flags.push({ kind, uid, dossierNumber, label, field, controls });
    }
  };
  check('sender', null, null, manifest.sender.name, { name: manifest.sender.name, organisation: manifest.sender.organisation });
  for (const subject of documents.subjects.subjects) check('subject', subject.uid, null, 'name' in subject.details ? String(subject.details.name) : subject.uid, subject);
  for (const link of documents.subjects.links) check('subject-link', link.uid, null, link.kind, link);
  for (const dossier of documents.dossiers) {
    const arrays = new Set(Object.keys(DOSSIER_ARRAYS));
    check('dossier', dossier.uid, dossier.number, dossier.title, dossier, arrays);
    for (const [key, kind] of Object.entries(DOSSIER_ARRAYS)) {
      const items = (dossier as unknown as Record<string, Array<Record<string, unknown>>>)[key]!;
      for (const item of items) {
        const label = String(item.title ?? item.summary ?? item.fileName ?? item.body ?? item.description ?? item.label ?? item.toStatus ?? item.role ?? '');
        check(kind, typeof item.uid === 'string' ? item.uid : null, dossier.number, label.slice(0, 80), item);
      }
    }
  }
  return flags;
}
