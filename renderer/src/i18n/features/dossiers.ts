import type { TranslationShape } from '../nl';

/** UI text of the dossiers screens, under `dossiers.*`. English is typed by the Dutch, key for key. */
export const dossiersNl = {
  title: 'Dossiers',
};

export const dossiersEn: TranslationShape<typeof dossiersNl> = {
  title: 'Dossiers',
};
