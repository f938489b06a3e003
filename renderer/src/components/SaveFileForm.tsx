import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Result } from '../../../shared/api';
import type { FileChoicePurpose } from '../../../shared/api/file-choice';
import { Alert } from './Alert';
import { Button } from './Button';
import { PathField, useSavePathError } from './PathField';
import { useErrorText } from './useErrorText';

interface SaveFileFormProps {
  initialPath: string;
  label: string;
  submitLabel: string;
  savedText(path: string): string;
  existsText: string;
  overwriteLabel: string;
  pathRequiredText: string;
  save(path: string, overwrite: boolean): Promise<Result<{ path: string; bytes: number }>>;
  /** What the native file dialog says it is for. */
  purpose?: FileChoicePurpose;
  /** Said while saving takes a while (a PDF takes seconds); announced politely. */
  busyText?: string;
  children?: ReactNode;
}

/** A path and a save button; an existing file is replaced only after a second, explicit press. */
export function SaveFileForm({
  initialPath,
  label,
  submitLabel,
  savedText,
  existsText,
  overwriteLabel,
  pathRequiredText,
  save,
  purpose = 'report-export',
  busyText,
  children,
}: SaveFileFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const savePathError = useSavePathError();
  const [target, setTarget] = useState(initialPath);
  const [busy, setBusy] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [exists, setExists] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function run(overwrite: boolean) {
    setBusy(true);
    setSaved(null);
    setError(null);
    const result = await save(target.trim(), overwrite);
    setBusy(false);
    setExists(false);
    if (result.ok) setSaved(result.value.path);
    else if (result.error.code === 'FILE_EXISTS' && !overwrite) setExists(true);
    else setError(result.error);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (busy || target.trim() === '') return;
    void run(false);
  }

  return (
    <form className="app-form app-report-save" onSubmit={submit} noValidate aria-busy={busy}>
      {children}
      <PathField
        purpose={purpose}
        label={label}
        value={target}
        description={t('common.saveAsHint')}
        error={attempted && target.trim() === '' ? pathRequiredText : savePathError(error)}
        onValueChange={(value) => {
          setTarget(value);
          setExists(false);
          if (savePathError(error)) setError(null);
        }}
      />
      {/* An error about the path is said beside the field; anything else here. */}
      {error && !savePathError(error) && <Alert type="error">{errorText(error)}</Alert>}
      <div role="status" className="app-report-save__status">
        {busy && busyText && <p className="utrecht-paragraph app-muted">{busyText}</p>}
        {saved && <Alert type="ok">{savedText(saved)}</Alert>}
      </div>
      {exists && <Alert type="warning">{existsText}</Alert>}
      <div className="app-button-row">
        <Button type="submit" appearance="secondary" busy={busy}>
          {submitLabel}
        </Button>
        {exists && (
          <>
            <Button appearance="primary" onClick={() => void run(true)} disabled={busy}>
              {overwriteLabel}
            </Button>
            <Button appearance="subtle" onClick={() => setExists(false)} disabled={busy}>
              {t('common.cancel')}
            </Button>
          </>
        )}
      </div>
    </form>
  );
}
