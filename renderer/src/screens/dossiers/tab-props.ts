import type { Dossier } from '../../../../shared/api';

/** What every tab of the dossier screen receives. */
export interface DossierTabProps {
  dossier: Dossier;
  /** Ask the dossier screen to fetch the dossier again (after the tab changed something in it). */
  onDossierChanged(): void;
}
