import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/api';
import { PassphraseField } from './PassphraseField';
import { StrengthMeter } from './StrengthMeter';

export interface NewPassphraseValue {
  passphrase: string;
  repeat: string;
}

export type NewPassphraseProblem = 'tooShort' | 'mismatch' | null;

/** The minimum length is the one hard rule (the core checks it too); the meter only advises. */
export function checkNewPassphrase({ passphrase, repeat }: NewPassphraseValue): { passphrase: NewPassphraseProblem; repeat: NewPassphraseProblem } {
  return {
    passphrase: [...passphrase].length < PASSPHRASE_MIN_LENGTH ? 'tooShort' : null,
    repeat: passphrase !== repeat ? 'mismatch' : null,
  };
}

interface NewPassphraseFieldsProps {
  value: NewPassphraseValue;
  onChange(value: NewPassphraseValue): void;
  /** Show the problems only after a submit attempt, not while the user is still typing. */
  showProblems: boolean;
  label: string;
  repeatLabel: string;
}

export function NewPassphraseFields({ value, onChange, showProblems, label, repeatLabel }: NewPassphraseFieldsProps) {
  const { t } = useTranslation();
  const meterId = useId();
  const problems = checkNewPassphrase(value);
  const messageFor = (problem: NewPassphraseProblem) =>
    showProblems && problem ? t(problem === 'tooShort' ? 'create.tooShort' : 'create.mismatch', { minimumLength: PASSPHRASE_MIN_LENGTH }) : null;
  return (
    <>
      <PassphraseField
        label={label}
        description={t('create.passphraseDescription', { minimumLength: PASSPHRASE_MIN_LENGTH })}
        autoComplete="new-password"
        value={value.passphrase}
        onValueChange={(passphrase) => onChange({ ...value, passphrase })}
        error={messageFor(problems.passphrase)}
        aria-required
        afterId={meterId}
        after={<StrengthMeter id={meterId} passphrase={value.passphrase} />}
      />
      <PassphraseField
        label={repeatLabel}
        autoComplete="new-password"
        value={value.repeat}
        onValueChange={(repeat) => onChange({ ...value, repeat })}
        error={messageFor(problems.repeat)}
        aria-required
      />
    </>
  );
}
