import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentComparison } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Section } from '../../components/Section';
import { SelectField } from '../../components/SelectField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';

/** Two versions side by side in time: per changed section its lines, removed (struck) and added (marked). */
export function DocumentCompare({ documentId, versions }: { documentId: number; versions: number[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [from, setFrom] = useState(versions[1] ?? versions[0]!);
  const [to, setTo] = useState(versions[0]!);
  const [comparison, setComparison] = useState<DocumentComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = versions.map((version) => ({ value: String(version), label: t('documents.version.heading', { version }) }));

  async function compare() {
    setBusy(true);
    const result = await callCore('document.compare', { documentId, fromVersion: from, toVersion: to });
    setBusy(false);
    if (result.ok) {
      setComparison(result.value);
      setError(null);
    } else setError(errorText(result.error));
  }

  const changed = comparison?.sections.filter((section) => section.changed) ?? [];
  const unchanged = comparison?.sections.filter((section) => !section.changed) ?? [];
  return (
    <Section title={t('documents.compare.title')}>
      <div className="app-document-compare-form">
        <SelectField label={t('documents.compare.from')} options={options} value={String(from)} onChange={(event) => setFrom(Number(event.target.value))} />
        <SelectField label={t('documents.compare.to')} options={options} value={String(to)} onChange={(event) => setTo(Number(event.target.value))} />
        <Button busy={busy} onClick={() => void compare()}>
          {t('documents.compare.submit')}
        </Button>
      </div>
      {error && <Alert type="error">{error}</Alert>}
      {comparison && (
        <div className="app-document-diff" aria-live="polite">
          <h3 className="utrecht-heading-3">{t('documents.compare.result', { from: comparison.fromVersion, to: comparison.toVersion })}</h3>
          {comparison.tlpChanged && <p className="utrecht-paragraph">{t('documents.compare.tlp', comparison.tlpChanged)}</p>}
          {changed.length === 0 && !comparison.tlpChanged && <p className="utrecht-paragraph">{t('documents.compare.none')}</p>}
          {changed.map((section) => (
            <div key={section.section} className="app-document-diff__section">
              <h4 className="utrecht-heading-4">{t(`documents.sections.${section.section}`)}</h4>
              <div className="app-document-diff__lines">
                {section.lines.map((line, index) =>
                  line.kind === 'added' ? (
                    <ins key={index} className="app-document-diff__line app-document-diff__line--added">
                      <span className="app-visually-hidden">{t('documents.compare.added')}: </span>
                      <span aria-hidden="true">+ </span>
                      {line.text || '\u00a0'}
                    </ins>
                  ) : line.kind === 'removed' ? (
                    <del key={index} className="app-document-diff__line app-document-diff__line--removed">
                      <span className="app-visually-hidden">{t('documents.compare.removed')}: </span>
                      <span aria-hidden="true">− </span>
                      {line.text || '\u00a0'}
                    </del>
                  ) : (
                    <span key={index} className="app-document-diff__line">
                      <span aria-hidden="true">{'  '}</span>
                      {line.text || '\u00a0'}
                    </span>
                  ),
                )}
              </div>
            </div>
          ))}
          {changed.length > 0 && unchanged.length > 0 && (
            <p className="utrecht-paragraph app-document-hint">
              {t('documents.compare.unchangedSections', { sections: unchanged.map((section) => t(`documents.sections.${section.section}`)).join(', ') })}
            </p>
          )}
        </div>
      )}
    </Section>
  );
}
