import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/api';
import { scorePassphrase } from '../../../shared/passphrase-strength';

interface StrengthMeterProps {
  id: string;
  passphrase: string;
}

const SEGMENTS = [1, 2, 3, 4] as const;

/** Four bars and a word for the level, plus advice; the bars are decoration, the text carries it. */
export function StrengthMeter({ id, passphrase }: StrengthMeterProps) {
  const { t } = useTranslation();
  const strength = scorePassphrase(passphrase);
  if (passphrase.length === 0) return <div id={id} className="app-strength" />;
  return (
    <div id={id} className={`app-strength app-strength--level-${strength.level}`}>
      <div className="app-strength__bars" aria-hidden="true">
        {SEGMENTS.map((segment) => (
          <span key={segment} className={`app-strength__bar${segment <= strength.level ? ' app-strength__bar--filled' : ''}`} />
        ))}
      </div>
      <p className="utrecht-paragraph app-strength__label" aria-live="polite">
        {t('passphraseStrength.label', { level: t(`passphraseStrength.level${strength.level}`) })}
      </p>
      {strength.hints.length > 0 && (
        <ul className="utrecht-unordered-list app-strength__hints">
          {strength.hints.map((hint) => (
            <li key={hint} className="utrecht-unordered-list__item">
              {t(`passphraseStrength.hints.${hint}`, { minimumLength: PASSPHRASE_MIN_LENGTH })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
