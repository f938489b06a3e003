import { useId, type ReactNode, type Ref } from 'react';

/** A card on a screen (a dossier tab, a meeting, a document), named by its heading (a region for landmark navigation). */
export function Section({
  title,
  className,
  actions,
  headingRef,
  children,
}: {
  title: string;
  className?: string;
  actions?: ReactNode;
  /** For a screen that moves the focus to this section (the heading then takes focus, as a screen's h1 does). */
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className={`app-card app-dossier-section${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <div className="app-dossier-section__header">
        <h2 className="utrecht-heading-2" id={headingId} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
