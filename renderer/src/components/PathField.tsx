import { useRef, useState, type ComponentProps, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { FileChoicePurpose } from '../../../shared/api';
import { fileChooser } from '../core-client';
import { Button } from './Button';
import { TextField } from './TextField';

interface PathFieldProps extends Omit<ComponentProps<typeof TextField>, 'value' | 'onChange' | 'inline' | 'inputRef'> {
  /** What the path is for: decides the kind of native dialog (save or open) and its title. */
  purpose: FileChoicePurpose;
  value: string;
  onValueChange(value: string): void;
  inputRef?: RefObject<HTMLInputElement | null>;
}

/**
 * A file path field. In the desktop app a "Browse…" button beside it opens the operating system's
 * file dialog; in the browser host there is no such dialog, so it stays a plain text field. The
 * field is always typeable: the button is a shortcut, not the only way in.
 */
export function PathField({ purpose, value, onValueChange, inputRef, ...props }: PathFieldProps) {
  const { t } = useTranslation();
  // The bridge is connected before the first render and never changes.
  const [chooser] = useState(() => fileChooser(purpose));
  const ownRef = useRef<HTMLInputElement>(null);
  const fieldRef = inputRef ?? ownRef;
  const [choosing, setChoosing] = useState(false);

  async function browse() {
    if (!chooser || choosing) return;
    setChoosing(true);
    const chosen = await chooser(value);
    setChoosing(false);
    // Cancelled: the focus simply returns to the button that opened the dialog.
    if (chosen === null) return;
    // Render the new path first, so that the focus lands in the filled field with the file name in view.
    flushSync(() => onValueChange(chosen));
    const field = fieldRef.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }

  return (
    <TextField
      {...props}
      value={value}
      onChange={(event) => onValueChange(event.target.value)}
      inputRef={fieldRef}
      autoComplete="off"
      spellCheck={false}
      inline={
        chooser
          ? ({ labelId }) => (
              // Busy (not disabled) while the dialog is open, so that the focus stays on the button.
              <Button appearance="secondary" className="app-browse-button" aria-describedby={labelId} busy={choosing} spinner={false} onClick={() => void browse()}>
                {t('common.browse')}
              </Button>
            )
          : undefined
      }
    />
  );
}
