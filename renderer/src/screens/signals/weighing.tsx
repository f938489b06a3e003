import { useTranslation } from 'react-i18next';
import type { Weighed } from '../../../../shared/api/dossier-types';
import type { InformationGrade, TlpCode } from '../../../../shared/domain/enums';
import { formatDate } from '../../format/date';

/**
 * The words for an information grade. Its labels are keyed by digits, which the typed i18n keys
 * leave out, so the whole table is read and indexed.
 */
export function useInformationGradeLabel(): (grade: InformationGrade) => string {
  const { t } = useTranslation();
  return (grade) => t('domain.informationGrade', { returnObjects: true })[grade];
}

/** Dates as the language writes them: dd-mm-jjjj in Dutch. */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  return (iso) => formatDate(iso, language);
}

/** "B2", with the grading in words for whoever points at it (and for screen readers that read titles). */
export function GradingCode({ weighed }: { weighed: Pick<Weighed, 'sourceGrade' | 'informationGrade'> }) {
  const { t } = useTranslation();
  const informationLabel = useInformationGradeLabel();
  const words = t('signals.grading.words', {
    source: t(`domain.sourceGrade.${weighed.sourceGrade}`),
    information: informationLabel(weighed.informationGrade),
  });
  return (
    <abbr className="signals-grading" title={words}>
      {t('signals.grading.short', { source: weighed.sourceGrade, information: weighed.informationGrade })}
    </abbr>
  );
}

/** The grading in full: "B2 – Bron: Meestal betrouwbaar. Informatie: De bron persoonlijk bekend." */
export function GradingInWords({ weighed }: { weighed: Pick<Weighed, 'sourceGrade' | 'informationGrade'> }) {
  const { t } = useTranslation();
  const informationLabel = useInformationGradeLabel();
  return (
    <>
      <strong className="signals-grading">{t('signals.grading.short', { source: weighed.sourceGrade, information: weighed.informationGrade })}</strong>{' '}
      {t('signals.grading.words', {
        source: t(`domain.sourceGrade.${weighed.sourceGrade}`),
        information: informationLabel(weighed.informationGrade),
      })}
    </>
  );
}

const TLP_CLASS: Record<TlpCode, string> = {
  RED: 'red',
  'AMBER+STRICT': 'amber',
  AMBER: 'amber',
  GREEN: 'green',
  CLEAR: 'clear',
};

/**
 * The handling code in the TLP 2.0 colours (coloured text on black, as the standard prints it).
 * `short` leaves out the "TLP:" prefix, for a column headed "TLP".
 */
export function TlpBadge({ tlp, withWords = false, short = false }: { tlp: TlpCode; withWords?: boolean; short?: boolean }) {
  const { t } = useTranslation();
  const label = t(`domain.tlp.${tlp}`);
  return (
    <span className="signals-tlp-wrap">
      <span className={`signals-tlp signals-tlp--${TLP_CLASS[tlp]}`} title={withWords ? undefined : label}>
        {short ? tlp : t('signals.tlpCode', { code: tlp })}
      </span>
      {withWords && <span className="signals-tlp-words">{label.replace(/^TLP:\S+\s+–\s+/, '')}</span>}
    </span>
  );
}
