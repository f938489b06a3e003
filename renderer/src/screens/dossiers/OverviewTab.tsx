import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Section } from '../../components/Section';
import { useCoreQuery } from '../../components/useCoreQuery';
import { callCore } from '../../core-client';
import { formatDate, formatDateTime } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useNavigation } from '../../store/navigation';
import { ProvenanceNote } from '../bundles/ProvenanceNote';
import { DossierMatchesSummary } from '../subjects/DossierMatchesSummary';
import { DossierEditForm } from './DossierEditForm';
import { useDossierListStore } from './dossier-list-store';
import { Grading, TlpBadge } from '../../components/Weighing';
import { phenomenonLabel, usePhenomena } from './pickers';
import { StatusChangeForm, StatusHistory } from './StatusSection';
import type { DossierTabProps } from './tab-props';
import { phenomenonName } from '../../format/phenomenon';

/** The dossier at a glance: its facts (editable), where it stands and how it got there, its signals, and where its subjects also appear. */
export function OverviewTab({ dossier, onDossierChanged }: DossierTabProps) {
  const { t } = useTranslation();
  const history = useCoreQuery('dossier.history', { dossierId: dossier.id });
  return (
    <div className="app-dossier-overview">
      <ProvenanceNote dossierId={dossier.id} />
      <DossierDetails dossier={dossier} onDossierChanged={onDossierChanged} />
      <Section title={t('dossiers.status.title')} className="app-dossier-overview__status">
        <StatusChangeForm
          dossier={dossier}
          onChanged={() => {
            onDossierChanged();
            history.reload();
          }}
        />
      </Section>
      <Section title={t('dossiers.history.title')} className="app-dossier-overview__wide">
        <StatusHistory history={history} />
      </Section>
      <SignalsSection dossier={dossier} />
      <div className="app-dossier-overview__wide">
        <DossierMatchesSummary dossierId={dossier.id} />
      </div>
      <TrashSection dossier={dossier} />
    </div>
  );
}

function DossierDetails({ dossier, onDossierChanged }: DossierTabProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const phenomena = usePhenomena();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const closeForm = () => {
    setEditing(false);
    // The form is gone: the focus goes back to the button that opened it.
    requestAnimationFrame(() => editButtonRef.current?.focus());
  };
  const empty = <span className="app-muted">{t('dossiers.overview.notFilledIn')}</span>;

  return (
    <Section title={t('dossiers.overview.title')} className="app-dossier-overview__details">
      {editing ? (
        <DossierEditForm
          dossier={dossier}
          onCancel={closeForm}
          onSaved={() => {
            closeForm();
            setSaved(true);
            onDossierChanged();
          }}
        />
      ) : (
        <>
          {saved && <Alert type="ok">{t('dossiers.edit.saved')}</Alert>}
          <dl className="app-dossier-dl">
            <div className="app-dossier-dl__item app-dossier-dl__item--wide">
              <dt>{t('dossiers.fields.summary')}</dt>
              <dd className="app-dossier-prewrap">{dossier.summary ?? empty}</dd>
            </div>
            <div className="app-dossier-dl__item">
              <dt>{t('dossiers.fields.phenomena')}</dt>
              <dd>{dossier.phenomena.length > 0 ? dossier.phenomena.map((item) => phenomenonLabel(item, phenomena)).join(', ') : empty}</dd>
            </div>
            <div className="app-dossier-dl__item">
              <dt>{t('dossiers.fields.partners')}</dt>
              <dd>{dossier.partners.length > 0 ? dossier.partners.map((partner) => t(`domain.partner.${partner}`)).join(', ') : empty}</dd>
            </div>
            <div className="app-dossier-dl__item">
              <dt>{t('dossiers.fields.legalBasis')}</dt>
              <dd>{dossier.legalBasis ?? empty}</dd>
            </div>
            <div className="app-dossier-dl__item">
              <dt>{t('dossiers.fields.purpose')}</dt>
              <dd>{dossier.purpose ?? empty}</dd>
            </div>
            <div className="app-dossier-dl__item">
              <dt>{t('dossiers.fields.retentionUntil')}</dt>
              <dd>{dossier.retentionUntil ? formatDate(dossier.retentionUntil, language) : empty}</dd>
            </div>
            <div className="app-dossier-dl__item">
              <dt>{t('dossiers.fields.openedOn')}</dt>
              <dd>{formatDate(dossier.openedOn, language)}</dd>
            </div>
            <div className="app-dossier-dl__item">
              <dt>{t('dossiers.fields.updatedAt')}</dt>
              <dd>{formatDateTime(dossier.updatedAt, language)}</dd>
            </div>
          </dl>
          <Button
            ref={editButtonRef}
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('dossiers.edit.open')}
          </Button>
        </>
      )}
    </Section>
  );
}

function SignalsSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const open = useNavigation((state) => state.open);
  return (
    <Section title={t('dossiers.signals.title')} className="app-dossier-overview__wide">
      {dossier.signals.length === 0 ? (
        <p className="utrecht-paragraph app-muted">{t('dossiers.signals.none')}</p>
      ) : (
        <div className="app-dossier-table-scroll">
          <table className="utrecht-table utrecht-table--html-table app-dossier-table">
            <caption className="app-visually-hidden">{t('dossiers.signals.caption', { number: dossier.number })}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.signals.receivedOn')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.signals.summary')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.signals.howReceived')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.signals.phenomenon')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.grading.column')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('dossiers.fields.tlp')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {dossier.signals.map((signal) => (
                <tr key={signal.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell app-dossier-nowrap">{formatDate(signal.receivedOn, language)}</td>
                  <td className="utrecht-table__cell">
                    <a
                      href={`#signal-${signal.id}`}
                      className="utrecht-link utrecht-link--html-a"
                      onClick={(event) => {
                        event.preventDefault();
                        open({ section: 'signals', view: 'signal', signalId: signal.id });
                      }}
                    >
                      {signal.summary}
                    </a>
                  </td>
                  <td className="utrecht-table__cell">{t(`domain.howReceived.${signal.howReceived}`)}</td>
                  <td className="utrecht-table__cell">{signal.phenomenon ? phenomenonName(signal.phenomenon) : '—'}</td>
                  <td className="utrecht-table__cell">
                    <Grading sourceGrade={signal.sourceGrade} informationGrade={signal.informationGrade} />
                  </td>
                  <td className="utrecht-table__cell">
                    <TlpBadge tlp={signal.tlp} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** Out of every list, into the trash, from where it can come back until the trash is emptied. */
function TrashSection({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const showSection = useNavigation((state) => state.showSection);
  const setNotice = useDossierListStore((state) => state.setNotice);
  const [confirming, setConfirming] = useState(false);

  return (
    <Section title={t('dossiers.trash.title')} className="app-dossier-overview__wide">
      <p className="utrecht-paragraph">{t('dossiers.trash.body')}</p>
      <Button onClick={() => setConfirming(true)}>{t('dossiers.trash.open')}</Button>
      {confirming && (
        <ConfirmDialog
          title={t('dossiers.trash.confirmTitle', { number: dossier.number })}
          confirmLabel={t('dossiers.trash.confirm')}
          busyLabel={t('dossiers.trash.busy')}
          onConfirm={() => callCore('trash.move', { kind: 'dossier', id: dossier.id })}
          onDone={() => {
            setNotice({ kind: 'trashed', number: dossier.number, title: dossier.title });
            showSection('dossiers');
          }}
          onClose={() => setConfirming(false)}
        >
          <p className="utrecht-paragraph">{t('dossiers.trash.confirmBody', { number: dossier.number, title: dossier.title })}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
