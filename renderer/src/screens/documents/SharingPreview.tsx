import { useTranslation } from 'react-i18next';
import type { FactRef, SharingOverride, SharingSummary } from '../../../../shared/domain/sharing';
import { WITHHOLD_REASON_LABELS, withheldLines } from '../../../../shared/i18n/sharing';
import { CheckboxField } from '../../components/CheckboxField';
import { TextField } from '../../components/TextField';
import { TlpBadge } from '../../components/Weighing';
import { currentLanguage } from '../../i18n';

const sameRef = (a: FactRef, b: FactRef) => a.kind === b.kind && a.id === b.id;

/** What the user has chosen to take along despite the regime: the facts, and the reason (at least three characters, as the core asks). */
export interface OverrideChoice {
  items: FactRef[];
  reason: string;
}

export const NO_OVERRIDE: OverrideChoice = { items: [], reason: '' };

/** The override the core takes, or none while nothing is chosen or the reason is too short. */
export function overrideOf(choice: OverrideChoice): SharingOverride | undefined {
  return choice.items.length > 0 && choice.reason.trim().length >= 3 ? { reason: choice.reason.trim(), items: choice.items } : undefined;
}

/**
 * What the sharing regime leaves out of an output for the chosen audience, before anything is
 * printed or written: the marking, each withheld item with its code and reasons, and the choice
 * to take chosen items along anyway with a reason (recorded in the register).
 */
export function SharingPreview({
  summary,
  marking,
  choice,
  onChoice,
}: {
  summary: SharingSummary;
  marking: string;
  choice?: OverrideChoice;
  onChoice?(choice: OverrideChoice): void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const lines = withheldLines(summary, language);
  const items = [...summary.withheld, ...summary.overridden];
  return (
    <div className="app-document-sharing" role="note" aria-label={t('documents.sharing.title')}>
      <p className="utrecht-paragraph">
        {t('documents.sharing.marking')} <TlpBadge tlp={marking as SharingSummary['marking']} />
      </p>
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{t('documents.sharing.nothingWithheld')}</p>
      ) : (
        <>
          <strong>{t('documents.sharing.title')}</strong>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <ul className="app-document-sharing__items">
            {items.map((fact) => {
              const label = (
                <>
                  <TlpBadge tlp={fact.tlp} short /> {fact.label} — {fact.reasons.map((reason) => WITHHOLD_REASON_LABELS[language][reason]).join('; ')}
                </>
              );
              return (
                <li key={`${fact.ref.kind}:${fact.ref.id}`}>
                  {choice && onChoice ? (
                    <CheckboxField
                      label={label}
                      description={t('documents.sharing.overrideItem')}
                      checked={choice.items.some((ref) => sameRef(ref, fact.ref))}
                      onChange={(event) =>
                        onChoice({
                          ...choice,
                          items: event.target.checked ? [...choice.items, fact.ref] : choice.items.filter((ref) => !sameRef(ref, fact.ref)),
                        })
                      }
                    />
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </ul>
          {choice && onChoice && choice.items.length > 0 && (
            <TextField
              label={t('documents.sharing.overrideReason')}
              description={t('documents.sharing.overrideReasonHint')}
              value={choice.reason}
              maxLength={500}
              error={choice.reason.trim().length > 0 && choice.reason.trim().length < 3 ? t('documents.sharing.overrideReasonShort') : null}
              onChange={(event) => onChoice({ ...choice, reason: event.target.value })}
            />
          )}
        </>
      )}
    </div>
  );
}
