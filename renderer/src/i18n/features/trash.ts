import type { TranslationShape } from '../nl';

/** UI text of the trash screens, under `trash.*`. English is typed by the Dutch, key for key. */
export const trashNl = {
  title: 'Prullenbak',
};

export const trashEn: TranslationShape<typeof trashNl> = {
  title: 'Trash',
};
