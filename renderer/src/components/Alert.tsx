import type { ReactNode } from 'react';

type AlertType = 'error' | 'warning' | 'info' | 'ok';

interface AlertProps {
  type: AlertType;
  children: ReactNode;
}

/** Errors and warnings interrupt (role=alert); information and confirmations wait their turn (role=status). */
export function Alert({ type, children }: AlertProps) {
  const urgent = type === 'error' || type === 'warning';
  return (
    <div className={`utrecht-alert utrecht-alert--${type} app-alert`} role={urgent ? 'alert' : 'status'}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}
