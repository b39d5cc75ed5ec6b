// Russian words of the server-paged grid (spread into the app's dictionary in i18n/ru.ts).
import type { Entry } from '../../i18n/ru';

export const SERVER_GRID_MESSAGES_RU = {
  'sgrid.loading': 'Загрузка…',
  'sgrid.total': 'Всего записей: {total}',
  'sgrid.range': 'Строки {from}–{to} из {total}',
  'sgrid.error': 'Не удалось загрузить строки: {message}',
  'sgrid.hint':
    'Только просмотр. Строки подгружаются с сервера по 100 при прокрутке; щелчок по заголовку сортирует.',
} satisfies Record<string, Entry>;
