import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Result } from '../../../shared/api';
import { Alert } from './Alert';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { useErrorText } from './useErrorText';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in words. */
  children: ReactNode;
  confirmLabel: string;
  /** What the confirm button says while the call runs (the button's default otherwise). */
  busyLabel?: string;
  /** The core call behind the confirmation; its error stays in the dialog. */
  onConfirm(): Promise<Result<unknown>>;
  onDone(): void;
  onClose(): void;
}

/**
 * "Are you sure?" for a change that cannot simply be taken back: the safe answer (cancel) has the
 * focus, the confirmation shows it is busy, and a refusal from the core is said in the dialog.
 */
export function ConfirmDialog({ title, children, confirmLabel, busyLabel, onConfirm, onDone, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    const answer = await onConfirm();
    setBusy(false);
    if (answer.ok) onDone();
    else setError(answer.error);
  }
  return (
    <Dialog title={title} onClose={onClose}>
      {children}
      {error && <Alert type="error">{errorText(error)}</Alert>}
      <div className="app-button-row">
        <Button appearance="primary" busy={busy} busyLabel={busyLabel} onClick={() => void confirm()}>
          {confirmLabel}
        </Button>
        <Button appearance="secondary" onClick={onClose} data-autofocus>
          {t('common.cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
