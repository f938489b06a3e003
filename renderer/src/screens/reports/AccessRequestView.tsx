import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import type { AccessRequestDisclosure, AccessRequestResult } from '../../../../shared/api/reports';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DateField, useDateText } from '../../components/DateField';
import { SaveFileForm } from '../../components/SaveFileForm';
import { TextField } from '../../components/TextField';
import { TlpBadge } from '../../components/Weighing';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatBytes } from '../../format/bytes';
import { formatDate, formatDateTime } from '../../format/date';
import { besideVault } from '../../format/path';
import { currentLanguage } from '../../i18n';
import { localIsoDate } from '../../../../shared/domain/validation';
import { useNavigation } from '../../store/navigation';
import { useSession } from '../../store/session';
import { auditSentence } from '../../../../shared/i18n/audit-sentences';
import { useFormatCount } from '../../format/count';
import { suggestedFileNames } from '../../../../shared/domain/file-names';

type Translate = (key: string, options?: Record<string, unknown>) => string;

interface Criteria {
  name: string;
  birthDate: string;
  bsn: string;
  postcode: string;
  houseNumber: string;
}

const EMPTY: Criteria = { name: '', birthDate: '', bsn: '', postcode: '', houseNumber: '' };

/** Under each of the person's own facts: to whom the disclosure register says it went, and when. */
function DisclosedTo({ disclosures }: { disclosures: AccessRequestDisclosure[] }) {
  const { t: typedT } = useTranslation();
  const t = typedT as unknown as Translate;
  const language = currentLanguage();
  const list = disclosures
    .map((disclosure) =>
      t('reports.access.disclosure', {
        recipients: disclosure.recipients,
        channel: t(`reports.access.channel.${disclosure.channel}`),
        date: formatDate(disclosure.occurredAt, language),
      }),
    )
    .join('; ');
  return (
    <div className="app-muted" data-testid="access-disclosed-to">
      {disclosures.length === 0 ? t('reports.access.disclosedToNobody') : t('reports.access.disclosedTo', { list })}
    </div>
  );
}

/** Inzageverzoek: everything about one person, printable for the privacy officer, and the handling recorded. */
export function AccessRequestView() {
  const { t: typedT } = useTranslation();
  const t = typedT as unknown as Translate;
  const errorText = useErrorText();
  const [criteria, setCriteria] = useState<Criteria>(EMPTY);
  const [searched, setSearched] = useState<Criteria | null>(null);
  const [result, setResult] = useState<AccessRequestResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const [birthDateProblem, setBirthDateProblem] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const dates = useDateText();
  const set = (field: keyof Criteria) => (event: { target: { value: string } }) => setCriteria((current) => ({ ...current, [field]: event.target.value }));

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(criteria).map(([key, value]) => [key, value.trim()])) as unknown as Criteria;
    const enough = Boolean(trimmed.bsn || trimmed.name || (trimmed.postcode && trimmed.houseNumber));
    setMissing(!enough);
    // Typed as dd-mm-jjjj like every date in the app; the core takes ISO.
    const birthDate = dates.parse(trimmed.birthDate);
    setBirthDateProblem(birthDate.ok ? null : birthDate.message);
    if (!enough || !birthDate.ok) return;
    trimmed.birthDate = birthDate.value ?? '';
    setBusy(true);
    setError(null);
    const input = Object.fromEntries(Object.entries(trimmed).filter(([, value]) => value !== '')) as Partial<Criteria>;
    const answer = await callCore('accessRequest.search', input);
    setBusy(false);
    if (answer.ok) {
      setResult(answer.value);
      setSearched(trimmed);
    } else setError(answer.error);
  }

  return (
    <>
      <p className="utrecht-paragraph app-no-print">{t('reports.access.lead')}</p>
      <form className="app-form app-card app-access-form app-no-print" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <div className="app-access-form__grid">
          <TextField
            label={t('reports.access.name')}
            value={criteria.name}
            onChange={set('name')}
            autoComplete="off"
            error={missing ? t('reports.access.noCriteria') : null}
          />
          <DateField
            label={t('reports.access.birthDate')}
            value={criteria.birthDate}
            onChange={(text) => setCriteria((current) => ({ ...current, birthDate: text }))}
            error={birthDateProblem}
          />
          <TextField label={t('reports.access.bsn')} value={criteria.bsn} onChange={set('bsn')} inputMode="numeric" autoComplete="off" />
          <TextField label={t('reports.access.postcode')} value={criteria.postcode} onChange={set('postcode')} autoComplete="off" />
          <TextField label={t('reports.access.houseNumber')} value={criteria.houseNumber} onChange={set('houseNumber')} autoComplete="off" />
        </div>
        {error && <Alert type="error">{errorText(error)}</Alert>}
        <Button type="submit" appearance="primary" busy={busy}>
          {t('reports.access.search')}
        </Button>
      </form>
      {result && searched && <AccessReport result={result} criteria={searched} />}
    </>
  );
}

