const TOKEN_STORAGE_KEY = 'dossierkluis.hostToken';

/**
 * The browser host hands its per-start token over in the URL fragment (never sent to a server,
 * never in a Referer). Keep it for this tab only, and take it out of the address bar and history.
 */
export function takeHostToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_STORAGE_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_STORAGE_KEY);
}
