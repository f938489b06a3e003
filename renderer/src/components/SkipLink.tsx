import { useTranslation } from 'react-i18next';

export const MAIN_CONTENT_ID = 'main-content';

/** Jumps to the main content without changing the URL (the fragment is how the host hands over its token). */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="utrecht-skip-link utrecht-skip-link--visible-on-focus"
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_CONTENT_ID)?.focus();
      }}
    >
      {t('app.skipToContent')}
    </a>
  );
}
