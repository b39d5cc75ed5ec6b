// Russian words of the import preview grid (spread into the app's dictionary in i18n/ru.ts).
import type { Entry } from '../../i18n/ru';

export const IMPORT_MESSAGES_RU = {
  'import.grid.hint':
    'Исправьте строки прямо в таблице (вставка из Excel, заполнение вниз, добавление и удаление строк) и нажмите «Сохранить» над таблицей: дорожная карта сохранится с правками. Без правок её сохраняет кнопка «Импортировать».',
  'import.grid.label': 'Мероприятия документа',
  'import.col.sectionNumber': 'Раздел',
  'import.col.sectionTitle': 'Название раздела',
  'import.col.direction': 'Направление',
  'import.col.notes': 'Замечания',
  'import.note.noDirection': 'направление не определено',
  'import.note.unknownSchedule': 'срок не распознан',
  'import.note.later': 'определится при сохранении',
  'import.grid.badNumber': 'Номер вида 1, 1.2 или 1.2.3',
  'import.grid.rowError': 'Раздел {section}, № {number} — {message}',
  'import.grid.fieldError': 'Раздел {section}, № {number}, «{field}» — {message}',
  'import.grid.rowsRefused':
    'Дорожная карта не сохранена: сервер не принял строки, отмеченные в таблице. Ничего не записано.',
  'import.grid.unsavedEdits':
    'В таблице есть несохранённые правки. «Импортировать» сохранит мероприятия без них (чтобы сохранить с правками, нажмите «Сохранить» над таблицей). Продолжить без правок?',
  'import.grid.discardEdits': 'Правки в таблице предпросмотра будут потеряны. Продолжить?',
} satisfies Record<string, Entry>;
