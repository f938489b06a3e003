import type { TranslationShape } from '../nl';

/** UI text of the attachments screens, under `attachments.*`. English is typed by the Dutch, key for key. */
export const attachmentsNl = {
  title: 'Bijlagen',
};

export const attachmentsEn: TranslationShape<typeof attachmentsNl> = {
  title: 'Attachments',
};
