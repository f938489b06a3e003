/**
 * How this thread's event loop fared while work ran: a timer that should fire every `intervalMs`,
 * and the longest gap between its turns (the end counts as a turn, so work that never yields
 * shows its whole length). For tests that a long job leaves the thread free between its pieces.
 */
export function startStallGauge(intervalMs = 5): { stop(): { longest: number; ticks: number } } {
  let last = performance.now();
  let longest = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    ticks++;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { longest: Math.max(longest, performance.now() - last), ticks };
    },
  };
}
