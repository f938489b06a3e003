import type { TranslationShape } from '../nl';

/** UI text of the search screens, under `search.*`. English is typed by the Dutch, key for key. */
export const searchNl = {
  title: 'Zoeken',
};

export const searchEn: TranslationShape<typeof searchNl> = {
  title: 'Search',
};
