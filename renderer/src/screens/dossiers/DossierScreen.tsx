import { useRef, type ComponentType, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dossier } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { useFocusHeading } from '../../components/useFocusHeading';
import { DOSSIER_TABS, useNavigation, type DossierTab } from '../../store/navigation';
import { AttachmentsTab } from '../attachments/AttachmentsTab';
import { DocumentsTab } from '../documents/DocumentsTab';
import { NetworkTab } from '../subjects/NetworkTab';
import { SubjectsTab } from '../subjects/SubjectsTab';
import { DisclosuresTab } from './DisclosuresTab';
import { MeasuresTab } from './MeasuresTab';
import { NotesTab } from './NotesTab';
import { OverviewTab } from './OverviewTab';
import type { DossierTabProps } from './tab-props';
import { TimelineTab } from './TimelineTab';
import { VisibleText } from '../../components/VisibleText';

const TAB_COMPONENTS: Record<DossierTab, ComponentType<DossierTabProps>> = {
  overview: OverviewTab,
  timeline: TimelineTab,
  subjects: SubjectsTab,
  network: NetworkTab,
  notes: NotesTab,
  measures: MeasuresTab,
  attachments: AttachmentsTab,
  documents: DocumentsTab,
  disclosures: DisclosuresTab,
};

const tabId = (tab: DossierTab) => `dossier-tab-${tab}`;
const panelId = (tab: DossierTab) => `dossier-panel-${tab}`;

/**
 * One dossier: its number and title, the facts that say where it stands, and its parts as tabs
 * (WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs and show them at once). The
 * route holds the tab, so "Terug" from a subject returns to it; switching tabs replaces the route
 * instead of adding a step to "Terug".
 */
export function DossierScreen({ dossierId, tab = 'overview' }: { dossierId: number; tab?: DossierTab }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useFocusHeading();
  const replace = useNavigation((state) => state.replace);
  const back = useNavigation((state) => state.back);
  const { data: dossier, error, reload } = useCoreQuery('dossier.get', { dossierId });
  const tabRefs = useRef(new Map<DossierTab, HTMLButtonElement>());

  function select(next: DossierTab, focus = false) {
    replace({ section: 'dossiers', view: 'dossier', dossierId, tab: next });
    if (focus) tabRefs.current.get(next)?.focus();
  }

  function onTabKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = DOSSIER_TABS.indexOf(tab);
    const last = DOSSIER_TABS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? DOSSIER_TABS[index === last ? 0 : index + 1]
        : event.key === 'ArrowLeft'
          ? DOSSIER_TABS[index === 0 ? last : index - 1]
          : event.key === 'Home'
            ? DOSSIER_TABS[0]
            : event.key === 'End'
              ? DOSSIER_TABS[last]
              : undefined;
    if (!next) return;
    event.preventDefault();
    select(next, true);
  }

  const Panel = TAB_COMPONENTS[tab];
  return (
    <div className="app-dossiers-wide app-dossier">
      <a
        href="#terug"
        className="utrecht-link utrecht-link--html-a app-dossier-back"
        onClick={(event) => {
          event.preventDefault();
          back();
        }}
      >
        {t('dossiers.screen.back')}
      </a>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {dossier ? (
          <>
            {dossier.number} <VisibleText text={dossier.title} />
          </>
        ) : (
          t('dossiers.screen.loadingTitle')
        )}
      </h1>
      {error && <Alert type="error">{errorText(error)}</Alert>}
      {dossier && <DossierFacts dossier={dossier} />}
      {dossier && (
        <>
          <div className="app-dossier-tabs" role="tablist" aria-label={t('dossiers.tabs.label')} onKeyDown={onTabKeyDown}>
            {DOSSIER_TABS.map((item) => (
              <button
                key={item}
                ref={(element) => {
                  if (element) tabRefs.current.set(item, element);
                  else tabRefs.current.delete(item);
                }}
                id={tabId(item)}
                role="tab"
                type="button"
                className="app-dossier-tabs__tab"
                aria-selected={item === tab}
                aria-controls={panelId(item)}
                tabIndex={item === tab ? 0 : -1}
                onClick={() => select(item)}
              >
                {item === 'disclosures' ? t('sharing.disclosures.tab') : t(`dossiers.tabs.${item}`)}
              </button>
            ))}
          </div>
          {DOSSIER_TABS.map((item) => (
            <div key={item} id={panelId(item)} role="tabpanel" aria-labelledby={tabId(item)} hidden={item !== tab} className="app-dossier-tabs__panel">
              {item === tab && <Panel dossier={dossier} onDossierChanged={reload} />}
            </div>
          ))}
        </>
      )}
    </div>
  );
}

/** Where the dossier stands, in words, under its heading. */
function DossierFacts({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const status = t(`domain.status.${dossier.status}`);
  return (
    <dl className="app-dossier-facts" data-testid="dossier-facts">
      <div>
        <dt>{t('dossiers.fields.status')}</dt>
        <dd>{dossier.closingReason ? t('dossiers.screen.closedWith', { status, reason: t(`domain.closingReason.${dossier.closingReason}`) }) : status}</dd>
      </div>
      <div>
        <dt>{t('dossiers.fields.priority')}</dt>
        <dd>{t(`domain.priority.${dossier.priority}`)}</dd>
      </div>
      <div>
        <dt>{t('dossiers.fields.owner')}</dt>
        <dd>{dossier.owner ?? t('dossiers.screen.noOwner')}</dd>
      </div>
      <div>
        <dt>{t('dossiers.fields.tlp')}</dt>
        <dd>{t(`domain.tlp.${dossier.tlp}`)}</dd>
      </div>
    </dl>
  );
}
