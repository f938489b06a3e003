/** What bundles.ts and its core worker (bundle-bench-worker.ts) say to each other about event-loop delay. */
export const GAUGE_CHANNEL = 'dossierkluis-bundle-bench';

/** Event-loop delay in milliseconds, from a monitorEventLoopDelay histogram. */
export interface DelayFigures {
  p50: number;
  p99: number;
  max: number;
  count: number;
  /** Only from the core's gauge: gaps between the ticks of a 10 ms timer (the last one included), ms. */
  stallP99?: number;
  stallMax?: number;
}

export type GaugeMessage = { type: 'start' } | { type: 'started' } | { type: 'stop' } | { type: 'figures'; figures: DelayFigures };
