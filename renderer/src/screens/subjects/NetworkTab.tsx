import type { DossierTabProps } from '../dossiers/tab-props';

/** Placeholder: being built. */
export function NetworkTab({ dossier }: DossierTabProps) {
  return <p className="utrecht-paragraph">{dossier.number}</p>;
}
