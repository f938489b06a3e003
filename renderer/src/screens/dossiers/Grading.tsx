import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { InformationGrade, SourceGrade, TlpCode } from '../../../../shared/domain/enums';

/**
 * The words for an information grade. Its keys are digits, which the typed `t` does not accept
 * as path segments, so the labels are read as one object.
 */
export function informationGradeLabel(t: TFunction, grade: InformationGrade): string {
  const labels = t('domain.informationGrade', { returnObjects: true }) as Record<InformationGrade, string>;
  return labels[grade];
}

/**
 * The 4x4 grading as police and RIEC write it ("B2"), with the words for both letters in the
 * tooltip and for screen readers, which would otherwise read "B2" as a code.
 */
export function Grading({ sourceGrade, informationGrade }: { sourceGrade: SourceGrade; informationGrade: InformationGrade }) {
  const { t } = useTranslation();
  const words = t('dossiers.grading.words', {
    sourceGrade,
    source: t(`domain.sourceGrade.${sourceGrade}`),
    informationGrade,
    information: informationGradeLabel(t, informationGrade),
  });
  return (
    <span className="app-dossier-grading" title={words}>
      <span aria-hidden="true">
        {sourceGrade}
        {informationGrade}
      </span>
      <span className="app-visually-hidden">{words}</span>
    </span>
  );
}

const TLP_MODIFIER: Record<TlpCode, string> = { RED: 'red', 'AMBER+STRICT': 'amber', AMBER: 'amber', GREEN: 'green', CLEAR: 'clear' };

/** The handling code as TLP 2.0 writes it, in its colour on black, with its meaning in words as the tooltip. */
export function TlpBadge({ tlp }: { tlp: TlpCode }) {
  const { t } = useTranslation();
  return (
    <span className={`app-dossier-tlp app-dossier-tlp--${TLP_MODIFIER[tlp]}`} title={t(`domain.tlp.${tlp}`)}>
      TLP:{tlp}
    </span>
  );
}

/** Internal notes stay out of anything shared with partners; the mark says so wherever one is shown. */
export function InternalMark() {
  const { t } = useTranslation();
  return (
    <span className="app-dossier-internal" title={t('dossiers.notes.internalTitle')}>
      {t('dossiers.notes.internal')}
    </span>
  );
}
