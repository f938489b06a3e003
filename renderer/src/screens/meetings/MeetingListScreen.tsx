import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS, type MeetingKind } from '../../../../shared/api';
import { TLP_CODES, type TlpCode } from '../../../../shared/domain/enums';
import { localIsoDate } from '../../../../shared/domain/validation';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DateField, useDateText } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { useFocusHeading } from '../../components/useFocusHeading';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useNavigation } from '../../store/navigation';
import { TlpBadge } from '../../components/Weighing';
import { ActionOverview } from './ActionOverview';
import { ParticipantsField, participantsInput, type ParticipantDraft } from './ParticipantsField';
import { useFormatCount } from '../../format/count';

export function MeetingListScreen() {
  const count = useFormatCount();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useFocusHeading();
  const language = currentLanguage();
  const open = useNavigation((state) => state.open);
  const meetings = useCoreQuery('meeting.list', {});
  // From the dashboard: straight to the follow-up overview, its heading taking the focus instead of the h1.
  const actionsFilter = useNavigation((state) =>
    state.screen.name === 'main' && state.screen.route.section === 'meetings' && state.screen.route.view !== 'meeting' ? state.screen.route.actions : undefined,
  );
  const actionsHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusActionsOnArrival = useEffectEvent(() => {
    if (!actionsFilter) return;
    actionsHeadingRef.current?.focus();
    actionsHeadingRef.current?.scrollIntoView({ block: 'start' });
  });
  // Once, on arrival: the filter is where the user came from, not a setting of the screen.
  useEffect(() => focusActionsOnArrival(), []);

  return (
    <div className="app-dossiers-wide app-meetings">
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {t('meetings.title')}
      </h1>
      <p className="utrecht-paragraph">{t('meetings.lead')}</p>
      {meetings.error && <Alert type="error">{errorText(meetings.error)}</Alert>}
      <Section title={t('meetings.title')}>
        {meetings.data && meetings.data.length === 0 && <EmptyState>{t('meetings.empty')}</EmptyState>}
        {meetings.data && meetings.data.length > 0 && (
          <table className="utrecht-table utrecht-table--html-table app-meetings-table">
            <caption className="app-visually-hidden">{t('meetings.list.caption')}</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(['date', 'kind', 'title', 'place', 'tlp', 'items', 'openActions'] as const).map((column) => (
                  <th key={column} className="utrecht-table__header-cell" scope="col">
                    {t(`meetings.list.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {meetings.data.map((meeting) => (
                <tr key={meeting.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell">{formatDate(meeting.heldOn, language)}</td>
                  <td className="utrecht-table__cell">{t(`meetings.kinds.${meeting.kind}`)}</td>
                  <th className="utrecht-table__cell" scope="row">
                    <a
                      href={`#overleg-${meeting.id}`}
                      className="utrecht-link utrecht-link--html-a"
                      aria-label={t('meetings.list.open', { title: meeting.title, date: formatDate(meeting.heldOn, language) })}
                      onClick={(event) => {
                        event.preventDefault();
                        open({ section: 'meetings', view: 'meeting', meetingId: meeting.id });
                      }}
                    >
                      {meeting.title}
                    </a>
                  </th>
                  <td className="utrecht-table__cell">{meeting.place ?? '—'}</td>
                  <td className="utrecht-table__cell">
                    <TlpBadge tlp={meeting.tlp} />
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{count(meeting.itemCount)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{count(meeting.openActions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <NewMeetingForm onCreated={(meetingId) => open({ section: 'meetings', view: 'meeting', meetingId })} />
      <ActionOverview overdueOnly={actionsFilter === 'overdue'} headingRef={actionsFilter ? actionsHeadingRef : undefined} />
    </div>
  );
}

function NewMeetingForm({ onCreated }: { onCreated(meetingId: number): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [kind, setKind] = useState<MeetingKind>('casustafel');
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(() => formatDate(localIsoDate(new Date()), currentLanguage()));
  const [place, setPlace] = useState('');
  const [tlp, setTlp] = useState<TlpCode>('AMBER+STRICT');
  const [participants, setParticipants] = useState<ParticipantDraft[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dates = useDateText();

  async function create() {
    const parsed = dates.parse(date);
    if (!parsed.ok || parsed.value === null) {
      setDateError(parsed.ok ? t('meetings.create.date') : parsed.message);
      return;
    }
    setDateError(null);
    setBusy(true);
    const result = await callCore('meeting.create', {
      kind,
      title: title.trim() || undefined,
      heldOn: parsed.value,
      place: place.trim() || null,
      tlp,
      participants: participantsInput(participants),
    });
    setBusy(false);
    if (result.ok) onCreated(result.value.id);
    else setError(errorText(result.error));
  }

  return (
    <Section title={t('meetings.create.title')}>
      <form
        className="app-form app-meetings-form"
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <div className="app-meetings-form__row">
          <SelectField
            label={t('meetings.create.kind')}
            options={MEETING_KINDS.map((value) => ({ value, label: t(`meetings.kinds.${value}`) }))}
            value={kind}
            onChange={(event) => setKind(event.target.value as MeetingKind)}
          />
          <DateField label={t('meetings.create.date')} value={date} onChange={setDate} error={dateError} />
          <SelectField
            label={t('meetings.create.tlp')}
            options={TLP_CODES.map((value) => ({ value, label: `TLP:${value}` }))}
            value={tlp}
            onChange={(event) => setTlp(event.target.value as TlpCode)}
          />
        </div>
        <div className="app-meetings-form__row">
          <TextField
            label={t('meetings.create.titleField')}
            description={t('meetings.create.titleHint')}
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.target.value)}
          />
          <TextField label={t('meetings.create.place')} value={place} maxLength={200} onChange={(event) => setPlace(event.target.value)} />
        </div>
        <ParticipantsField value={participants} onChange={setParticipants} />
        {error && <Alert type="error">{error}</Alert>}
        <div>
          <Button type="submit" appearance="primary" busy={busy}>
            {t('meetings.create.submit')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
