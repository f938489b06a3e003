import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../shared/api';
import type { InformationGrade, TlpCode } from '../../../../shared/domain/enums';

/**
 * The words for an information grade (1–4). Read as the whole object: i18next's typed keys leave
 * out numeric keys such as `domain.informationGrade.2`.
 */
export function informationGradeLabel(t: ReturnType<typeof useTranslation>['t'], grade: InformationGrade): string {
  // Untyped call: with returnObjects the typed signature recurses too deep for the compiler.
  const readObject = t as unknown as (key: string, options: { returnObjects: true }) => unknown;
  return (readObject('domain.informationGrade', { returnObjects: true }) as Record<InformationGrade, string>)[grade];
}

const TLP_CLASS: Record<TlpCode, string> = {
  RED: 'red',
  'AMBER+STRICT': 'amber',
  AMBER: 'amber',
  GREEN: 'green',
  CLEAR: 'clear',
};

/** The handling code as TLP 2.0 shows it: coloured capitals on black. The full meaning for screen readers. */
export function TlpBadge({ tlp }: { tlp: TlpCode }) {
  const { t } = useTranslation();
  return (
    <span className={`app-attachment-tlp app-attachment-tlp--${TLP_CLASS[tlp]}`}>
      <span aria-hidden="true">TLP:{tlp}</span>
      <span className="app-visually-hidden">{t(`domain.tlp.${tlp}`)}</span>
    </span>
  );
}

/** The 4x4 grading as the police writes it (B2), spelled out for screen readers. */
export function Grading({ attachment }: { attachment: Pick<Attachment, 'sourceGrade' | 'informationGrade'> }) {
  const { t } = useTranslation();
  const { sourceGrade, informationGrade } = attachment;
  return (
    <span className="app-attachment-grading">
      <span aria-hidden="true">
        {sourceGrade}
        {informationGrade}
      </span>
      <span className="app-visually-hidden">
        {t('attachments.table.gradingLabel', {
          source: sourceGrade,
          sourceLabel: t(`domain.sourceGrade.${sourceGrade}`),
          information: informationGrade,
          informationLabel: informationGradeLabel(t, informationGrade),
        })}
      </span>
    </span>
  );
}
