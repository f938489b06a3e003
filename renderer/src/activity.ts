import { callCore } from './core-client';

const PING_INTERVAL_MS = 15_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * Tell the core that the user is active, so that its idle timer starts again. At most one call
 * per interval: the timer counts minutes, so finer reporting would only add traffic.
 */
export function reportActivityWhile(isUnlocked: () => boolean): () => void {
  let lastPing = 0;
  const onActivity = () => {
    if (!isUnlocked()) return;
    const now = Date.now();
    if (now - lastPing < PING_INTERVAL_MS) return;
    lastPing = now;
    void callCore('app.activity', {});
  };
  for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true, capture: true });
  return () => {
    for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
  };
}
