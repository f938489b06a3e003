import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectMatches } from '../../../../shared/api';
import { Button } from '../../components/Button';
import { RouteLink } from '../../components/RouteLink';
import { dossierRoute, subjectRoute } from './parts';

/** The roles, as words, after a dossier: "(Eigenaar, Locatie)". */
function RolesText({ roles }: { roles: SubjectMatches['dossiers'][number]['roles'] }) {
  const { t } = useTranslation();
  if (roles.length === 0) return null;
  return <> ({roles.map((role) => t(`domain.role.${role}`)).join(', ')})</>;
}

/** "(als Petra de Demo)": the occurrence is a look-alike's; its label unless it is the subject's own. */
function LookalikeNote({ label, ownLabel }: { label: string | undefined; ownLabel: string | undefined }) {
  const { t } = useTranslation();
  const text = label && label !== ownLabel ? t('subjects.alsoIn.asLookalike', { label }) : t('subjects.alsoIn.viaLookalike');
  return <span className="app-muted"> {text}</span>;
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
          <RolesText roles={entry.roles} />
          {entry.subjectId !== matches.subjectId && <LookalikeNote label={labelOf.get(entry.subjectId)} ownLabel={ownLabel} />}
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
