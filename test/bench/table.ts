/**
 * The one table `npm run bench` prints: every measured workload as a row with its figure, the
 * reference measured in the same run, the ratio between them, and whether the ratio meets the
 * row's target. Targets are goals to report against: a miss is printed, never thrown.
 */
export interface BenchRow {
  /** The part of the suite, e.g. '1 Queries (encrypted vs plaintext)'. */
  group: string;
  workload: string;
  /** Our figure as a reader wants it: 'median 3.2 ms, p95 4.1 ms' or '127 MiB/s, peak RSS 290 MiB'. */
  figure: string;
  /** The reference's figure, measured in the same run. */
  reference?: string;
  /** ours / reference for times (lower is better), or ours / reference for throughputs (higher is better). */
  ratio?: number;
  /** The target as text, e.g. '≤ 1.30' or '≥ 0.50' or '< 300 MiB'. */
  target?: string;
  meets?: boolean;
}

/** Median and 95th percentile of a list of measurements (nearest rank). */
export function percentiles(values: number[]): { median: number; p95: number } {
  if (values.length === 0) throw new Error('no measurements');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { median: rank(50), p95: rank(95) };
}

export const formatMs = (ms: number): string => (ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);

export function timingFigure(values: number[]): string {
  const { median, p95 } = percentiles(values);
  return `median ${formatMs(median)}, p95 ${formatMs(p95)}`;
}

/** A row comparing two sets of timings: the ratio of the medians, against a maximum. */
export function timingRow(group: string, workload: string, ours: number[], reference: number[], maxRatio: number): BenchRow {
  const ratio = percentiles(ours).median / percentiles(reference).median;
  return { group, workload, figure: timingFigure(ours), reference: timingFigure(reference), ratio, target: `≤ ${maxRatio.toFixed(2)}`, meets: ratio <= maxRatio };
}

/**
 * A timing row with two targets: the ratio of the medians, and an absolute ceiling on our p95
 * (a search must answer while the user types, whatever the plaintext copy does).
 */
export function timingRowWithP95(group: string, workload: string, ours: number[], reference: number[], maxRatio: number, maxP95Ms: number): BenchRow {
  const row = timingRow(group, workload, ours, reference, maxRatio);
  const p95Met = percentiles(ours).p95 < maxP95Ms;
  return { ...row, target: `p95 < ${maxP95Ms} ms; ${row.target}`, meets: p95Met && row.meets === true };
}

/** Prints the rows as a Markdown table, so that the same text goes into docs/benchmarks.md. */
export function formatTable(rows: BenchRow[]): string {
  const header = ['Group', 'Workload', 'Ours', 'Reference', 'Ratio', 'Target', 'Met'];
  const lines = [header, header.map(() => '---')];
  for (const row of rows) {
    lines.push([
      row.group,
      row.workload,
      row.figure,
      row.reference ?? '',
      row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`,
      row.target ?? '',
      row.meets === undefined ? '' : row.meets ? 'yes' : 'NO',
    ]);
  }
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
