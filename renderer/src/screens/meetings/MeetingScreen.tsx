import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { useFocusHeading } from '../../components/useFocusHeading';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { useNavigation } from '../../store/navigation';
import { TlpBadge } from '../../components/Weighing';
import { AgendaItemCard } from './AgendaItemCard';
import { MeetingPrint } from './MeetingPrint';
import { ParticipantsField, participantsInput, type ParticipantDraft } from './ParticipantsField';

/** One meeting: its facts and participants, the agenda with an editor per item, adding items. */
export function MeetingScreen({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingRef = useFocusHeading();
  const language = currentLanguage();
  const back = useNavigation((state) => state.back);
  const meeting = useCoreQuery('meeting.get', { meetingId });
  const data = meeting.data;

  return (
    <div className="app-dossiers-wide app-meetings">
      <a
        href="#terug"
        className="utrecht-link utrecht-link--html-a app-dossier-back"
        onClick={(event) => {
          event.preventDefault();
          back();
        }}
      >
        {t('meetings.meeting.back')}
      </a>
      <h1 className="utrecht-heading-1" ref={headingRef} tabIndex={-1}>
        {data ? t('meetings.titleOnDate', { title: data.title, date: formatDate(data.heldOn, language) }) : t('meetings.loading')}
      </h1>
      {meeting.error && <Alert type="error">{errorText(meeting.error)}</Alert>}
      {data && (
        <>
          <dl className="app-dossier-facts">
            <div>
              <dt>{t('meetings.list.kind')}</dt>
              <dd>{t(`meetings.kinds.${data.kind}`)}</dd>
            </div>
            <div>
              <dt>{t('meetings.meeting.place')}</dt>
              <dd>{data.place ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('meetings.meeting.tlp')}</dt>
              <dd>
                <TlpBadge tlp={data.tlp} />
              </dd>
            </div>
            <div>
              {/* "Name, organisation; …": names and organisations may hold brackets of their own, so none are added. */}
              <dt>{t('meetings.meeting.participants')}</dt>
              <dd>
                {data.participants.length === 0
                  ? t('meetings.meeting.noParticipants')
                  : data.participants.map((participant) => (participant.organisation ? `${participant.name}, ${participant.organisation}` : participant.name)).join('; ')}
              </dd>
            </div>
          </dl>
          <EditParticipants meeting={data} onSaved={meeting.reload} />
          <Section title={t('meetings.meeting.agenda')}>
            {data.items.length === 0 && <EmptyState>{t('meetings.meeting.agendaEmpty')}</EmptyState>}
            <ol className="app-meetings-agenda">
              {data.items.map((item) => (
                <li key={`${item.id}-${item.position}`}>
                  <AgendaItemCard meeting={data} item={item} last={item.position === data.items.length} onChanged={meeting.reload} />
                </li>
              ))}
            </ol>
            <AddItemForm meeting={data} onAdded={meeting.reload} />
          </Section>
          <MeetingPrint meeting={data} />
        </>
      )}
    </div>
  );
}

/** Changing who takes part changes what the agenda may carry: the print preview follows. */
function EditParticipants({ meeting, onSaved }: { meeting: Meeting; onSaved(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [participants, setParticipants] = useState<ParticipantDraft[]>(meeting.participants);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  async function save() {
    const result = await callCore('meeting.update', { meetingId: meeting.id, participants: participantsInput(participants) });
    if (result.ok) {
      setMessage({ type: 'ok', text: t('meetings.participants.saved') });
      setOpen(false);
      onSaved();
    } else setMessage({ type: 'error', text: errorText(result.error) });
  }

  if (!open)
    return (
      <div className="app-document-actions">
        <Button
          onClick={() => {
            setParticipants(meeting.participants);
            setMessage(null);
            setOpen(true);
          }}
        >
          {t('meetings.participants.edit')}
        </Button>
        {message && <Alert type={message.type}>{message.text}</Alert>}
      </div>
    );
  return (
    <div className="app-meetings-participants-edit">
      <ParticipantsField value={participants} onChange={setParticipants} />
      {message && <Alert type={message.type}>{message.text}</Alert>}
      <div className="app-document-actions">
        <Button appearance="primary" onClick={() => void save()}>
          {t('meetings.participants.save')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('meetings.participants.cancel')}</Button>
      </div>
    </div>
  );
}

function AddItemForm({ meeting, onAdded }: { meeting: Meeting; onAdded(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const dossiers = useCoreQuery('dossier.list', { limit: 500, sort: 'number', direction: 'desc' });
  const signals = useCoreQuery('signal.list', { inDossier: false, limit: 500 });
  const [dossierId, setDossierId] = useState('');
  const [signalId, setSignalId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onAgenda = new Set(meeting.items.map((item) => item.dossier?.id).filter(Boolean));

  async function add(input: { dossierId: number } | { signalId: number }) {
    const result = await callCore('meeting.addItem', { meetingId: meeting.id, ...input });
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    setError(null);
    setDossierId('');
    setSignalId('');
    onAdded();
  }

  return (
    <div className="app-meetings-add">
      <div className="app-meetings-add__row">
        <SelectField
          label={t('meetings.meeting.addDossier')}
          emptyLabel={t('meetings.meeting.chooseDossier')}
          options={(dossiers.data?.items ?? [])
            .filter((dossier) => !onAgenda.has(dossier.id))
            .map((dossier) => ({ value: String(dossier.id), label: `${dossier.number} ${dossier.title}` }))}
          value={dossierId}
          onChange={(event) => setDossierId(event.target.value)}
        />
        <Button disabled={dossierId === ''} onClick={() => void add({ dossierId: Number(dossierId) })}>
          {t('meetings.meeting.add')}
        </Button>
      </div>
      <div className="app-meetings-add__row">
        <SelectField
          label={t('meetings.meeting.addSignal')}
          emptyLabel={t('meetings.meeting.chooseSignal')}
          options={(signals.data?.items ?? []).map((signal) => ({ value: String(signal.id), label: signal.summary }))}
          value={signalId}
          onChange={(event) => setSignalId(event.target.value)}
        />
        <Button disabled={signalId === ''} onClick={() => void add({ signalId: Number(signalId) })}>
          {t('meetings.meeting.add')}
        </Button>
      </div>
      {error && <Alert type="error">{error}</Alert>}
    </div>
  );
}
