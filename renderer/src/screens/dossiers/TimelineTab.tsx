import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatBytes } from '../../format/bytes';
import { formatDate, formatDateTime } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useNavigation, type DossierTab } from '../../store/navigation';
import { Grading, TlpBadge } from '../../components/Weighing';
import { InternalMark } from './InternalMark';
import type { DossierTabProps } from './tab-props';
import { useLoadMore } from './useLoadMore';

const PAGE_SIZE = 50;

function entryKey(entry: TimelineEntry): string {
  switch (entry.kind) {
    case 'signal':
      return `signal-${entry.signalId}`;
    case 'note':
      return `note-${entry.noteId}`;
    case 'status':
      return `status-${entry.statusChangeId}`;
    case 'measure':
      return `measure-${entry.measureId}-${entry.event}`;
    case 'attachment':
      return `attachment-${entry.attachmentId}`;
    case 'subject':
      return `subject-${entry.linkId}`;
  }
}

/** Everything that happened in the dossier, in date order, each entry leading to where it is kept. */
export function TimelineTab({ dossier }: DossierTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [direction, setDirection] = useState<'desc' | 'asc'>('desc');
  const [kinds, setKinds] = useState<TimelineKind[]>([...TIMELINE_KINDS]);
  const query = { dossierId: dossier.id, direction, kinds: kinds.length === TIMELINE_KINDS.length ? undefined : kinds };
  const timeline = useLoadMore(
    (offset, limit) =>
      kinds.length === 0 ? Promise.resolve({ ok: true as const, value: { items: [], total: 0, limit, offset } }) : callCore('dossier.timeline', { ...query, offset, limit }),
    JSON.stringify(query),
    PAGE_SIZE,
  );

  return (
    <Section title={t('dossiers.timeline.title')}>
      <div className="app-dossier-timeline-controls">
        <SelectField
          label={t('dossiers.timeline.order')}
          options={[
            { value: 'desc', label: t('dossiers.timeline.newestFirst') },
            { value: 'asc', label: t('dossiers.timeline.oldestFirst') },
          ]}
          value={direction}
          onChange={(event) => setDirection(event.target.value === 'asc' ? 'asc' : 'desc')}
        />
        <fieldset className="utrecht-form-fieldset app-dossier-timeline-controls__kinds">
          <legend className="utrecht-form-fieldset__legend utrecht-form-label">{t('dossiers.timeline.show')}</legend>
          <ul className="app-dossier-picker__list app-dossier-picker__list--inline">
            {TIMELINE_KINDS.map((kind) => (
              <li key={kind}>
                <CheckboxField
                  label={t(`dossiers.timeline.kinds.${kind}`)}
                  checked={kinds.includes(kind)}
                  onChange={(event) =>
                    setKinds((current) =>
                      event.target.checked ? TIMELINE_KINDS.filter((item) => item === kind || current.includes(item)) : current.filter((item) => item !== kind),
                    )
                  }
                />
              </li>
            ))}
          </ul>
        </fieldset>
      </div>
      <p className="utrecht-paragraph app-muted" role="status">
        {timeline.total === null ? t('dossiers.timeline.loading') : t('dossiers.timeline.count', { count: timeline.total })}
      </p>
      {timeline.error && <Alert type="error">{errorText(timeline.error)}</Alert>}
      {timeline.items.length > 0 && (
        <ol className="app-dossier-timeline" aria-label={t('dossiers.timeline.listLabel', { number: dossier.number })}>
          {timeline.items.map((entry) => (
            <TimelineItem key={entryKey(entry)} entry={entry} dossierId={dossier.id} />
          ))}
        </ol>
      )}
      {timeline.hasMore && (
        <Button onClick={timeline.loadMore} busy={timeline.loading} busyLabel={t('dossiers.loadingMore')}>
          {t('dossiers.loadMore')}
        </Button>
      )}
    </Section>
  );
}

