import { useEffect, useId, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';

interface ErrorSummaryProps {
  /** "Controleer de gemarkeerde velden. Er is niets opgeslagen." */
  title: string;
  /** Changes with every refused submit (e.g. the form's error object): the summary is read again and takes the focus. */
  refusal: unknown;
  /** The heading level where the summary stands (a form under an h3 gets an h4). */
  headingLevel?: 2 | 3 | 4;
}

interface SummaryItem {
  controlId: string;
  text: string;
}

/** The invalid controls of the form, in its order, each with its label and its own error message (FormField's `<id>-error`). */
function invalidControls(form: HTMLFormElement): SummaryItem[] {
  return Array.from(form.querySelectorAll<HTMLElement>('[aria-invalid="true"][id]')).map((control) => {
    const label = (control as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '';
    const message = document.getElementById(`${control.id}-error`)?.textContent?.trim() ?? '';
    return { controlId: control.id, text: [label, message].filter(Boolean).join(': ') };
  });
}

/**
 * The NL Design System form pattern after a refused submit: a summary at the top of the form with a
 * link to each invalid field, which takes the focus (so that the keyboard and the screen reader
 * start there), while the first invalid field is scrolled into view as far as the window allows.
 * Place it as the first child of the <form>, and render it only while the form is refused. The
 * fields are read from the form itself (FormField marks them aria-invalid, with their message
 * beside them), so that the summary can never list another set than the form shows.
 */
export function ErrorSummary({ title, refusal, headingLevel = 2 }: ErrorSummaryProps) {
  const ref = useRef<HTMLElement>(null);
  const headingId = useId();
  const [items, setItems] = useState<SummaryItem[]>([]);
  const Heading = `h${headingLevel}` as const;

  // Read after the fields rendered this refusal's errors (a layout effect runs after the whole form committed).
  useLayoutEffect(() => {
    const form = ref.current?.closest('form');
    if (form) setItems(invalidControls(form));
  }, [refusal]);

  useEffect(() => {
    const summary = ref.current;
    if (!summary) return;
    summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: 'start' });
    // The first invalid field too, as long as that keeps the summary in the window.
    const form = summary.closest('form');
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.scrollIntoView({ block: 'nearest' });
    if (summary.getBoundingClientRect().top < 0) summary.scrollIntoView({ block: 'start' });
  }, [refusal]);

  function goTo(event: MouseEvent<HTMLAnchorElement>, controlId: string) {
    event.preventDefault();
    const control = document.getElementById(controlId);
    if (!control) return;
    control.scrollIntoView({ block: 'center' });
    control.focus({ preventScroll: true });
  }

  return (
    <section ref={ref} className="utrecht-alert utrecht-alert--error app-alert app-error-summary" aria-labelledby={headingId} tabIndex={-1}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <Heading className={`utrecht-heading-${Math.min(headingLevel + 1, 5)} app-error-summary__title`} id={headingId}>
            {title}
          </Heading>
          {items.length > 0 && (
            <ul className="utrecht-unordered-list app-error-summary__list">
              {items.map((item) => (
                <li key={item.controlId} className="utrecht-unordered-list__item">
                  <a className="utrecht-link" href={`#${item.controlId}`} onClick={(event) => goTo(event, item.controlId)}>
                    {item.text}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
