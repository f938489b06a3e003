import { useState, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './TextField';

interface PassphraseFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type' | 'onChange'> {
  label: string;
  value: string;
  onValueChange(value: string): void;
  autoComplete: 'current-password' | 'new-password';
  description?: string;
  error?: string | null;
  after?: ReactNode;
  afterId?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/** A passphrase input with a show/hide toggle: long passphrases are easier to type when visible. */
export function PassphraseField({ onValueChange, ...props }: PassphraseFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      spellCheck={false}
      autoCapitalize="off"
      inputClassName="utrecht-textbox--password"
      onChange={(event) => onValueChange(event.target.value)}
      inline={
        <button type="button" className="utrecht-button utrecht-button--subtle app-reveal-button" onClick={() => setVisible(!visible)}>
          {visible ? t('common.hidePassphrase') : t('common.showPassphrase')}
        </button>
      }
    />
  );
}
