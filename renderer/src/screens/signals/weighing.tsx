import { useTranslation } from 'react-i18next';
import type { Weighed } from '../../../../shared/api/dossier-types';
import { useGradingWords } from '../../components/Weighing';
import { formatDate } from '../../format/date';

/** Dates as the language writes them: dd-mm-jjjj in Dutch. */
export function useFormatDate(): (iso: string) => string {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  return (iso) => formatDate(iso, language);
}

/** The grading in full on the signal screen: "B2" in bold, then the words. */
export function GradingInWords({ weighed }: { weighed: Pick<Weighed, 'sourceGrade' | 'informationGrade'> }) {
  const words = useGradingWords()(weighed);
  return (
    <>
      <strong className="app-grading">
        {weighed.sourceGrade}
        {weighed.informationGrade}
      </strong>{' '}
      {words}
    </>
  );
}
