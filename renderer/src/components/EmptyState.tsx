import type { ReactNode } from 'react';

/** A calm placeholder for sections that hold nothing yet: no fake data. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="app-empty-state">{children}</div>;
}
