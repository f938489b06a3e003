import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier, SubjectMatches } from '../../../../shared/api';
import { SUBJECT_TYPES, type SubjectType } from '../../../../shared/domain/enums';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import type { DossierTabProps } from '../dossiers/tab-props';
import { AddSubjectForm, type AddedSubject } from './AddSubjectForm';
import { AlsoInLinks, MatchHints } from './MatchHints';
import { MergeDialog } from './MergeDialog';
import { Grading, TlpBadge } from '../../components/Weighing';
import { ProvenanceLine } from '../../components/ProvenanceLine';
import { RouteLink } from '../../components/RouteLink';
import { PeriodText, subjectRoute } from './parts';
import { useFormatCount } from '../../format/count';

type DossierSubjectLink = Dossier['subjects'][number];

/**
 * The dossier's subjects, grouped by type: role, period, source, grading and handling code per
 * link, "komt ook voor in" and "mogelijk dubbel" per subject. Reporter (melder) links are hidden
 * until the user asks to see them. Subjects are added, unlinked and merged here.
 */
export function SubjectsTab({ dossier, onDossierChanged }: DossierTabProps) {
  const count = useFormatCount();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const matchesQuery = useCoreQuery('dossier.matches', { dossierId: dossier.id });
  const reloadMatches = matchesQuery.reload;
  const [showProtected, setShowProtected] = useState(false);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<AddedSubject | null>(null);
  const [unlinking, setUnlinking] = useState<DossierSubjectLink | null>(null);
  const [unlinked, setUnlinked] = useState<string | null>(null);
  const [merging, setMerging] = useState<[number, number] | null>(null);
  const [merged, setMerged] = useState<string | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  /** Back to "Subject toevoegen" when the form closes, so that keyboard users are not dropped at the top. */
  const focusAddButton = () => requestAnimationFrame(() => barRef.current?.querySelector<HTMLButtonElement>('.app-subjects__add')?.focus());

  // The dossier was fetched again (a change here or in another tab): so are its matches.
  const lastUpdate = useRef(dossier.updatedAt);
  useEffect(() => {
    if (lastUpdate.current === dossier.updatedAt) return;
    lastUpdate.current = dossier.updatedAt;
    reloadMatches();
  }, [dossier.updatedAt, reloadMatches]);

  const matchesBySubject = useMemo(() => new Map((matchesQuery.data ?? []).map((matches) => [matches.subjectId, matches])), [matchesQuery.data]);
  const hiddenCount = dossier.subjects.filter((link) => link.protected).length;
  const visible = dossier.subjects.filter((link) => showProtected || !link.protected);
  const groups = SUBJECT_TYPES.map((type) => ({ type, links: visible.filter((link) => link.subject.type === type) })).filter((group) => group.links.length > 0);

  function afterAdd(result: AddedSubject) {
    setAdding(false);
    setAdded(result);
    setUnlinked(null);
    setMerged(null);
    onDossierChanged();
    reloadMatches();
    focusAddButton();
  }

  function afterMerge(keptLabel: string, mergedLabel: string) {
    setMerging(null);
    setAdded(null);
    setMerged(t('subjects.merge.doneShort', { merged: mergedLabel, kept: keptLabel }));
    onDossierChanged();
    reloadMatches();
  }

  const labelOf = (subjectId: number) =>
    dossier.subjects.find((link) => link.subjectId === subjectId)?.subject.label ??
    matchesQuery.data?.flatMap((matches) => matches.lookalikes).find((lookalike) => lookalike.subject.id === subjectId)?.subject.label ??
    '';

  return (
    <div className="app-subjects">
      <div className="app-subjects__bar" ref={barRef}>
        <h2 className="utrecht-heading-2">
          {t('subjects.tab.heading')} <span className="app-muted app-subjects__count">({count(dossier.subjects.length - (showProtected ? 0 : hiddenCount))})</span>
        </h2>
        <div className="app-button-row">
          {hiddenCount > 0 && (
            <Button appearance="secondary" aria-pressed={showProtected} onClick={() => setShowProtected((value) => !value)}>
              {showProtected ? t('subjects.protected.hide') : t('subjects.protected.show', { count: hiddenCount })}
            </Button>
          )}
          {!adding && (
            <Button
              appearance="primary"
              className="app-subjects__add"
              onClick={() => {
                setAdding(true);
                setAdded(null);
                setUnlinked(null);
                setMerged(null);
              }}
            >
              {t('subjects.add.open')}
            </Button>
          )}
        </div>
      </div>

      {/* One live region for what just happened here, present before it fills so that it is announced. */}
      <div role="status" className="app-subjects__status">
        {added && <AddedNotice added={added} dossierId={dossier.id} onMerge={(lookalikeId) => setMerging([lookalikeId, added.subjectId])} />}
        {unlinked && <Notice>{unlinked}</Notice>}
        {merged && <Notice>{merged}</Notice>}
      </div>

      {adding && (
        <AddSubjectForm
          dossier={dossier}
          onAdded={afterAdd}
          onCancel={() => {
            setAdding(false);
            focusAddButton();
          }}
        />
      )}

      {showProtected && hiddenCount > 0 && <Alert type="warning">{t('subjects.protected.warning')}</Alert>}
      {matchesQuery.error && <Alert type="error">{errorText(matchesQuery.error)}</Alert>}

      {dossier.subjects.length === 0 ? (
        <EmptyState>
          <p className="utrecht-paragraph">{t('subjects.tab.empty')}</p>
        </EmptyState>
      ) : groups.length === 0 ? (
        <p className="utrecht-paragraph app-muted">{t('subjects.tab.onlyProtected')}</p>
      ) : (
        groups.map((group) => (
          <SubjectGroup
            key={group.type}
            type={group.type}
            links={group.links}
            dossierId={dossier.id}
            matchesBySubject={matchesBySubject}
            onUnlink={setUnlinking}
            onMerge={(subjectId, lookalikeId) => setMerging([lookalikeId, subjectId])}
          />
        ))
      )}

      {unlinking && (
        <UnlinkDialog
          link={unlinking}
          onClose={() => setUnlinking(null)}
          onDone={(label) => {
            setUnlinking(null);
            setAdded(null);
            setMerged(null);
            setUnlinked(t('subjects.unlink.done', { label }));
            onDossierChanged();
            reloadMatches();
          }}
        />
      )}
      {merging && (
        <MergeDialog
          subjectIds={merging}
          onClose={() => setMerging(null)}
          onMerged={(result, mergedId) => afterMerge(result.subject.label, labelOf(mergedId) || t('subjects.merge.theOther'))}
        />
      )}
    </div>
  );
}

