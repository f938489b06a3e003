import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectMatches } from '../../../../shared/api';
import { Button } from '../../components/Button';
import { RouteLink } from '../../components/RouteLink';
import { dossierRoute, subjectRoute } from './parts';
import { VisibleText } from '../../components/VisibleText';

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

/** Up to this many dossiers are listed at once; more are summarised as a count that opens a page at a time. */
export const ALSO_IN_INLINE = 3;
export const ALSO_IN_PAGE = 20;

/**
 * "Komt ook voor in 2025-0003 Illegale gokzuilen (Locatie), …": each dossier a link. Where the
 * subject occurs there through a look-alike, the look-alike's label follows ("als …"). A subject in
 * many dossiers gets a count first ("212 andere dossiers — toon") and its dossiers a page at a time,
 * so a large dossier's overview does not hold thousands of links.
 */
export function AlsoInLinks({ matches, ownLabel }: { matches: SubjectMatches; ownLabel?: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(0);
  const labelOf = new Map(matches.lookalikes.map((lookalike) => [lookalike.subject.id, lookalike.subject.label]));
  const total = matches.dossiers.length;
  const dossierCount = new Set(matches.dossiers.map((entry) => entry.dossier.id)).size;
  const folded = total > ALSO_IN_INLINE;
  const visible = folded ? matches.dossiers.slice(0, shown) : matches.dossiers;
  const label = ownLabel ?? '';
  return (
    <>
      {folded && (
        <>
          {t('subjects.alsoIn.count', { count: dossierCount })}
          {shown === 0 && (
            <>
              {' — '}
              <Button
                appearance="subtle"
                className="app-subject-hint__action"
                aria-label={t('subjects.alsoIn.showLabel', { count: dossierCount, label })}
                onClick={() => setShown(ALSO_IN_PAGE)}
              >
                {t('subjects.alsoIn.show')}
              </Button>
            </>
          )}
          {shown > 0 && ': '}
        </>
      )}
      {visible.map((entry, index) => (
        <Fragment key={`${entry.dossier.id}/${entry.subjectId}`}>
          {index > 0 && ', '}
          <RouteLink route={dossierRoute(entry.dossier.id)}>
            {entry.dossier.number} <VisibleText text={entry.dossier.title} />
          </RouteLink>
          <OccurrenceNote roles={entry.roles} lookalike={entry.subjectId !== matches.subjectId ? { label: labelOf.get(entry.subjectId), ownLabel } : null} />
        </Fragment>
      ))}
      {folded && shown > 0 && (
        <>
          {' '}
          {shown < total && (
            <Button
              appearance="subtle"
              className="app-subject-hint__action"
              aria-label={t('subjects.alsoIn.moreLabel', { count: Math.min(ALSO_IN_PAGE, total - shown), label })}
              onClick={() => setShown((count) => count + ALSO_IN_PAGE)}
            >
              {t('subjects.alsoIn.more', { count: Math.min(ALSO_IN_PAGE, total - shown) })}
            </Button>
          )}{' '}
          <Button appearance="subtle" className="app-subject-hint__action" aria-label={t('subjects.alsoIn.hideLabel', { label })} onClick={() => setShown(0)}>
            {t('subjects.alsoIn.hide')}
          </Button>
        </>
      )}
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
