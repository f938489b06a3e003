import type { TranslationShape } from '../nl';

/** UI text of the subjects screens, under `subjects.*`. English is typed by the Dutch, key for key. */
export const subjectsNl = {
  title: 'Subjecten',
};

export const subjectsEn: TranslationShape<typeof subjectsNl> = {
  title: 'Subjects',
};
