import { useTranslation } from 'react-i18next';
import type { InformationGrade, SourceGrade, TlpCode } from '../../../shared/domain/enums';

/**
 * How every screen shows the weighing of a fact: the 4x4 grading as police and RIEC write it ("B2")
 * and the TLP handling code in the TLP 2.0 colours.
 */

type Translate = (key: string, options?: Record<string, unknown>) => unknown;

/**
 * The words for an information grade (1–4). Its keys are digits, which i18next's typed keys leave
 * out, so the table is read as one object (untyped: the typed signature recurses too deep here).
 */
export function useInformationGradeLabel(): (grade: InformationGrade) => string {
  const { t } = useTranslation();
  return (grade) => ((t as unknown as Translate)('domain.informationGrade', { returnObjects: true }) as Record<InformationGrade, string>)[grade];
}

/** "Waardering B2: bron Meestal betrouwbaar, informatie De bron persoonlijk bekend". */
export function useGradingWords(): (grading: { sourceGrade: SourceGrade; informationGrade: InformationGrade }) => string {
  const { t } = useTranslation();
  const informationLabel = useInformationGradeLabel();
  return ({ sourceGrade, informationGrade }) =>
    t('weighing.words', { sourceGrade, source: t(`domain.sourceGrade.${sourceGrade}`), informationGrade, information: informationLabel(informationGrade) });
}

/** "B2", with the words in the tooltip and for screen readers, which would otherwise read a code. */
export function Grading({ sourceGrade, informationGrade }: { sourceGrade: SourceGrade; informationGrade: InformationGrade }) {
  const words = useGradingWords()({ sourceGrade, informationGrade });
  return (
    <span className="app-grading" title={words}>
      <span aria-hidden="true">
        {sourceGrade}
        {informationGrade}
      </span>
      <span className="app-visually-hidden">{words}</span>
    </span>
  );
}

const TLP_COLOUR: Record<TlpCode, string> = { RED: 'red', 'AMBER+STRICT': 'amber', AMBER: 'amber', GREEN: 'green', CLEAR: 'clear' };

/**
 * The handling code as TLP 2.0 prints it: coloured capitals on black, its meaning in words as the
 * tooltip and for screen readers. `short` leaves out "TLP:" (in a column headed TLP); `withWords`
 * writes the meaning beside the badge.
 */
export function TlpBadge({ tlp, short = false, withWords = false }: { tlp: TlpCode; short?: boolean; withWords?: boolean }) {
  const { t } = useTranslation();
  const meaning = t(`domain.tlp.${tlp}`);
  const badge = (
    <span className={`app-tlp app-tlp--${TLP_COLOUR[tlp]}`} title={withWords ? undefined : meaning}>
      <span aria-hidden="true">{short ? tlp : `TLP:${tlp}`}</span>
      {!withWords && <span className="app-visually-hidden">{meaning}</span>}
    </span>
  );
  if (!withWords) return badge;
  return (
    <span className="app-tlp-with-words">
      {badge}
      <span>{meaning.replace(/^TLP:\S+\s+–\s+/, '')}</span>
    </span>
  );
}
