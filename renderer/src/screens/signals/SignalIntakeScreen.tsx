import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Signal } from '../../../../shared/api/dossier-types';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatDate } from '../../format/date';
import type { Language } from '../../i18n';
import { useNavigation } from '../../store/navigation';
import { emptySignalForm, SignalForm, type SignalFormValues } from './SignalForm';

/**
 * The quick intake at the meldpunt: a new signal in under a minute, by keyboard alone. The first
 * field has the focus (not the heading: the user came here to type). After saving, "Nog een
 * signaal" starts again with the same date and channel, for a batch of reports from one day.
 */
export function SignalIntakeScreen() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'nl';
  const errorText = useErrorText();
  const open = useNavigation((state) => state.open);
  const headingId = useId();
  const phenomena = useCoreQuery('phenomenon.list', {});
  const [saved, setSaved] = useState<Signal | null>(null);
  const [initial, setInitial] = useState<SignalFormValues>(() => emptySignalForm(language));
  const [formKey, setFormKey] = useState(0);
  const savedRef = useRef<HTMLElement>(null);

  // The confirmation replaces the form under the focus: "Nog een signaal" takes it, so Enter starts the next one.
  useEffect(() => {
    if (saved) savedRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [saved]);

  function startAnother() {
    if (!saved) return;
    setInitial(emptySignalForm(language, { receivedOn: initial.receivedOn, howReceived: saved.howReceived }));
    setSaved(null);
    setFormKey((key) => key + 1);
  }

  return (
    <>
      <h1 className="utrecht-heading-1" id={headingId} tabIndex={-1}>
        {t('signals.intake.title')}
      </h1>
      {phenomena.error && <Alert type="error">{errorText(phenomena.error)}</Alert>}
      {saved ? (
        <section className="app-card signals-saved" ref={savedRef}>
          <Alert type="ok">{t('signals.intake.saved', { summary: saved.summary })}</Alert>
          <div className="app-button-row">
            <Button appearance="primary" onClick={startAnother}>
              {t('signals.intake.another')}
            </Button>
            <Button appearance="secondary" onClick={() => open({ section: 'signals', view: 'signal', signalId: saved.id })}>
              {t('signals.intake.toSignal')}
            </Button>
            <Button appearance="subtle" onClick={() => open({ section: 'signals' })}>
              {t('signals.intake.toList')}
            </Button>
          </div>
        </section>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('signals.intake.lead')}</p>
          {/* Without the phenomena (an error is shown above) a signal can still be taken in. */}
          {(phenomena.data || phenomena.error) && (
            <div className="app-card">
              <SignalForm
                key={formKey}
                initial={initial}
                phenomena={phenomena.data ?? []}
                labelledBy={headingId}
                submitLabel={t('signals.form.save')}
                onSubmit={async (fields) => {
                  const result = await callCore('signal.create', fields);
                  if (!result.ok) return result.error;
                  // Remember the date as typed, for "Nog een signaal".
                  if (fields.receivedOn) setInitial((current) => ({ ...current, receivedOn: formatDate(fields.receivedOn!, language) }));
                  setSaved(result.value);
                  return null;
                }}
              />
            </div>
          )}
        </>
      )}
    </>
  );
}
