import { useId, useState } from 'react';
import { Button } from '../../components/Button';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { AlsoInLinks } from './MatchHints';
import { RouteLink } from '../../components/RouteLink';
import { subjectRoute } from './parts';

/** The most subjects a dossier lists at once in subject.list; a dossier has some tens. */
const SUBJECT_PAGE = 500;
/** Subjects listed at once; more on request. */
const SUMMARY_PAGE = 25;

/**
 * "Komt ook voor in" for the whole dossier, for its overview tab: one line per subject that occurs
 * in another dossier, each dossier a link. Look-alikes without another dossier are left to the
 * subjects tab, where they can be merged.
 */
export function DossierMatchesSummary({ dossierId }: { dossierId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const matches = useCoreQuery('dossier.matches', { dossierId });
  const subjects = useCoreQuery('subject.list', { dossierId, limit: SUBJECT_PAGE });
  const error = matches.error ?? subjects.error;
  const withDossiers = (matches.data ?? []).filter((entry) => entry.dossiers.length > 0);
  const labelOf = new Map((subjects.data?.items ?? []).map((subject) => [subject.id, subject.label]));
  const [shown, setShown] = useState(SUMMARY_PAGE);
  const rest = withDossiers.length - shown;

  return (
    <section className="app-subjects-summary" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {t('subjects.summary.heading')}
      </h2>
      {error && <Alert type="error">{errorText(error)}</Alert>}
      {!error && (matches.loading || subjects.loading) && !matches.data && (
        <p className="utrecht-paragraph app-muted" role="status">
          {t('subjects.loading')}
        </p>
      )}
      {matches.data && subjects.data && withDossiers.length === 0 && <p className="utrecht-paragraph app-muted">{t('subjects.summary.empty')}</p>}
      {matches.data && subjects.data && withDossiers.length > 0 && (
        <ul className="utrecht-unordered-list app-subjects-summary__list">
          {withDossiers.slice(0, shown).map((entry) => (
            <li key={entry.subjectId} className="app-subjects-summary__item">
              <RouteLink route={subjectRoute(entry.subjectId, dossierId)}>{labelOf.get(entry.subjectId) ?? t('subjects.summary.unknown')}</RouteLink>{' '}
              {t('subjects.summary.alsoIn')} <AlsoInLinks matches={entry} ownLabel={labelOf.get(entry.subjectId)} />
            </li>
          ))}
        </ul>
      )}
      {matches.data && subjects.data && rest > 0 && (
        <p className="utrecht-paragraph">
          <span className="app-muted">{t('subjects.summary.shown', { shown: Math.min(shown, withDossiers.length), total: withDossiers.length })}</span>{' '}
          <Button appearance="subtle" onClick={() => setShown((count) => count + SUMMARY_PAGE)}>
            {t('subjects.summary.moreSubjects', { count: Math.min(SUMMARY_PAGE, rest) })}
          </Button>
        </p>
      )}
    </section>
  );
}
