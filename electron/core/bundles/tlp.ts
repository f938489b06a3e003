import { TLP_CODES, type TlpCode } from '../../../shared/domain/enums';
import { strictestCode } from '../sharing/policy';
import type { DossierDocument, SubjectsDocument } from './format';

/**
 * The marking of a received bundle. What may go out in a bundle is the sharing regime's decision
 * (bundles/sharing.ts, sharing/policy.ts); here only the recipient's check of the sender's label.
 */

/** Whether `code` allows more than `other`: GREEN is less restrictive than AMBER. */
export function lessRestrictive(code: TlpCode, other: TlpCode): boolean {
  return TLP_CODES.indexOf(code) > TLP_CODES.indexOf(other);
}

/** Every code a bundle's documents carry: the dossiers and all their items, the subjects and their links. */
function* codesIn({ subjects, dossiers }: { subjects: SubjectsDocument; dossiers: readonly DossierDocument[] }): Generator<TlpCode> {
  for (const item of [...subjects.subjects, ...subjects.links]) yield item.tlp;
  for (const dossier of dossiers) {
    yield dossier.tlp;
    for (const item of [...dossier.signals, ...dossier.subjects, ...dossier.notes, ...dossier.measures, ...dossier.attachments]) yield item.tlp;
  }
}

export interface BundleMarking {
  /** The bundle's marking: that of its most restricted item, as the export computes it. */
  tlp: TlpCode;
  /** What the signed manifest states. */
  declaredTlp: TlpCode;
  /** The manifest states less than the items carry. */
  understated: boolean;
}

/**
 * A received bundle's marking, from its content: the manifest's label is the sender's word (or a
 * broken exporter's), and a bundle of RED items labelled CLEAR must not be shown or recorded as CLEAR.
 */
export function receivedMarking(declaredTlp: TlpCode, documents: { subjects: SubjectsDocument; dossiers: readonly DossierDocument[] }): BundleMarking {
  const tlp = strictestCode(codesIn(documents));
  return { tlp, declaredTlp, understated: lessRestrictive(declaredTlp, tlp) };
}
