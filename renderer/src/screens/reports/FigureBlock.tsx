import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { isSmallCount, reportCount } from '../../../../shared/api/reports';
import { useFormatCount } from '../../format/count';

export interface FigureRow {
  key: string;
  label: string;
  count: number;
  /** A shorter label for the chart's axis (months: "jan"). */
  chartLabel?: string;
  /** Opens the list behind this figure, when there is one. */
  onOpen?: () => void;
  openLabel?: string;
}

interface FigureBlockProps {
  title: string;
  rows: FigureRow[];
  /** The report hides small counts ("< 5"); the dashboard shows them exactly. */
  protectSmall: boolean;
  /** Draw a chart beside the table (bars; horizontal for long labels). */
  chart?: 'bars' | 'columns' | 'none';
  testId?: string;
  children?: ReactNode;
}

const BAR_COLOUR = '#1f5f8b';

/**
 * A bar as recharts draws it, and nothing for a bar of no length. With a shape of its own recharts
 * keeps zero-length bars (it drops them otherwise, and their labels with them), so that a hidden
 * count still gets its "< 5" at the axis, as in the table beside it.
 */
function barShape(props: BarShapeProps) {
  return props.width && props.height ? <Rectangle {...props} /> : <g />;
}

/**
 * One figure: a heading, a chart for the eye and the table behind it for the reader (and the screen
 * reader: the chart itself is hidden from assistive technology, its text alternative is the caption
 * and the table). Small counts follow the report rule in shared/api/reports.ts: the bar is left out
 * and labelled "< 5", the table says "< 5".
 */
export function FigureBlock({ title, rows, protectSmall, chart = 'bars', testId, children }: FigureBlockProps) {
  const formatCount = useFormatCount();
  const { t } = useTranslation();
  const headingId = useId();
  const shown = (count: number) => (protectSmall && isSmallCount(count) ? reportCount(count) : formatCount(count));
  const summary = t('reports.year.chartSummary', { title, items: rows.map((row) => `${row.label} ${shown(row.count)}`).join(', ') });
  const data = rows.map((row) => ({
    label: row.chartLabel ?? row.label,
    // A hidden count draws no bar, only its "< 5" label at the axis.
    value: protectSmall && isSmallCount(row.count) ? 0 : row.count,
    text: shown(row.count),
  }));
  const horizontal = chart === 'bars';
  // A chart of nothing but hidden or zero counts says nothing; the table says it all.
  const drawChart = chart !== 'none' && data.some((entry) => entry.value > 0);
  const height = horizontal ? Math.max(120, rows.length * 34 + 40) : 240;

  return (
    <section className="app-card app-report-figure" aria-labelledby={headingId} data-testid={testId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {title}
      </h2>
      {children}
      <div className="app-report-figure__body">
        {drawChart && (
          <figure className="app-report-figure__chart">
            <div aria-hidden="true" style={{ height }}>
              <ResponsiveContainer width="100%" height={height}>
                <BarChart data={data} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 20, right: 40, bottom: 8, left: 8 }} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
                  {horizontal ? (
                    <>
                      <XAxis type="number" allowDecimals={false} />
                      <YAxis type="category" dataKey="label" width={250} tick={{ fontSize: 12 }} interval={0} />
                    </>
                  ) : (
                    <>
                      <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
                      <YAxis allowDecimals={false} />
                    </>
                  )}
                  <Bar dataKey="value" fill={BAR_COLOUR} isAnimationActive={false} shape={barShape}>
                    <LabelList dataKey="text" position={horizontal ? 'right' : 'top'} style={{ fontSize: 12, fill: '#222' }} />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
            <figcaption className="app-visually-hidden">{summary}</figcaption>
          </figure>
        )}
        <table className="utrecht-table app-report-table">
          <caption className="app-visually-hidden">{title}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {t('reports.year.columns.item')}
              </th>
              <th className="utrecht-table__header-cell app-report-table__count" scope="col">
                {t('reports.year.columns.count')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.map((row) => (
              <tr className="utrecht-table__row" key={row.key} data-key={row.key}>
                <th className="utrecht-table__cell" scope="row">
                  {row.onOpen ? (
                    <a
                      href="#"
                      className="utrecht-link"
                      aria-label={row.openLabel}
                      onClick={(event) => {
                        event.preventDefault();
                        row.onOpen?.();
                      }}
                    >
                      {row.label}
                    </a>
                  ) : (
                    row.label
                  )}
                </th>
                <td className="utrecht-table__cell app-report-table__count" data-count={row.count}>
                  {shown(row.count)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export interface SeriesChartProps {
  title: string;
  months: string[];
  series: Array<{ key: string; label: string; values: number[] }>;
}

const SERIES_COLOURS = ['#1f5f8b', '#b3541e', '#2e7d32', '#6a1b9a', '#ad1457', '#00838f', '#5d4037', '#455a64', '#9e7700', '#283593', '#c62828', '#37474f', '#558b2f'];

/** Lines over the months, one per series, with the table (months down, series across) behind it. */
export function SeriesChart({ title, months, series }: SeriesChartProps) {
  const formatCount = useFormatCount();
  const { t } = useTranslation();
  const headingId = useId();
  const data = months.map((month, index) => Object.fromEntries([['month', month], ...series.map((entry) => [entry.key, entry.values[index] ?? 0])]));
  const summary = t('reports.year.chartSummary', {
    title,
    items: series.map((entry) => `${entry.label} ${entry.values.reduce((sum, value) => sum + value, 0)}`).join(', '),
  });
  return (
    <section className="app-card app-report-figure" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {title}
      </h2>
      <figure className="app-report-figure__chart app-report-figure__chart--wide">
        <div aria-hidden="true" style={{ height: 280 }}>
          <ResponsiveContainer width="100%" height={280}>
            <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              {series.map((entry, index) => (
                <Line
                  key={entry.key}
                  type="linear"
                  dataKey={entry.key}
                  name={entry.label}
                  stroke={SERIES_COLOURS[index % SERIES_COLOURS.length]}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
        <figcaption className="app-visually-hidden">{summary}</figcaption>
      </figure>
      <div className="app-report-scroll">
        <table className="utrecht-table app-report-table app-report-table--wide">
          <caption className="app-visually-hidden">{title}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {t('reports.dashboard.columns.month')}
              </th>
              {series.map((entry) => (
                <th className="utrecht-table__header-cell app-report-table__count" scope="col" key={entry.key}>
                  {entry.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {months.map((month, index) => (
              <tr className="utrecht-table__row" key={month}>
                <th className="utrecht-table__cell" scope="row">
                  {month}
                </th>
                {series.map((entry) => (
                  <td className="utrecht-table__cell app-report-table__count" key={entry.key}>
                    {formatCount(entry.values[index] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