function TimelineItem({ entry, dossierId }: { entry: TimelineEntry; dossierId: number }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const open = useNavigation((state) => state.open);
  const replace = useNavigation((state) => state.replace);

  const link = (text: ReactNode, go: () => void, href: string) => (
    <a
      href={href}
      className="utrecht-link utrecht-link--html-a"
      onClick={(event) => {
        event.preventDefault();
        go();
      }}
    >
      {text}
    </a>
  );
  const toTab = (tab: DossierTab) => () => replace({ section: 'dossiers', view: 'dossier', dossierId, tab });

  let title: ReactNode;
  let details: ReactNode = null;
  const meta: ReactNode[] = [];
  switch (entry.kind) {
    case 'signal':
      title = link(entry.label, () => open({ section: 'signals', view: 'signal', signalId: entry.signalId }), `#signal-${entry.signalId}`);
      details = t('dossiers.timeline.signal', { how: t(`domain.howReceived.${entry.howReceived}`) });
      break;
    case 'note':
      title = link(entry.label, toTab('notes'), `#note-${entry.noteId}`);
      if (entry.partner) details = t('dossiers.timeline.fromPartner', { partner: t(`domain.partner.${entry.partner}`) });
      if (entry.internal) meta.push(<InternalMark key="internal" />);
      break;
    case 'status':
      title = entry.fromStatus
        ? t('dossiers.timeline.statusChange', { from: t(`domain.status.${entry.fromStatus}`), to: t(`domain.status.${entry.toStatus}`) })
        : t('dossiers.timeline.statusFirst', { to: t(`domain.status.${entry.toStatus}`) });
      details = [entry.closingReason ? t('dossiers.history.closingReasonInline', { reason: t(`domain.closingReason.${entry.closingReason}`) }) : null, entry.label]
        .filter(Boolean)
        .join(' · ');
      break;
    case 'measure':
      title = link(t(`dossiers.timeline.measure.${entry.event}`, { kind: t(`domain.measureKind.${entry.measureKind}`) }), toTab('measures'), `#measure-${entry.measureId}`);
      details = [
        entry.partner ? t(`domain.partner.${entry.partner}`) : null,
        entry.label,
        t('dossiers.timeline.currentStage', { stage: t(`domain.measureStage.${entry.stage}`) }),
      ]
        .filter(Boolean)
        .join(' · ');
      break;
    case 'attachment':
      title = link(t('dossiers.timeline.attachment', { name: entry.label }), toTab('attachments'), `#attachment-${entry.attachmentId}`);
      details = `${formatBytes(entry.byteSize, language)} · ${formatDateTime(entry.recordedAt, language)}`;
      break;
    case 'subject':
      title = link(
        t('dossiers.timeline.subject', { label: entry.label, role: t(`domain.role.${entry.role}`) }),
        () => open({ section: 'dossiers', view: 'subject', subjectId: entry.subjectId, fromDossierId: dossierId }),
        `#subject-${entry.subjectId}`,
      );
      details = t(`domain.subjectType.${entry.subjectType}`);
      break;
  }

  return (
    <li className={`app-dossier-timeline__item app-dossier-timeline__item--${entry.kind}`}>
      <time className="app-dossier-timeline__date" dateTime={entry.date}>
        {formatDate(entry.date, language)}
      </time>
      <div className="app-dossier-timeline__body">
        <div className="app-dossier-timeline__heading">
          <span className="app-dossier-timeline__kind">{t(`dossiers.timeline.kind.${entry.kind}`)}</span>
          <span className="app-dossier-timeline__title">{title}</span>
        </div>
        {details && <p className="app-dossier-timeline__details">{details}</p>}
        <p className="app-dossier-timeline__meta">
          {entry.actor && <span>{t('dossiers.timeline.by', { actor: entry.actor })}</span>}
          {'sourceGrade' in entry && <Grading sourceGrade={entry.sourceGrade} informationGrade={entry.informationGrade} />}
          {'tlp' in entry && <TlpBadge tlp={entry.tlp} />}
          {meta}
        </p>
      </div>
    </li>
  );
}
