// English words of the server-paged grid (spread into the app's dictionary in i18n/en.ts).
import type { Entry } from '../../i18n/ru';
import type { SERVER_GRID_MESSAGES_RU } from './messages.ru';

export const SERVER_GRID_MESSAGES_EN: Record<keyof typeof SERVER_GRID_MESSAGES_RU, Entry> = {
  'sgrid.loading': 'Loading…',
  'sgrid.total': 'Entries: {total}',
  'sgrid.range': 'Rows {from}–{to} of {total}',
  'sgrid.error': 'Could not load the rows: {message}',
  'sgrid.hint':
    'Read only. Rows come from the server 100 at a time as you scroll; click a header to sort.',
};
