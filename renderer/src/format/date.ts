import { localIsoDate } from '../../../shared/domain/dates';

/** dd-mm-jjjj in Dutch (the Dutch government's usual notation); dd/mm/yyyy in English. */
export { formatDate, formatDateTime } from '../../../shared/domain/dates';

/** Today as jjjj-mm-dd, for file names (sorts well in a folder). */
export function fileDateStamp(date = new Date()): string {
  return localIsoDate(date);
}
