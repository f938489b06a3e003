import { useId, type ReactNode } from 'react';

/** One card on the settings screen, named by its heading. */
export function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="app-card app-settings-section" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
