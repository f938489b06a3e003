import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeriodInput } from '../../../../shared/api/reports';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function yearPeriod(year: number): PeriodInput {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** A year (the usual case) or any period, applied on "Toon". */
export function PeriodPicker({ period, onChange, years }: { period: PeriodInput; onChange(period: PeriodInput): void; years: number[] }) {
  const { t } = useTranslation();
  const yearOfPeriod = period.from.endsWith('-01-01') && period.to === `${period.from.slice(0, 4)}-12-31` ? period.from.slice(0, 4) : 'custom';
  const [choice, setChoice] = useState(yearOfPeriod);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [invalid, setInvalid] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (choice !== 'custom') {
      onChange(yearPeriod(Number(choice)));
      return;
    }
    const valid = ISO_DATE.test(from) && ISO_DATE.test(to) && from <= to;
    setInvalid(!valid);
    if (valid) onChange({ from, to });
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
          <TextField
            label={t('reports.period.from')}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            placeholder="2025-01-01"
            error={invalid ? t('reports.period.invalid') : null}
          />
          <TextField label={t('reports.period.to')} value={to} onChange={(event) => setTo(event.target.value)} placeholder="2025-12-31" />
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
