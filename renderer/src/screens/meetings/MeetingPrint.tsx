import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input, Meeting, MeetingOutput } from '../../../../shared/api';
import type { Audience, FactRef, SharingOverride } from '../../../../shared/domain/sharing';
import { withheldLines } from '../../../../shared/i18n/sharing';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { PathField, useSavePathError } from '../../components/PathField';
import { suggestedFileNames } from '../../../../shared/domain/file-names';
import { besideVault } from '../../format/path';
import { useSession } from '../../store/session';
import type { ApiError } from '../../../../shared/api';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { TlpBadge } from '../../components/Weighing';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { OrganisationSelect } from './ParticipantsField';

type Part = 'agenda' | 'verslag';
type AudienceMode = 'participants' | 'internal' | 'organisation';

const refKey = (ref: FactRef) => `${ref.kind}:${ref.id}`;

/**
 * The print preview of the agenda or verslag, decided by the core for an audience (default: the
 * participants): its marking, what was left out and why, and the items as they go. From here the
 * user prints it or writes it as PDF, exactly as previewed, and may let chosen items through with
 * a reason. Every print and PDF goes into the disclosure register.
 */
export function MeetingPrint({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const language = currentLanguage();
  const [part, setPart] = useState<Part>('agenda');
  const [mode, setMode] = useState<AudienceMode>(meeting.participants.length > 0 ? 'participants' : 'internal');
  const [organisation, setOrganisation] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [override, setOverride] = useState<SharingOverride | undefined>(undefined);
  const savePathError = useSavePathError();
  const vaultPath = useSession((state) => state.status.path);
  const suggestedPath = (which: Part) => besideVault(vaultPath, suggestedFileNames(currentLanguage()).meeting(meeting.heldOn, which));
  const [targetPath, setTargetPath] = useState(() => suggestedPath('agenda'));
  const [pathError, setPathError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'pdf' | 'print' | null>(null);
  const [occupied, setOccupied] = useState(false);
  const [missing, setMissing] = useState(false);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  const audience: Audience | undefined =
    mode === 'internal'
      ? { kind: 'internal' }
      : mode === 'organisation'
        ? organisation
          ? { kind: 'recipients', members: [{ organisation, person: null, verified: false }] }
          : undefined
        : undefined;
  const choice: Input<'meeting.preview'> = { meetingId: meeting.id, part, ...(audience ? { audience } : {}), ...(override ? { override } : {}) };
  const ready = mode !== 'organisation' || organisation !== '';
  const preview = useCoreQuery('meeting.preview', ready ? choice : null);
  // The meeting changed (items, participants): ask again.
  const { reload } = preview;
  const meetingKey = JSON.stringify(meeting);
  useEffect(() => reload(), [meetingKey, reload]);
  const output = preview.data;

  function applyOverride() {
    if (chosen.length === 0) {
      setOverride(undefined);
      return;
    }
    if (reason.trim().length < 3) {
      setReasonError(t('meetings.preview.overrideShort'));
      return;
    }
    setReasonError(null);
    const items = output?.summary.withheld.filter((fact) => chosen.includes(refKey(fact.ref))).map((fact) => fact.ref) ?? [];
    setOverride({ reason: reason.trim(), items });
  }

  async function writePdf(overwrite = false) {
    if (targetPath.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy('pdf');
    setMessage(null);
    setPathError(null);
    const result = await callCore('meeting.exportPdf', { ...choice, targetPath: targetPath.trim(), overwrite });
    setBusy(null);
    if (result.ok) {
      setOccupied(false);
      setMessage({ type: 'ok', text: t('meetings.print.written', { part: t(`meetings.print.partName.${part}`), path: result.value.path }) });
    } else if (result.error.code === 'FILE_EXISTS') setOccupied(true);
    else if (savePathError(result.error)) setPathError(result.error);
    else setMessage({ type: 'error', text: errorText(result.error) });
  }

  async function print() {
    setBusy('print');
    setMessage(null);
    window.print();
    const result = await callCore('meeting.printed', choice);
    setBusy(null);
    setMessage(
      result.ok ? { type: 'ok', text: t('meetings.preview.printed', { part: t(`meetings.print.partName.${part}`) }) } : { type: 'error', text: errorText(result.error) },
    );
  }

  return (
    <Section title={t('meetings.preview.title')}>
      <p className="utrecht-paragraph app-document-hint">{t('meetings.preview.lead')}</p>
      <div className="app-meetings-form__row">
        <SelectField
          label={t('meetings.preview.part')}
          options={(['agenda', 'verslag'] as const).map((value) => ({ value, label: t(`meetings.print.partName.${value}`) }))}
          value={part}
          onChange={(event) => {
            const next = event.target.value as Part;
            // The suggested name follows the part, unless the user typed another.
            if (targetPath === suggestedPath(part)) setTargetPath(suggestedPath(next));
            setPart(next);
          }}
        />
        <SelectField
          label={t('meetings.preview.audience')}
          options={(['participants', 'internal', 'organisation'] as const).map((value) => ({
            value,
            label: t(`meetings.preview.audience${value[0]!.toUpperCase()}${value.slice(1)}` as 'meetings.preview.audienceInternal'),
          }))}
          value={mode}
          onChange={(event) => {
            setMode(event.target.value as AudienceMode);
            setOverride(undefined);
            setChosen([]);
          }}
        />
        {mode === 'organisation' && (
          <OrganisationSelect
            label={t('meetings.preview.organisation')}
            emptyLabel={t('meetings.participants.chooseOrganisation')}
            value={organisation}
            onChange={setOrganisation}
          />
        )}
      </div>
      {preview.error && <Alert type="error">{errorText(preview.error)}</Alert>}
      {output && (
        <>
          <dl className="app-dossier-facts">
            <div>
              <dt>{t('meetings.preview.marking')}</dt>
              <dd>
                <TlpBadge tlp={output.marking} />
              </dd>
            </div>
            <div>
              <dt>{t('meetings.preview.audience')}</dt>
              <dd>{output.audience.kind === 'internal' ? t('meetings.preview.internal') : output.audienceText}</dd>
            </div>
          </dl>
          <NotIncluded output={output} language={language} />
          {output.summary.withheld.length > 0 && (
            <details className="app-meetings-override">
              <summary>{t('meetings.preview.withheldList')}</summary>
              {output.summary.withheld.map((fact) => (
                <CheckboxField
                  key={refKey(fact.ref)}
                  label={t('meetings.preview.overrideChoose', { label: `${fact.label} (TLP:${fact.tlp})` })}
                  checked={chosen.includes(refKey(fact.ref))}
                  onChange={(event) => setChosen((previous) => (event.target.checked ? [...previous, refKey(fact.ref)] : previous.filter((key) => key !== refKey(fact.ref))))}
                />
              ))}
              <TextField
                label={t('meetings.preview.overrideReason')}
                description={t('meetings.preview.overrideHint')}
                value={reason}
                maxLength={500}
                error={reasonError}
                onChange={(event) => setReason(event.target.value)}
              />
              <Button onClick={applyOverride}>{t('meetings.preview.overrideApply')}</Button>
            </details>
          )}
          <PreviewItems output={output} />
          <div className="app-document-actions">
            <Button busy={busy === 'print'} onClick={() => void print()}>
              {t('meetings.preview.print')}
            </Button>
          </div>
          <PathField
            purpose="document-export"
            label={t('meetings.print.path')}
            description={t('common.saveAsHint')}
            value={targetPath}
            error={missing ? t('meetings.print.pathRequired') : savePathError(pathError)}
            onValueChange={(value) => {
              setTargetPath(value);
              setOccupied(false);
              setPathError(null);
            }}
          />
          <p className="utrecht-paragraph app-document-hint">{t('meetings.print.lead')}</p>
          <div className="app-document-actions">
            <Button appearance="primary" busy={busy === 'pdf'} onClick={() => void writePdf()}>
              {t(`meetings.print.${part}`)}
            </Button>
          </div>
          {occupied && (
            <Alert type="warning">
              {t('meetings.print.exists', { path: targetPath.trim() })} <Button onClick={() => void writePdf(true)}>{t('meetings.print.overwrite')}</Button>
            </Alert>
          )}
          {message && <Alert type={message.type}>{message.text}</Alert>}
          <PrintArea output={output} date={formatDate(output.heldOn, language)} />
        </>
      )}
    </Section>
  );
}

/** What was left out and why, in the UI's language; the same sentences the printed document carries in Dutch. */
function NotIncluded({ output, language }: { output: MeetingOutput; language: 'nl' | 'en' }) {
  const { t } = useTranslation();
  const lines = [...withheldLines(output.summary, language), ...(output.itemsLeftOut > 0 ? [t('meetings.preview.itemsLeftOut', { count: output.itemsLeftOut })] : [])];
  return (
    <div className="app-meetings-not-included" role="note" aria-label={t('meetings.preview.notIncluded')}>
      <h3 className="utrecht-heading-3">{t('meetings.preview.notIncluded')}</h3>
      {lines.length === 0 ? (
        <p className="utrecht-paragraph">{t('meetings.preview.nothingLeftOut')}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PreviewItems({ output }: { output: MeetingOutput }) {
  const { t } = useTranslation();
  return (
    <div className="app-meetings-preview">
      <h3 className="utrecht-heading-3">{t('meetings.preview.items')}</h3>
      {output.items.length === 0 && <p className="utrecht-paragraph">{t('meetings.preview.noItems')}</p>}
      <ol className="app-meetings-preview__items">
        {output.items.map((item) => (
          <li key={item.itemId}>
            <h4 className="utrecht-heading-4">
              {item.title} <TlpBadge tlp={item.tlp} />
            </h4>
            <p className="app-meetings-preview__text">{item.summary}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** What the browser prints: the output as previewed, with its marking at the top; hidden on screen (print.css). */
function PrintArea({ output, date }: { output: MeetingOutput; date: string }) {
  const what = output.part === 'agenda' ? 'Agenda' : 'Verslag';
  return (
    <div className="app-print-area app-document-print" aria-hidden="true">
      <p className="app-document-print__marks">
        TLP:{output.marking} · {what} · {output.title} · {date}
      </p>
      <h1>
        {what} {output.title}
      </h1>
      <p>Voor: {output.audience.kind === 'internal' ? 'Intern gebruik' : output.audienceText}</p>
      {output.items.map((item) => (
        <section key={item.itemId}>
          <h2>
            {item.number}. {item.title} (TLP:{item.tlp})
          </h2>
          <p className="app-document-print__text">{item.summary}</p>
          {output.part === 'verslag' && item.decisions && <p className="app-document-print__text">Besluiten: {item.decisions}</p>}
        </section>
      ))}
      {output.notIncluded.length > 0 && (
        <section>
          <h2>Niet opgenomen</h2>
          <ul>
            {output.notIncluded.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      <p className="app-document-print__marks">TLP:{output.marking}</p>
    </div>
  );
}
