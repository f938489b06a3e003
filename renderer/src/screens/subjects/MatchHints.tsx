import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectMatches } from '../../../../shared/api';
import { Button } from '../../components/Button';
import { RouteLink } from '../../components/RouteLink';
import { dossierRoute, subjectRoute } from './parts';

/**
 * What follows a dossier, in one pair of brackets: its roles and, for an occurrence through a
 * look-alike, whose ("(Eigenaar, Locatie)", "(Locatie, als Petra de Demo)"): two pairs side by side read as a slip.
 */
function OccurrenceNote({
  roles,
  lookalike,
}: {
  roles: SubjectMatches['dossiers'][number]['roles'];
  lookalike: { label: string | undefined; ownLabel: string | undefined } | null;
}) {
  const { t } = useTranslation();
  const words = roles.map((role) => t(`domain.role.${role}`));
  const lookalikeText = lookalike
    ? lookalike.label && lookalike.label !== lookalike.ownLabel
      ? t('subjects.alsoIn.asLookalike', { label: lookalike.label })
      : t('subjects.alsoIn.viaLookalike')
    : null;
  if (words.length === 0 && lookalikeText === null) return null;
  return (
    <>
      {' ('}
      {words.join(', ')}
      {lookalikeText !== null && <span className="app-muted">{`${words.length > 0 ? ', ' : ''}${lookalikeText}`}</span>}
      {')'}
    </>
  );
}

/**
 * "Komt ook voor in 2025-0003 Illegale gokzuilen (Locatie), …": each dossier a link. Where the
 * subject occurs there through a look-alike, the look-alike's label follows ("als …").
 */
export function AlsoInLinks({ matches, ownLabel }: { matches: SubjectMatches; ownLabel?: string }) {
  const labelOf = new Map(matches.lookalikes.map((lookalike) => [lookalike.subject.id, lookalike.subject.label]));
  return (
    <>
      {matches.dossiers.map((entry, index) => (
        <Fragment key={`${entry.dossier.id}/${entry.subjectId}`}>
          {index > 0 && ', '}
          <RouteLink route={dossierRoute(entry.dossier.id)}>
            {entry.dossier.number} {entry.dossier.title}
          </RouteLink>
          <OccurrenceNote roles={entry.roles} lookalike={entry.subjectId !== matches.subjectId ? { label: labelOf.get(entry.subjectId), ownLabel } : null} />
        </Fragment>
      ))}
    </>
  );
}

interface MatchHintsProps {
  matches: SubjectMatches;
  /** The subject's own label: a look-alike with the same label is not named again. */
  ownLabel?: string;
  /** The dossier the hints are shown in, carried along to the subject screens they open. */
  fromDossierId?: number;
  onMerge?(lookalikeId: number): void;
}

/** The "komt ook voor in" and "mogelijk dubbel" hints of one subject. */
export function MatchHints({ matches, ownLabel, fromDossierId, onMerge }: MatchHintsProps) {
  const { t } = useTranslation();
  if (matches.dossiers.length === 0 && matches.lookalikes.length === 0) return null;
  return (
    <div className="app-subject-hints">
      {matches.dossiers.length > 0 && (
        <p className="app-subject-hint app-subject-hint--also-in">
          <strong>{t('subjects.alsoIn.label')}</strong> <AlsoInLinks matches={matches} ownLabel={ownLabel} />
        </p>
      )}
      {matches.lookalikes.map((lookalike) => (
        <p key={lookalike.subject.id} className="app-subject-hint app-subject-hint--lookalike">
          <strong>{t('subjects.lookalike.label')}</strong> <RouteLink route={subjectRoute(lookalike.subject.id, fromDossierId)}>{lookalike.subject.label}</RouteLink>{' '}
          <span className="app-muted">({lookalike.matchedOn.map((kind) => t(`domain.matchKey.${kind}`)).join(', ')})</span>
          {onMerge && (
            <>
              {' '}
              <Button
                appearance="subtle"
                className="app-subject-hint__action"
                aria-label={t('subjects.lookalike.mergeLabel', { label: lookalike.subject.label })}
                onClick={() => onMerge(lookalike.subject.id)}
              >
                {t('subjects.lookalike.merge')}
              </Button>
            </>
          )}
        </p>
      ))}
    </div>
  );
}
