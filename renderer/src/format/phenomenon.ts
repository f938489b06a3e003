import { PHENOMENON_LABELS_EN } from '../../../shared/domain/labels-en';
import { PHENOMENON_LABELS_NL } from '../../../shared/domain/labels-nl';
import { currentLanguage, type Language } from '../i18n';

/** Top-level seeds by their Dutch name: the report figures name a phenomenon by id and label only. */
const TOP_LEVEL_SEED_BY_LABEL = new Map(
  Object.entries(PHENOMENON_LABELS_NL)
    .filter(([code]) => !code.includes('.'))
    .map(([code, label]) => [label, code]),
);

/**
 * A phenomenon's name as the UI shows it. The stored name is Dutch data; in English a seeded
 * phenomenon that still has its seeded name shows the English one (labels-en.ts), and every other
 * name (the vault's own, or a renamed seed) shows as stored.
 */
export function phenomenonName(phenomenon: { code?: string | null; label: string }, language: Language = currentLanguage()): string {
  if (language !== 'en') return phenomenon.label;
  const code = phenomenon.code ?? TOP_LEVEL_SEED_BY_LABEL.get(phenomenon.label);
  if (code === undefined || PHENOMENON_LABELS_NL[code] !== phenomenon.label) return phenomenon.label;
  return PHENOMENON_LABELS_EN[code] ?? phenomenon.label;
}
