import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { TextField } from './TextField';

/** Crockford base32 reads I and L as 1 and O as 0; the check accepts what the core would accept. */
function normaliseGroup(text: string): string {
  return text.trim().toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
}

interface RecoveryKeyConfirmationProps {
  recoveryKey: string;
  /** The heading level that fits where the form stands (2 on its own screen, 3 inside a settings card). */
  headingLevel: 2 | 3;
  submitLabel: string;
  className?: string;
  onConfirmed(): void;
}

/** Proof that the key was kept: its last group, typed back. Not printed. */
export function RecoveryKeyConfirmation({ recoveryKey, headingLevel, submitLabel, className, onConfirmed }: RecoveryKeyConfirmationProps) {
  const { t } = useTranslation();
  const [typedGroup, setTypedGroup] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const lastGroup = recoveryKey.split('-').pop() ?? '';
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  function confirm(event: FormEvent) {
    event.preventDefault();
    if (normaliseGroup(typedGroup) !== normaliseGroup(lastGroup)) {
      setMismatch(true);
      return;
    }
    onConfirmed();
  }

  return (
    <form className={['app-form', 'app-no-print', className ?? ''].filter(Boolean).join(' ')} onSubmit={confirm} noValidate>
      <Heading className={`utrecht-heading-${headingLevel}`}>{t('recoveryKey.confirmTitle')}</Heading>
      <TextField
        label={t('recoveryKey.confirmLabel')}
        description={t('recoveryKey.confirmDescription')}
        error={mismatch ? t('recoveryKey.confirmMismatch') : null}
        value={typedGroup}
        onChange={(event) => {
          setTypedGroup(event.target.value);
          setMismatch(false);
        }}
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="characters"
        maxLength={10}
        inputClassName="app-textbox--short app-textbox--monospace"
      />
      <Button type="submit" appearance="primary">
        {submitLabel}
      </Button>
    </form>
  );
}
