import type { TranslationShape } from '../nl';

/** UI text of the signals screens, under `signals.*`. English is typed by the Dutch, key for key. */
export const signalsNl = {
  title: 'Signalen',
};

export const signalsEn: TranslationShape<typeof signalsNl> = {
  title: 'Signals',
};
