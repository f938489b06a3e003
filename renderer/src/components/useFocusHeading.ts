import { useEffect, useRef } from 'react';

/** Move focus to the screen's heading when it appears, so that screen readers announce the new screen. */
export function useFocusHeading<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
