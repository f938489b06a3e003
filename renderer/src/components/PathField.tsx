import { useEffect, useRef, useState, type ComponentProps, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ApiError, FileChoicePurpose } from '../../../shared/api';
import { fileChooser } from '../core-client';
import { Button } from './Button';
import { TextField } from './TextField';
import { useErrorText } from './useErrorText';
import { useFieldError } from './useFieldError';

/** Errors of the file system about the chosen path: said beside the path field, like a validation error. */
const PATH_ERROR_CODES = new Set<ApiError['code']>([
  'PERMISSION_DENIED',
  'DISK_FULL',
  'IO_ERROR',
  'NOT_FOUND',
  'FILE_NOT_FOUND',
  'FOLDER_NOT_FOUND',
  'NAME_TOO_LONG',
  'FILE_NOT_REGULAR',
]);

/**
 * The sentence for an error about a save path (`targetPath`): a validation error naming the field
 * (a folder that is the vault's, a name too long…) or a file-system error; null for anything else,
 * which the form says in its general message.
 */
export function useSavePathError(): (error: ApiError | null) => string | null {
  const fieldError = useFieldError();
  const errorText = useErrorText();
  return (error) => {
    if (!error) return null;
    return fieldError.forField(error, 'targetPath') ?? (PATH_ERROR_CODES.has(error.code) ? errorText(error) : null);
  };
}

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
  const error = props.error;

  // An error beside the field is no use below the window: bring the field (and its message) into view.
  useEffect(() => {
    if (error) (fieldRef.current?.closest('.utrecht-form-field') ?? fieldRef.current)?.scrollIntoView({ block: 'nearest' });
  }, [error, fieldRef]);

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
