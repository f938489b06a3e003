import { useId, type ReactNode } from 'react';

/** A card on a dossier tab, named by its heading (a region for landmark navigation). */
export function Section({ title, className, actions, children }: { title: string; className?: string; actions?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={`app-card app-dossier-section${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <div className="app-dossier-section__header">
        <h2 className="utrecht-heading-2" id={headingId}>
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
