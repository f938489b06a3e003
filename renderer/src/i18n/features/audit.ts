import type { TranslationShape } from '../nl';

/** UI text of the audit screens, under `audit.*`. English is typed by the Dutch, key for key. */
export const auditNl = {
  title: 'Logboek',
};

export const auditEn: TranslationShape<typeof auditNl> = {
  title: 'Audit trail',
};
