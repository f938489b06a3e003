import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { MAIN_CONTENT_ID } from '../../components/SkipLink';
import { callCore } from '../../core-client';
import { useNavigation } from '../../store/navigation';

/**
 * Said after unlocking (the main layout mounts with the unlocked vault): how many dossiers and
 * loose signals are past their retention period, with the way to the list. "Later" hides it until
 * the next unlock.
 */
export function RetentionReminder() {
  const { t } = useTranslation();
  const open = useNavigation((state) => state.open);
  // On the retention list itself the list says it.
  const onRetention = useNavigation((state) => state.screen.name === 'main' && state.screen.route.section === 'reports' && state.screen.route.view === 'retention');
  const [overdue, setOverdue] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  /** "Later" takes the banner, and the focus on its button, away: the focus goes to the screen's heading. */
  const focusHeadingAfterDismiss = useRef(false);
  useEffect(() => {
    if (!dismissed || !focusHeadingAfterDismiss.current) return;
    focusHeadingAfterDismiss.current = false;
    if (document.activeElement && document.activeElement !== document.body) return;
    const main = document.getElementById(MAIN_CONTENT_ID);
    (main?.querySelector<HTMLElement>('h1[tabindex]') ?? main)?.focus();
  }, [dismissed]);

  // Asked again on every change of screen (a cheap count, not counted as activity): after a destroy
  // elsewhere the reminder must not keep an old number.
  const routeKey = useNavigation((state) => (state.screen.name === 'main' ? JSON.stringify(state.screen.route) : ''));
  useEffect(() => {
    let current = true;
    void callCore('retention.overview', {}).then((result) => {
      if (current && result.ok) setOverdue(result.value.overdue);
    });
    return () => {
      current = false;
    };
  }, [routeKey]);

  if (dismissed || overdue === 0 || onRetention) return null;
  return (
    <div className="utrecht-alert utrecht-alert--warning app-alert app-retention-reminder app-no-print" role="status" data-testid="retention-reminder">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message app-retention-reminder__body">
          <p className="utrecht-paragraph">{t('reports.retention.reminder', { count: overdue })}</p>
          <div className="app-button-row">
            <Button
              appearance="secondary"
              onClick={() => {
                setDismissed(true);
                open({ section: 'reports', view: 'retention' });
              }}
            >
              {t('reports.retention.reminderOpen')}
            </Button>
            <Button
              appearance="subtle"
              onClick={() => {
                focusHeadingAfterDismiss.current = true;
                setDismissed(true);
              }}
            >
              {t('reports.retention.reminderDismiss')}
            </Button>
          </div>
        </div>
      </div>
    </div>
  );
}