function criteriaKinds(criteria: Criteria): Array<'name' | 'birthDate' | 'bsn' | 'address'> {
  const kinds: Array<'name' | 'birthDate' | 'bsn' | 'address'> = [];
  if (criteria.name) kinds.push('name');
  if (criteria.birthDate) kinds.push('birthDate');
  if (criteria.bsn) kinds.push('bsn');
  if (criteria.postcode && criteria.houseNumber) kinds.push('address');
  return kinds;
}

function Part({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const { t } = useTranslation();
  const formatCount = useFormatCount();
  return (
    <section className="app-access-part">
      <h3 className="utrecht-heading-3">
        {title} ({formatCount(count)})
      </h3>
      {count === 0 ? <p className="utrecht-paragraph app-muted">{t('reports.access.none')}</p> : children}
    </section>
  );
}

function Table({ headers, children }: { headers: string[]; children: ReactNode }) {
  return (
    <table className="utrecht-table app-report-table app-access-table">
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          {headers.map((header) => (
            <th className="utrecht-table__header-cell" scope="col" key={header}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="utrecht-table__body">{children}</tbody>
    </table>
  );
}

function AccessReport({ result, criteria }: { result: AccessRequestResult; criteria: Criteria }) {
  const { t: typedT } = useTranslation();
  const t = typedT as unknown as Translate;
  const language = currentLanguage();
  const open = useNavigation((state) => state.open);
  const errorText = useErrorText();
  const [reference, setReference] = useState('');
  const [recorded, setRecorded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const described = [
    criteria.name && `${t('reports.access.name')} ${criteria.name}`,
    criteria.birthDate && `${t('reports.access.birthDate')} ${formatDate(criteria.birthDate, language)}`,
    criteria.bsn && `${t('reports.access.bsn')} ${criteria.bsn}`,
    criteria.postcode && `${t('reports.access.postcode')} ${criteria.postcode} ${criteria.houseNumber}`,
  ]
    .filter(Boolean)
    .join(', ');
  const dossierIds = new Set(result.dossiers.map((dossier) => dossier.id));
  const vaultPath = useSession((state) => state.status.path);
  // The date only: a person's name never goes into a file name.
  const [pdfName] = useState(() => suggestedFileNames(currentLanguage()).accessRequest(localIsoDate(new Date())));
  const searchedInput = Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== '')) as Partial<Criteria>;

  async function record() {
    const answer = await callCore('accessRequest.recordHandled', {
      criteria: criteriaKinds(criteria),
      subjects: result.subjects.length,
      dossiers: dossierIds.size,
      ...(reference.trim() ? { reference: reference.trim() } : {}),
    });
    if (answer.ok) setRecorded(true);
    else setError(answer.error);
  }

  const cell = (content: ReactNode, nowrap = false) => <td className={`utrecht-table__cell${nowrap ? ' app-nowrap' : ''}`}>{content}</td>;

  return (
    <>
      <div className="app-card app-print-area app-access-report" data-testid="access-report">
        <h2 className="utrecht-heading-2">{t('reports.access.reportTitle')}</h2>
        <p className="utrecht-paragraph">{t('reports.access.criteria', { criteria: described })}</p>
        <p className="utrecht-paragraph app-muted">{t('reports.year.generated', { date: formatDate(new Date().toISOString(), language) })}</p>
        {result.subjects.length === 0 && <Alert type="info">{t('reports.access.nothingFound')}</Alert>}
        <Part title={t('reports.access.subjects')} count={result.subjects.length}>
          <Table
            headers={[
              t('reports.access.columns.subject'),
              t('reports.access.columns.kind'),
              t('reports.access.columns.data'),
              t('reports.access.columns.found'),
              t('reports.access.columns.tlp'),
            ]}
          >
            {result.subjects.map((subject) => (
              <tr className="utrecht-table__row" key={subject.id}>
                <th className="utrecht-table__cell" scope="row">
                  {subject.label}
                  {subject.mergedSubjectIds.length > 0 && (
                    <div className="app-muted">{t('reports.access.merged', { count: subject.mergedSubjectIds.length, ids: subject.mergedSubjectIds.join(', #') })}</div>
                  )}
                  <DisclosedTo disclosures={subject.disclosedTo} />
                </th>
                {cell(t(`domain.subjectType.${subject.type}`))}
                {cell(
                  <dl className="app-access-details">
                    {Object.entries(subject.details)
                      .filter(([field, value]) => field !== 'type' && value !== null && value !== undefined && value !== '')
                      .map(([field, value]) => (
                        <div key={field}>
                          <dt>{t(`subjects.fields.${subject.type}.${field}`)}</dt>
                          <dd>{field === 'birthDate' && typeof value === 'string' ? formatDate(value, language) : String(value)}</dd>
                        </div>
                      ))}
                  </dl>,
                )}
                {cell(t(`reports.access.matchedBy.${subject.matchedBy}`))}
                {cell(<TlpBadge tlp={subject.tlp} short />, true)}
              </tr>
            ))}
          </Table>
        </Part>
        <Part title={t('reports.access.links')} count={result.subjectLinks.length}>
          <Table headers={[t('reports.access.columns.from'), t('reports.access.columns.kind'), t('reports.access.columns.to'), t('reports.access.columns.tlp')]}>
            {result.subjectLinks.map((link) => (
              <tr className="utrecht-table__row" key={link.id}>
                {cell(link.fromLabel)}
                {cell(t(`domain.linkKind.${link.kind}`))}
                {cell(
                  <>
                    {link.toLabel}
                    <DisclosedTo disclosures={link.disclosedTo} />
                  </>,
                )}
                {cell(<TlpBadge tlp={link.tlp} short />, true)}
              </tr>
            ))}
          </Table>
        </Part>
        <Part title={t('reports.access.dossiers')} count={result.dossiers.length}>
          <Table
            headers={[
              t('reports.access.columns.number'),
              t('reports.access.columns.title'),
              t('reports.access.columns.status'),
              t('reports.access.columns.role'),
              t('reports.access.columns.subject'),
              t('reports.access.columns.tlp'),
            ]}
          >
            {result.dossiers.map((dossier) => (
              <tr className="utrecht-table__row" key={dossier.linkId} data-testid="access-dossier">
                <th className="utrecht-table__cell app-nowrap" scope="row">
                  <a
                    href="#"
                    className="utrecht-link"
                    onClick={(event) => {
                      event.preventDefault();
                      open({ section: 'dossiers', view: 'dossier', dossierId: dossier.id });
                    }}
                  >
                    {dossier.number}
                  </a>
                </th>
                {cell(dossier.title)}
                {cell(t(`domain.status.${dossier.status}`))}
                {cell(t(`domain.role.${dossier.role}`))}
                {cell(
                  <>
                    {dossier.subjectLabel}
                    <DisclosedTo disclosures={dossier.disclosedTo} />
                  </>,
                )}
                {cell(<TlpBadge tlp={dossier.tlp} short />, true)}
              </tr>
            ))}
          </Table>
        </Part>
        <Part title={t('reports.access.signals')} count={result.signals.length}>
          <Table headers={[t('reports.access.columns.date'), t('reports.access.columns.summary'), t('reports.access.columns.dossier'), t('reports.access.columns.tlp')]}>
            {result.signals.map((signal) => (
              <tr className="utrecht-table__row" key={signal.id}>
                {cell(formatDate(signal.receivedOn, language), true)}
                {cell(
                  <>
                    {signal.summary} <span className="app-muted">({signal.via === 'text' ? t('reports.access.viaText') : t('reports.access.viaDossier')})</span>
                  </>,
                )}
                {cell(signal.dossierNumber ?? '–', true)}
                {cell(<TlpBadge tlp={signal.tlp} short />, true)}
              </tr>
            ))}
          </Table>
        </Part>
        <Part title={t('reports.access.notes')} count={result.notes.length}>
          <Table headers={[t('reports.access.columns.date'), t('reports.access.columns.dossier'), t('reports.access.columns.text'), t('reports.access.columns.tlp')]}>
            {result.notes.map((note) => (
              <tr className="utrecht-table__row" key={note.id}>
                {cell(formatDate(note.notedOn, language), true)}
                {cell(note.dossierNumber, true)}
                {cell(
                  <>
                    {note.body}
                    {note.internal && <span className="app-muted"> ({t('reports.access.internal')})</span>}
                  </>,
                )}
                {cell(<TlpBadge tlp={note.tlp} short />, true)}
              </tr>
            ))}
          </Table>
        </Part>
        <Part title={t('reports.access.attachments')} count={result.attachments.length}>
          <Table headers={[t('reports.access.columns.dossier'), t('reports.access.columns.file'), t('reports.access.columns.size'), t('reports.access.columns.tlp')]}>
            {result.attachments.map((attachment) => (
              <tr className="utrecht-table__row" key={attachment.id}>
                {cell(attachment.dossierNumber, true)}
                {cell(attachment.fileName)}
                {cell(formatBytes(attachment.byteSize, language))}
                {cell(<TlpBadge tlp={attachment.tlp} short />, true)}
              </tr>
            ))}
          </Table>
        </Part>
        <Part title={t('reports.access.audit')} count={result.audit.length}>
          <Table headers={[t('reports.access.columns.when'), t('reports.access.columns.who'), t('reports.access.columns.what')]}>
            {result.audit.map((entry) => (
              <tr className="utrecht-table__row" key={entry.id}>
                {cell(formatDateTime(entry.occurredAt, language), true)}
                {cell(entry.actor)}
                {cell(auditSentence(entry, language))}
              </tr>
            ))}
          </Table>
        </Part>
      </div>
      <div className="app-card app-no-print app-form">
        <div className="app-button-row">
          <Button appearance="secondary" onClick={() => window.print()}>
            {t('reports.access.print')}
          </Button>
        </div>
        <TextField
          label={t('reports.access.reference')}
          description={t('reports.access.referenceDescription')}
          value={reference}
          onChange={(event) => setReference(event.target.value)}
        />
        <section className="app-access-pdf" aria-labelledby="access-pdf-heading">
          <h3 className="utrecht-heading-3" id="access-pdf-heading">
            {t('reports.access.exportPdf')}
          </h3>
          <p className="utrecht-paragraph">{t('reports.access.exportPdfLead')}</p>
          <SaveFileForm
            initialPath={besideVault(vaultPath, pdfName)}
            label={t('reports.access.pdfPath')}
            submitLabel={t('reports.access.pdfSave')}
            busyText={t('reports.access.pdfBusy')}
            savedText={(path) => t('reports.access.pdfSaved', { path })}
            existsText={t('reports.access.pdfExists')}
            overwriteLabel={t('reports.access.pdfOverwrite')}
            pathRequiredText={t('reports.access.pathRequired')}
            save={(targetPath, overwrite) =>
              callCore('accessRequest.exportPdf', { criteria: searchedInput, ...(reference.trim() ? { reference: reference.trim() } : {}), targetPath, overwrite })
            }
          />
        </section>
        {error && <Alert type="error">{errorText(error)}</Alert>}
        {recorded ? (
          <div role="status">
            <Alert type="ok">{t('reports.access.recorded')}</Alert>
          </div>
        ) : (
          <Button appearance="primary" onClick={() => void record()}>
            {t('reports.access.record')}
          </Button>
        )}
      </div>
    </>
  );
}
