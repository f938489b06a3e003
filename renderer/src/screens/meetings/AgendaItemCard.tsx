import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_OUTCOMES, type ItemOutcome, type Meeting, type MeetingItem } from '../../../../shared/api';
import {
  INFORMATION_GRADES,
  PARTNERS,
  SOURCE_GRADES,
  TLP_CODES,
  UNGRADED,
  type ClosingReason,
  type DossierStatus,
  type InformationGrade,
  type Partner,
  type SourceGrade,
  type TlpCode,
} from '../../../../shared/domain/enums';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DateField, useDateText } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useDomainOptions } from '../../components/useDomainOptions';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { TlpBadge } from '../../components/Weighing';
import { CheckboxField } from '../../components/CheckboxField';

function itemTitle(t: (key: 'meetings.meeting.signalTitle', options: { summary: string }) => string, item: MeetingItem): string {
  return item.dossier ? `${item.dossier.number} ${item.dossier.title}` : t('meetings.meeting.signalTitle', { summary: item.signal!.summary });
}

/** One agenda item: the drafted summary to edit, its place, the outcome, decisions and actions. */
export function AgendaItemCard({ meeting, item, last, onChanged }: { meeting: Meeting; item: MeetingItem; last: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = currentLanguage();
  const headingId = useId();
  const [summary, setSummary] = useState(item.summary);
  const [outcome, setOutcome] = useState<ItemOutcome | ''>(item.outcome ?? '');
  const [recognisedBy, setRecognisedBy] = useState<Partner[]>(item.recognisedBy);
  const [decisions, setDecisions] = useState(item.decisions ?? '');
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [applying, setApplying] = useState(false);
  const title = itemTitle(t, item);

  async function save() {
    const result = await callCore('meeting.updateItem', { itemId: item.id, summary, outcome: outcome || null, recognisedBy, decisions: decisions.trim() || null });
    if (result.ok) {
      setMessage({ type: 'ok', text: t('meetings.meeting.saved', { position: item.position }) });
      onChanged();
    } else setMessage({ type: 'error', text: errorText(result.error) });
  }

  async function move(position: number) {
    const result = await callCore('meeting.updateItem', { itemId: item.id, position });
    if (result.ok) onChanged();
  }

  async function remove() {
    const result = await callCore('meeting.removeItem', { itemId: item.id });
    if (result.ok) onChanged();
  }

  return (
    <article className="app-card app-meetings-item" aria-labelledby={headingId}>
      <div className="app-meetings-item__header">
        <h3 className="utrecht-heading-3" id={headingId}>
          {t('meetings.meeting.item', { position: item.position, title })}{' '}
          <span title={t('meetings.meeting.itemCode')}>
            <TlpBadge tlp={item.code} />
          </span>
        </h3>
        <div className="app-meetings-item__moves">
          <Button appearance="subtle" disabled={item.position === 1} aria-label={t('meetings.meeting.up', { title })} onClick={() => void move(item.position - 1)}>
            ↑
          </Button>
          <Button appearance="subtle" disabled={last} aria-label={t('meetings.meeting.down', { title })} onClick={() => void move(item.position + 1)}>
            ↓
          </Button>
          <Button appearance="subtle" aria-label={t('meetings.meeting.remove', { title })} onClick={() => void remove()}>
            ✕
          </Button>
        </div>
      </div>
      <TextAreaField
        label={t('meetings.meeting.summary')}
        value={summary}
        rows={Math.min(16, Math.max(4, summary.split('\n').length + 1))}
        spellCheck={false}
        onChange={(event) => setSummary(event.target.value)}
      />
      <div className="app-meetings-item__outcome">
        <SelectField
          label={t('meetings.meeting.outcome')}
          emptyLabel={t('meetings.meeting.noOutcome')}
          options={ITEM_OUTCOMES.map((value) => ({ value, label: t(`meetings.outcomes.${value}`) }))}
          value={outcome}
          onChange={(event) => setOutcome(event.target.value as ItemOutcome | '')}
        />
        {outcome === 'herkend' && (
          <fieldset className="app-meetings-partners">
            <legend className="utrecht-form-label">{t('meetings.meeting.recognisedBy')}</legend>
            {PARTNERS.map((partner) => (
              <label key={partner} className="app-meetings-partners__option">
                <input
                  type="checkbox"
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                  checked={recognisedBy.includes(partner)}
                  onChange={(event) => setRecognisedBy((previous) => (event.target.checked ? [...previous, partner] : previous.filter((value) => value !== partner)))}
                />{' '}
                {t(`domain.partner.${partner}`)}
              </label>
            ))}
          </fieldset>
        )}
      </div>
      <TextAreaField label={t('meetings.meeting.decisions')} value={decisions} rows={3} onChange={(event) => setDecisions(event.target.value)} />
      {message && <Alert type={message.type}>{message.text}</Alert>}
      <div className="app-document-actions">
        <Button appearance="primary" onClick={() => void save()}>
          {t('meetings.meeting.save')}
        </Button>
        {item.dossier && !item.appliedAt && (
          <Button disabled={!item.outcome} onClick={() => setApplying(true)}>
            {t('meetings.meeting.apply')}
          </Button>
        )}
        {item.appliedAt && <span>{t('meetings.meeting.applied', { date: formatDate(item.appliedAt, language) })}</span>}
      </div>
      <ItemActions item={item} onChanged={onChanged} />
      {applying && item.dossier && (
        <ApplyOutcomeDialog
          meeting={meeting}
          item={item}
          onClose={() => setApplying(false)}
          onApplied={() => {
            setApplying(false);
            onChanged();
          }}
        />
      )}
    </article>
  );
}

function ItemActions({ item, onChanged }: { item: MeetingItem; onChanged(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = currentLanguage();
  const options = useDomainOptions();
  const dates = useDateText();
  const [who, setWho] = useState('');
  const [what, setWhat] = useState('');
  const [due, setDue] = useState('');
  const [partner, setPartner] = useState<Partner | ''>('');
  const [error, setError] = useState<string | null>(null);

  async function add() {
    const parsed = dates.parse(due);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    const result = await callCore('meeting.addAction', { itemId: item.id, who, what, dueOn: parsed.value, partner: partner || null });
    if (!result.ok) {
      setError(errorText(result.error));
      return;
    }
    setError(null);
    setWho('');
    setWhat('');
    setDue('');
    setPartner('');
    onChanged();
  }

  return (
    <div className="app-meetings-actions">
      {item.actions.length > 0 && (
        <ul className="app-meetings-actions__list">
          {item.actions.map((action) => (
            <li key={action.id}>
              <strong>{action.who}</strong>: {action.what}
              {action.dueOn && ` — ${formatDate(action.dueOn, language)}`}
              {action.partner && ` (${t(`domain.partner.${action.partner}`)})`}
              {action.doneOn && ` ✓ ${t('meetings.actions.done')}`}
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>{t('meetings.actions.add')}</summary>
        <div className="app-meetings-actions__form">
          <TextField label={t('meetings.actions.who')} value={who} maxLength={200} onChange={(event) => setWho(event.target.value)} />
          <TextField label={t('meetings.actions.what')} value={what} maxLength={2000} onChange={(event) => setWhat(event.target.value)} />
          <DateField label={t('meetings.actions.due')} value={due} onChange={setDue} />
          <SelectField
            label={t('meetings.actions.partner')}
            emptyLabel="—"
            options={options.partners}
            value={partner}
            onChange={(event) => setPartner(event.target.value as Partner | '')}
          />
        </div>
        {error && <Alert type="error">{error}</Alert>}
        <Button disabled={who.trim() === '' || what.trim() === ''} onClick={() => void add()}>
          {t('meetings.actions.add')}
        </Button>
      </details>
    </div>
  );
}

/** What will be written into the dossier, shown before it is: a status (optional) and a journal note. */
function ApplyOutcomeDialog({ meeting, item, onClose, onApplied }: { meeting: Meeting; item: MeetingItem; onClose(): void; onApplied(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = currentLanguage();
  const options = useDomainOptions();
  const dossier = useCoreQuery('dossier.get', { dossierId: item.dossier!.id });
  const outcomeText = [
    item.outcome ? t(`meetings.outcomes.${item.outcome}`) : '',
    item.recognisedBy.map((partner) => t(`domain.partner.${partner}`)).join(', '),
    item.decisions ?? '',
  ]
    .filter(Boolean)
    .join(' — ')
    .replace(/[.\s]+$/, '');
  const [status, setStatus] = useState<DossierStatus | ''>('');
  const [closingReason, setClosingReason] = useState<ClosingReason | ''>('');
  const [note, setNote] = useState(t('meetings.apply.noteDefault', { meeting: meeting.title, date: formatDate(meeting.heldOn, language), outcome: outcomeText }));
  const [sourceGrade, setSourceGrade] = useState<SourceGrade>(UNGRADED.sourceGrade);
  const [informationGrade, setInformationGrade] = useState<InformationGrade>(UNGRADED.informationGrade);
  const [tlp, setTlp] = useState<TlpCode>(item.code);
  const [internal, setInternal] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (!status && note.trim() === '') {
      setError(t('meetings.apply.nothing'));
      return;
    }
    setBusy(true);
    const result = await callCore('meeting.applyOutcome', {
      itemId: item.id,
      statusTo: status || undefined,
      closingReason: status === 'afgesloten' && closingReason ? closingReason : undefined,
      note: note.trim() || null,
      sourceGrade,
      informationGrade,
      tlp,
      internal,
    });
    setBusy(false);
    if (result.ok) onApplied();
    else setError(errorText(result.error));
  }

  return (
    <Dialog title={t('meetings.apply.title', { number: item.dossier!.number })} onClose={onClose}>
      <p className="utrecht-paragraph">{t('meetings.apply.lead')}</p>
      {dossier.data && (
        <SelectField
          label={t('meetings.apply.status')}
          emptyLabel={t('meetings.apply.keepStatus', { status: t(`domain.status.${dossier.data.status}`) })}
          options={options.statuses(dossier.data.nextStatuses)}
          value={status}
          onChange={(event) => setStatus(event.target.value as DossierStatus | '')}
        />
      )}
      {status === 'afgesloten' && (
        <SelectField
          label={t('meetings.apply.closingReason')}
          emptyLabel="—"
          options={options.closingReasons}
          value={closingReason}
          onChange={(event) => setClosingReason(event.target.value as ClosingReason | '')}
        />
      )}
      <TextAreaField label={t('meetings.apply.note')} value={note} rows={4} onChange={(event) => setNote(event.target.value)} />
      <fieldset className="app-meetings-weighing">
        <legend className="utrecht-form-label">{t('meetings.apply.weighing')}</legend>
        <p className="utrecht-paragraph app-document-hint">{t('meetings.apply.weighingHint')}</p>
        <div className="app-meetings-form__row">
          <SelectField
            label={t('meetings.apply.sourceGrade')}
            options={SOURCE_GRADES.map((value) => ({ value, label: value }))}
            value={sourceGrade}
            onChange={(event) => setSourceGrade(event.target.value as SourceGrade)}
          />
          <SelectField
            label={t('meetings.apply.informationGrade')}
            options={INFORMATION_GRADES.map((value) => ({ value: String(value), label: String(value) }))}
            value={String(informationGrade)}
            onChange={(event) => setInformationGrade(Number(event.target.value) as InformationGrade)}
          />
          <SelectField
            label={t('meetings.apply.tlp')}
            options={TLP_CODES.map((value) => ({ value, label: `TLP:${value}` }))}
            value={tlp}
            onChange={(event) => setTlp(event.target.value as TlpCode)}
          />
        </div>
        <CheckboxField label={t('meetings.apply.internal')} checked={internal} onChange={(event) => setInternal(event.target.checked)} />
      </fieldset>
      {error && <Alert type="error">{error}</Alert>}
      <div className="app-document-actions">
        <Button appearance="primary" busy={busy} onClick={() => void confirm()}>
          {t('meetings.apply.confirm')}
        </Button>
        <Button onClick={onClose}>{t('meetings.apply.cancel')}</Button>
      </div>
    </Dialog>
  );
}
