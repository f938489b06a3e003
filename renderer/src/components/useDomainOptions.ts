import { useTranslation } from 'react-i18next';
import {
  CLOSING_REASONS,
  INFORMATION_GRADES,
  MEASURE_KINDS,
  MEASURE_STAGES,
  PARTNERS,
  PRIORITIES,
  SOURCE_GRADES,
  TLP_CODES,
  type DossierStatus,
} from '../../../shared/domain/enums';
import type { SelectOption } from './SelectField';
import { useInformationGradeLabel } from './Weighing';

/** The choices of the domain's fixed vocabularies, in the current language, for SelectField. */
export function useDomainOptions() {
  const { t } = useTranslation();
  const informationGradeLabel = useInformationGradeLabel();
  return {
    priorities: PRIORITIES.map((value) => ({ value, label: t(`domain.priority.${value}`) })),
    tlpCodes: TLP_CODES.map((value) => ({ value, label: t(`domain.tlp.${value}`) })),
    partners: PARTNERS.map((value) => ({ value, label: t(`domain.partner.${value}`) })),
    sourceGrades: SOURCE_GRADES.map((value) => ({ value, label: `${value} – ${t(`domain.sourceGrade.${value}`)}` })),
    informationGrades: INFORMATION_GRADES.map((value) => ({ value: String(value), label: `${value} – ${informationGradeLabel(value)}` })),
    measureKinds: MEASURE_KINDS.map((value) => ({ value, label: t(`domain.measureKind.${value}`) })),
    measureStages: MEASURE_STAGES.map((value) => ({ value, label: t(`domain.measureStage.${value}`) })),
    closingReasons: CLOSING_REASONS.map((value) => ({ value, label: t(`domain.closingReason.${value}`) })),
    statuses: (statuses: readonly DossierStatus[]): SelectOption[] => statuses.map((value) => ({ value, label: t(`domain.status.${value}`) })),
  };
}
