import type { Phenomenon, PhenomenonRef } from '../../../../shared/api/dossier-types';
import { phenomenonName } from '../../format/phenomenon';

export interface PhenomenonGroup {
  phenomenon: Phenomenon;
  subForms: Phenomenon[];
}

/** The vault's flat list (phenomena each followed by their sub-forms) as phenomena with their sub-forms. */
export function groupPhenomena(phenomena: readonly Phenomenon[]): PhenomenonGroup[] {
  const groups = new Map<number, PhenomenonGroup>();
  for (const phenomenon of phenomena) {
    if (phenomenon.parentId === null) groups.set(phenomenon.id, { phenomenon, subForms: [] });
  }
  for (const phenomenon of phenomena) {
    if (phenomenon.parentId !== null) groups.get(phenomenon.parentId)?.subForms.push(phenomenon);
  }
  return [...groups.values()];
}

/** "Drugs › Hennepteelt" for a sub-form, "Witwassen" for a phenomenon; the parent's label when the list knows it. */
export function phenomenonPath(phenomenon: PhenomenonRef, phenomena: readonly Phenomenon[] | null): string {
  if (phenomenon.parentId === null || !phenomena) return phenomenonName(phenomenon);
  const parent = phenomena.find((candidate) => candidate.id === phenomenon.parentId);
  return parent ? `${phenomenonName(parent)} › ${phenomenonName(phenomenon)}` : phenomenonName(phenomenon);
}
