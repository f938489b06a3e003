// The only IPC channels between renderer and main. Shared by main and preload (the preload
// bundle inlines these strings, so it still requires nothing but 'electron').
export const CALL_CHANNEL = 'dossierkluis:call';
export const EVENT_CHANNEL = 'dossierkluis:event';
/** The native file dialog: a shell feature, not a core handler, so it has its own channel. */
export const CHOOSE_FILE_CHANNEL = 'dossierkluis:choose-file';
/** Print a document version through the system's print dialog (main asks the core for the template). */
export const PRINT_DOCUMENT_CHANNEL = 'dossierkluis:print-document';
