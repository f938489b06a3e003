// One implementation for the screens and the audit trail's sentences.
export { formatBytes } from '../../../shared/i18n/format';
