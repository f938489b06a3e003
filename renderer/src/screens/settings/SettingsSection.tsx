import { useId, type ReactNode, type Ref } from 'react';

interface SettingsSectionProps {
  title: string;
  /** For a section that must take the focus back (its content was replaced under the user's focus). */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}

/** One card on the settings screen, named by its heading. */
export function SettingsSection({ title, headingRef, children }: SettingsSectionProps) {
  const headingId = useId();
  return (
    <section className="app-card app-settings-section" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {title}
      </h2>
      {children}
    </section>
  );
}
