import type { DossierTabProps } from '../dossiers/tab-props';

/** Placeholder: being built. */
export function SubjectsTab({ dossier }: DossierTabProps) {
  return <p className="utrecht-paragraph">{dossier.number}</p>;
}
