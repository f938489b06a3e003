import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** Closing by Escape or by the caller's cancel button. */
  onClose(): void;
  children: ReactNode;
  /** An extra class for the <dialog>, e.g. a wider one for a preview. */
  className?: string;
}

/**
 * A modal dialog on the native <dialog>: the browser traps the focus, makes the page behind it
 * inert and closes on Escape. Render it only while it is open. The element marked `data-autofocus`
 * (in a dialog with a destructive button: the cancel button) has the focus when it opens.
 */
export function Dialog({ title, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  // Set at commit, not during render (React may render and throw the result away): Escape closes with the latest onClose.
  useLayoutEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    // showModal focuses the first button, in a destructive dialog often the destructive one; the
    // dialog's own choice (data-autofocus: the safe one) goes first, so that Enter cancels.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      // Back to where the user was, as a modal should.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={className ? `app-dialog ${className}` : 'app-dialog'} aria-labelledby={titleId}>
      <h2 className="utrecht-heading-2" id={titleId}>
        {title}
      </h2>
      {children}
    </dialog>
  );
}