/** A confirmation inside the tab's live region (an Alert would be a second live region). */
function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="utrecht-alert utrecht-alert--ok app-alert">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

function AddedNotice({ added, dossierId, onMerge }: { added: AddedSubject; dossierId: number; onMerge(lookalikeId: number): void }) {
  const { t } = useTranslation();
  const matches = added.matches;
  const hasMatches = matches !== null && (matches.dossiers.length > 0 || matches.lookalikes.length > 0);
  return (
    <div className={`utrecht-alert ${hasMatches ? 'utrecht-alert--warning' : 'utrecht-alert--ok'} app-alert app-subjects__added`}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph">{t('subjects.add.added', { label: added.label, role: t(`domain.role.${added.role}`) })}</p>
          {matches && matches.dossiers.length > 0 && (
            <p className="utrecht-paragraph">
              <strong>{t('subjects.add.alsoIn', { label: added.label })}</strong> <AlsoInLinks matches={matches} ownLabel={added.label} />
            </p>
          )}
          {matches && matches.lookalikes.length > 0 && <MatchHints matches={{ ...matches, dossiers: [] }} fromDossierId={dossierId} onMerge={onMerge} />}
        </div>
      </div>
    </div>
  );
}

interface SubjectGroupProps {
  type: SubjectType;
  links: DossierSubjectLink[];
  dossierId: number;
  matchesBySubject: ReadonlyMap<number, SubjectMatches>;
  onUnlink(link: DossierSubjectLink): void;
  onMerge(subjectId: number, lookalikeId: number): void;
}

