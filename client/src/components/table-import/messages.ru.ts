// Russian words of the import into a table and the export of its view (spread into i18n/ru.ts).
import type { Entry } from '../../i18n/ru';

export const TABLE_IO_MESSAGES_RU = {
  'tio.open': 'Импорт из файла',
  'tio.title': 'Импорт файла CSV или XLSX в эту таблицу',
  'tio.hint':
    'Строки файла находят строки таблицы по столбцу «{key}». Значения проверяются так же, как при вводе; ' +
    'сохраняются одной операцией — всё или ничего.',
  'tio.file': 'Файл',
  'tio.reading': 'Чтение файла…',
  'tio.headerRow': 'Строка заголовков',
  'tio.fileColumn': 'Столбец файла',
  'tio.sample': 'Пример',
  'tio.target': 'Столбец таблицы',
  'tio.skip': '— не загружать —',
  'tio.keyRequired':
    'Укажите, какой столбец файла — «{key}»: по нему строки файла находят строки таблицы.',
  'tio.summary':
    'Строк в файле: {rows}; изменится значений: {changed}; без изменений: {same}; ошибок: {problems}',
  'tio.preview': 'Предпросмотр (первые {n} строк файла)',
  'tio.line': 'Строка',
  'tio.check': 'Проверить на сервере',
  'tio.checking': 'Проверка…',
  'tio.checkedOk': 'Сервер проверил изменения: ошибок нет.',
  'tio.commit': 'Загрузить',
  'tio.committing': 'Загрузка…',
  'tio.nothing': 'Файл совпадает с таблицей — загружать нечего.',
  'tio.done': 'Загружено: изменено значений — {cells}, строк — {rows}.',
  'tio.problems': 'Ошибки в файле (исправьте файл или не загружайте столбец):',
  'tio.problem': 'Строка {line}, «{column}»: {message}',
  'tio.problemRow': 'Строка {line}: {message}',
  'tio.more': '… и ещё {n}',
  'tio.download': 'Скачать ошибки (CSV)',
  'tio.close': 'Закрыть',
  'tio.blocked': 'Сначала сохраните или отмените изменения в таблице.',
  'tio.missingKey': 'Не заполнен ключевой столбец',
  'tio.unknownKey': 'В таблице нет строки «{text}»',
  'tio.duplicateKey': '«{text}» уже была в строке {line} файла',
  'tio.readOnly': 'Эту ячейку изменить нельзя',
  'tio.errorsFile': 'ошибки импорта',
  'tio.col.line': 'Строка файла',
  'tio.col.column': 'Столбец',
  'tio.col.value': 'Значение',
  'tio.col.message': 'Ошибка',
  'tio.export': 'Экспорт вида:',
} satisfies Record<string, Entry>;
