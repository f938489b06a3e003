import { useTranslation } from 'react-i18next';

export const MAIN_CONTENT_ID = 'main-content';
export const MAIN_MENU_ID = 'main-menu';

/**
 * Jumps to the main content, or with `to="menu"` to the main menu, without changing the URL (the
 * fragment is how the host hands over its token). The target takes the focus itself (tabindex -1),
 * not its first control: the Enter that followed the skip link would otherwise follow that too.
 */
export function SkipLink({ to = 'content' }: { to?: 'content' | 'menu' }) {
  const { t } = useTranslation();
  const targetId = to === 'menu' ? MAIN_MENU_ID : MAIN_CONTENT_ID;
  return (
    <a
      className="utrecht-skip-link utrecht-skip-link--visible-on-focus"
      href={`#${targetId}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(targetId)?.focus();
      }}
    >
      {to === 'menu' ? t('app.skipToMenu') : t('app.skipToContent')}
    </a>
  );
}
