import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { useNavigation, type Route } from '../store/navigation';

/** A readable address for the link (the app navigates itself; the address is only shown, not followed). */
export function routeHref(route: Route): string {
  switch (route.section) {
    case 'dossiers':
      if (route.view === 'dossier') return `#dossiers/${route.dossierId}${route.tab ? `/${route.tab}` : ''}`;
      if (route.view === 'subject') return `#subjects/${route.subjectId}`;
      return '#dossiers';
    case 'signals':
      return route.view === 'signal' ? `#signals/${route.signalId}` : '#signals';
    case 'search':
      return `#search/${encodeURIComponent(route.query)}`;
    default:
      return `#${route.section}`;
  }
}

interface RouteLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> {
  route: Route;
  children: ReactNode;
}

/** A real link (Tab, Enter, a link to screen readers) that opens a screen inside the vault. */
export function RouteLink({ route, children, className, ...rest }: RouteLinkProps) {
  const open = useNavigation((state) => state.open);
  return (
    <a
      {...rest}
      href={routeHref(route)}
      className={['utrecht-link utrecht-link--html-a', className].filter(Boolean).join(' ')}
      onClick={(event) => {
        // Also for Ctrl- or Shift-click: the vault opens in no other tab or window.
        event.preventDefault();
        open(route);
      }}
    >
      {children}
    </a>
  );
}
