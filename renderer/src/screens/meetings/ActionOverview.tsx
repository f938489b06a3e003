import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useNavigation } from '../../store/navigation';

/**
 * The follow-up: open actions over all meetings (or of one dossier), overdue first, each to be
 * marked done. `overdueOnly` starts with only the actions past their date (from the dashboard's figure).
 */
export function ActionOverview({ dossierId, overdueOnly = false, headingRef }: { dossierId?: number; overdueOnly?: boolean; headingRef?: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = currentLanguage();
  const open = useNavigation((state) => state.open);
  const actions = useCoreQuery('meeting.actions', dossierId === undefined ? {} : { dossierId });
  const [onlyOverdue, setOnlyOverdue] = useState(overdueOnly);
  const checkboxId = useId();
  const shown = actions.data && (onlyOverdue ? actions.data.filter((action) => action.overdue) : actions.data);

  async function markDone(actionId: number) {
    const result = await callCore('meeting.setActionDone', { actionId, done: true });
    if (result.ok) actions.reload();
  }

  return (
    <Section title={t('meetings.actions.title')} headingRef={headingRef}>
      <p className="utrecht-paragraph app-document-hint">{t('meetings.actions.lead')}</p>
      {actions.error && <Alert type="error">{errorText(actions.error)}</Alert>}
      {actions.data && actions.data.length > 0 && (
        <div className="app-report-check app-meetings-filter">
          <input
            id={checkboxId}
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={onlyOverdue}
            onChange={(event) => setOnlyOverdue(event.target.checked)}
          />
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={checkboxId}>
            {t('meetings.actions.onlyOverdue')}
          </label>
        </div>
      )}
      {actions.data && actions.data.length === 0 && <EmptyState>{t('meetings.actions.empty')}</EmptyState>}
      {actions.data && actions.data.length > 0 && shown && shown.length === 0 && <EmptyState>{t('meetings.actions.noneOverdue')}</EmptyState>}
      {shown && shown.length > 0 && (
        <table className="utrecht-table utrecht-table--html-table app-meetings-table" data-testid="open-actions">
          <caption className="app-visually-hidden">{t('meetings.actions.caption')}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {(['due', 'who', 'what', 'partner', 'dossier', 'source'] as const).map((column) => (
                <th key={column} className="utrecht-table__header-cell" scope="col">
                  {t(`meetings.actions.${column}`)}
                </th>
              ))}
              <th className="utrecht-table__header-cell" scope="col">
                <span className="app-visually-hidden">{t('meetings.actions.done')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {shown.map((action) => (
              <tr key={action.id} className={`utrecht-table__row${action.overdue ? ' app-meetings-overdue' : ''}`}>
                <td className="utrecht-table__cell">
                  {action.dueOn ? formatDate(action.dueOn, language) : t('meetings.actions.noDue')}
                  {action.overdue && <strong className="app-meetings-overdue__label"> {t('meetings.actions.overdue')}</strong>}
                </td>
                <td className="utrecht-table__cell">{action.who}</td>
                <th className="utrecht-table__cell" scope="row">
                  {action.what}
                </th>
                <td className="utrecht-table__cell">{action.partner ? t(`domain.partner.${action.partner}`) : '—'}</td>
                <td className="utrecht-table__cell">{action.dossier ? action.dossier.number : '—'}</td>
                <td className="utrecht-table__cell">
                  <a
                    href={`#overleg-${action.meeting.id}`}
                    className="utrecht-link utrecht-link--html-a"
                    onClick={(event) => {
                      event.preventDefault();
                      open({ section: 'meetings', view: 'meeting', meetingId: action.meeting.id });
                    }}
                  >
                    {t('meetings.titleOnDate', { title: action.meeting.title, date: formatDate(action.meeting.heldOn, language) })}
                  </a>
                </td>
                <td className="utrecht-table__cell">
                  <Button appearance="subtle" aria-label={t('meetings.actions.markDone', { what: action.what })} onClick={() => void markDone(action.id)}>
                    {t('meetings.actions.done')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