function SubjectGroup({ type, links, dossierId, matchesBySubject, onUnlink, onMerge }: SubjectGroupProps) {
  const count = useFormatCount();
  const { t } = useTranslation();
  const captionId = `subjects-group-${type}`;
  const seen = new Set<number>();
  return (
    <section className="app-subjects__group" aria-labelledby={captionId}>
      <h3 className="utrecht-heading-3" id={captionId}>
        {t(`subjects.groups.${type}`)} <span className="app-muted app-subjects__count">({count(links.length)})</span>
      </h3>
      <div className="utrecht-table-container">
        <table className="utrecht-table utrecht-table--html-table app-subjects__table" aria-labelledby={captionId}>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell app-subjects__col-subject" scope="col">
                {t('subjects.columns.subject')}
              </th>
              <th className="utrecht-table__header-cell app-subjects__col-role" scope="col">
                {t('subjects.columns.role')}
              </th>
              <th className="utrecht-table__header-cell app-subjects__col-period" scope="col">
                {t('subjects.columns.periodSource')}
              </th>
              <th className="utrecht-table__header-cell app-subjects__col-grading" scope="col">
                {t('subjects.columns.grading')}
              </th>
              <th className="utrecht-table__header-cell app-subjects__col-actions" scope="col">
                <span className="app-visually-hidden">{t('subjects.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {links.map((link) => {
              // A subject with two roles here has two rows; its hints go with the first.
              const first = !seen.has(link.subjectId);
              seen.add(link.subjectId);
              const matches = first ? matchesBySubject.get(link.subjectId) : undefined;
              return (
                <tr key={link.id} className={`utrecht-table__row${link.protected ? ' app-subjects__row--protected' : ''}`} data-subject-id={link.subjectId}>
                  <td className="utrecht-table__cell app-subjects__col-subject">
                    <RouteLink route={subjectRoute(link.subjectId, dossierId)} className="app-subjects__label">
                      {link.subject.label}
                    </RouteLink>
                    {link.protected && <span className="app-badge app-badge--warning">{t('subjects.protected.badge')}</span>}
                    {matches && (
                      <MatchHints matches={matches} ownLabel={link.subject.label} fromDossierId={dossierId} onMerge={(lookalikeId) => onMerge(link.subjectId, lookalikeId)} />
                    )}
                  </td>
                  <td className="utrecht-table__cell">{t(`domain.role.${link.role}`)}</td>
                  <td className="utrecht-table__cell">
                    <PeriodText validFrom={link.validFrom} validUntil={link.validUntil} />
                    {link.source && <span className="app-subjects__source">{link.source}</span>}
                    <ProvenanceLine provenance={link.provenance} />
                  </td>
                  <td className="utrecht-table__cell app-subjects__nowrap">
                    <Grading sourceGrade={link.sourceGrade} informationGrade={link.informationGrade} />
                    <br />
                    <TlpBadge tlp={link.tlp} />
                  </td>
                  <td className="utrecht-table__cell">
                    <Button
                      appearance="subtle"
                      aria-label={t('subjects.unlink.label', { label: link.subject.label, role: t(`domain.role.${link.role}`) })}
                      onClick={() => onUnlink(link)}
                    >
                      {t('subjects.unlink.button')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function UnlinkDialog({ link, onClose, onDone }: { link: DossierSubjectLink; onClose(): void; onDone(label: string): void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('subjects.unlink.title')}
      confirmLabel={t('subjects.unlink.confirm')}
      onConfirm={() => callCore('subject.unlinkFromDossier', { linkId: link.id })}
      onDone={() => onDone(link.subject.label)}
      onClose={onClose}
    >
      <p className="utrecht-paragraph">{t('subjects.unlink.body', { label: link.subject.label, role: t(`domain.role.${link.role}`) })}</p>
    </ConfirmDialog>
  );
}
