import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

interface OverwriteQuestionProps {
  /** "Op … staat al een bestand. Wilt u het overschrijven?" */
  question: string;
  /** What overwriting destroys. */
  explanation: string;
  overwriteLabel: string;
  busyLabel: string;
  busy: boolean;
  onOverwrite(): void;
  onCancel(): void;
}

/** Asks before replacing an existing file; the safe answer (cancel) is as easy to reach as the other. */
export function OverwriteQuestion({ question, explanation, overwriteLabel, busyLabel, busy, onOverwrite, onCancel }: OverwriteQuestionProps) {
  const { t } = useTranslation();
  const questionId = useId();
  const questionRef = useRef<HTMLParagraphElement>(null);

  // The question replaces the button the user just pressed: read it out and keep the focus nearby.
  useEffect(() => {
    questionRef.current?.focus();
  }, []);

  return (
    <div className="app-question" role="group" aria-labelledby={questionId}>
      <div className="utrecht-alert utrecht-alert--warning app-alert">
        <div className="utrecht-alert__content">
          <div className="utrecht-alert__message">
            <p className="utrecht-paragraph app-question__text" id={questionId} ref={questionRef} tabIndex={-1}>
              {question}
            </p>
            <p className="utrecht-paragraph">{explanation}</p>
          </div>
        </div>
      </div>
      <div className="app-button-row">
        <Button appearance="primary" busy={busy} busyLabel={busyLabel} onClick={onOverwrite}>
          {overwriteLabel}
        </Button>
        <Button appearance="secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
