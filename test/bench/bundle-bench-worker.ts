/**
 * The app's core worker (electron/core/worker/core-worker.ts), unchanged, plus a gauge for the
 * bundle benchmark: the event-loop delay of THIS thread, the core's own, which every call waits on.
 * The benchmark (bundles.ts) bundles this file as the build does the core worker (esbuild, no
 * TypeScript loader at run time, so the memory figures are the app's), and talks to the gauge over
 * a BroadcastChannel beside the worker's port, so that the core worker itself knows nothing of it.
 *
 * Two figures, because the core's loop may not turn at all during a long step: the histogram of
 * monitorEventLoopDelay, and the longest gap between the ticks of a 10 ms timer, the last gap
 * (until 'stop') included.
 */
import { BroadcastChannel } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import '../../electron/core/worker/core-worker';
import { GAUGE_CHANNEL, type GaugeMessage } from './bundle-gauge';

const TICK_MS = 10;
const histogram = monitorEventLoopDelay({ resolution: TICK_MS });
const gaps: number[] = [];
let last = 0;
let ticker: NodeJS.Timeout | null = null;
const channel = new BroadcastChannel(GAUGE_CHANNEL);
// The channel must not keep the worker alive after dispose().
channel.unref();

const gap = () => {
  const now = performance.now();
  gaps.push(Math.max(0, now - last - TICK_MS));
  last = now;
};

channel.onmessage = (event) => {
  const message = (event as { data: GaugeMessage }).data;
  if (message.type === 'start') {
    // What the unlock left for the collector (Argon2id's memory) is not the step's.
    (globalThis as { gc?: () => void }).gc?.();
    histogram.reset();
    histogram.enable();
    gaps.length = 0;
    last = performance.now();
    ticker = setInterval(gap, TICK_MS);
    channel.postMessage({ type: 'started' } satisfies GaugeMessage);
  } else if (message.type === 'stop') {
    gap();
    if (ticker) clearInterval(ticker);
    histogram.disable();
    const sorted = [...gaps].sort((a, b) => a - b);
    const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
    channel.postMessage({
      type: 'figures',
      figures: {
        p50: histogram.percentile(50) / 1e6,
        p99: histogram.percentile(99) / 1e6,
        max: histogram.max / 1e6,
        count: histogram.count,
        stallP99: rank(99),
        stallMax: sorted.at(-1) ?? 0,
      },
    } satisfies GaugeMessage);
  }
};
