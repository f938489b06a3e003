import type { ButtonHTMLAttributes, Ref } from 'react';

type Appearance = 'primary' | 'secondary' | 'subtle';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: Appearance;
  /** While busy the button keeps its focus but does nothing, and shows `busyLabel`. */
  busy?: boolean;
  busyLabel?: string;
  /** A spinner says "working"; a plain wait (a countdown) should not show one. */
  spinner?: boolean;
  /** React 19 passes a ref as a prop; it reaches the <button> with the rest. */
  ref?: Ref<HTMLButtonElement>;
}

const APPEARANCE_CLASS: Record<Appearance, string> = {
  primary: 'utrecht-button--primary-action',
  secondary: 'utrecht-button--secondary-action',
  subtle: 'utrecht-button--subtle',
};

export function Button({ appearance = 'secondary', busy = false, busyLabel, spinner = true, className, children, type = 'button', onClick, ...rest }: ButtonProps) {
  const classes = ['utrecht-button', APPEARANCE_CLASS[appearance], busy ? 'utrecht-button--busy' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button
      {...rest}
      type={type}
      className={classes}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {busy && spinner && <span className="app-spinner" aria-hidden="true" />}
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
