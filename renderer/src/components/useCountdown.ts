import { useEffect, useState } from 'react';

/** Seconds left until a moment, ticking once a second; 0 when there is nothing to wait for. */
export function useCountdown(): [secondsLeft: number, waitSeconds: (seconds: number) => void] {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [until]);
  const secondsLeft = Math.max(0, Math.ceil((until - now) / 1_000));
  return [
    secondsLeft,
    (seconds) => {
      setNow(Date.now());
      setUntil(Date.now() + seconds * 1_000);
    },
  ];
}
