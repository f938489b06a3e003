import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodInput } from '../../../../shared/api/reports';
import { Button } from '../../components/Button';
import { DateField, useDateText } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';

export function yearPeriod(year: number): PeriodInput {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** A year (the usual case) or any period, applied on "Toon". */
export function PeriodPicker({ period, onChange, years }: { period: PeriodInput; onChange(period: PeriodInput): void; years: number[] }) {
  const { t } = useTranslation();
  const yearOfPeriod = period.from.endsWith('-01-01') && period.to === `${period.from.slice(0, 4)}-12-31` ? period.from.slice(0, 4) : 'custom';
  const [choice, setChoice] = useState(yearOfPeriod);
  const dates = useDateText();
  const [from, setFrom] = useState(() => dates.toText(period.from));
  const [to, setTo] = useState(() => dates.toText(period.to));
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (choice !== 'custom') {
      onChange(yearPeriod(Number(choice)));
      return;
    }
    // dd-mm-jjjj as everywhere (ISO taken too); both required, the start on or before the end.
    const start = dates.parse(from);
    const end = dates.parse(to);
    const valid = start.ok && end.ok && start.value !== null && end.value !== null && start.value <= end.value;
    setInvalid(!valid);
    if (valid) onChange({ from: start.value!, to: end.value! });
  }

  return (
    <form className="app-report-period app-no-print" onSubmit={submit} noValidate>
      <SelectField
        label={t('reports.period.year')}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
        options={[...years.map((year) => ({ value: String(year), label: String(year) })), { value: 'custom', label: t('reports.period.custom') }]}
      />
      {choice === 'custom' && (
        <>
          <DateField label={t('reports.period.from')} value={from} onChange={setFrom} error={invalid ? t('reports.period.invalid') : null} />
          <DateField label={t('reports.period.to')} value={to} onChange={setTo} />
        </>
      )}
      <Button type="submit" appearance="secondary">
        {t('reports.period.apply')}
      </Button>
    </form>
  );
}

/** The last few years, newest first, for the picker. */
export function recentYears(count = 6): number[] {
  const current = new Date().getFullYear();
  return Array.from({ length: count }, (_, index) => current - index);
}
