import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { errorMessages } from '../../../shared/i18n/errors';
import { countFormatter } from '../format/count';
import { en } from './en';
import { attachmentsEn, attachmentsNl } from './features/attachments';
import { auditEn, auditNl } from './features/audit';
import { bundlesEn, bundlesNl } from './features/bundles';
import { documentsEn, documentsNl } from './features/documents';
import { domainEn, domainNl } from './features/domain';
import { dossiersEn, dossiersNl } from './features/dossiers';
import { meetingsEn, meetingsNl } from './features/meetings';
import { reportsEn, reportsNl } from './features/reports';
import { searchEn, searchNl } from './features/search';
import { sharingEn, sharingNl } from './features/sharing';
import { signalsEn, signalsNl } from './features/signals';
import { subjectsEn, subjectsNl } from './features/subjects';
import { trashEn, trashNl } from './features/trash';
import { nl } from './nl';

export type Language = 'nl' | 'en';

// Each feature keeps its text in its own module (i18n/features), under its own key.
export const resources = {
  nl: {
    translation: {
      ...nl,
      errors: errorMessages.nl,
      domain: domainNl,
      signals: signalsNl,
      dossiers: dossiersNl,
      subjects: subjectsNl,
      attachments: attachmentsNl,
      search: searchNl,
      audit: auditNl,
      trash: trashNl,
      bundles: bundlesNl,
      documents: documentsNl,
      meetings: meetingsNl,
      reports: reportsNl,
      sharing: sharingNl,
    },
  },
  en: {
    translation: {
      ...en,
      errors: errorMessages.en,
      domain: domainEn,
      signals: signalsEn,
      dossiers: dossiersEn,
      subjects: subjectsEn,
      attachments: attachmentsEn,
      search: searchEn,
      audit: auditEn,
      trash: trashEn,
      bundles: bundlesEn,
      documents: documentsEn,
      meetings: meetingsEn,
      reports: reportsEn,
      sharing: sharingEn,
    },
  },
} as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['nl'];
  }
}

// Remembered outside the vault so that the screens before unlocking speak the user's language too.
const LANGUAGE_STORAGE_KEY = 'dossierkluis.language';

function rememberedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

export function initI18n(): typeof i18next {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  void i18next
    .use(initReactI18next)
    .use(countFormatter)
    .init({
      resources,
      lng: rememberedLanguage(),
      fallbackLng: 'nl',
      supportedLngs: ['nl', 'en'],
      // Resources are bundled: initialise synchronously so the first render has its text.
      initAsync: false,
      // React escapes already. Every interpolated count gets its thousands separators (format/count.ts).
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    });
  return i18next;
}

export async function applyLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Storage may be unavailable; the vault setting still applies after unlocking.
  }
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18next.language === 'en' ? 'en' : 'nl';
}
