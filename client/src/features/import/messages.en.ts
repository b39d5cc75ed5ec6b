// English words of the import preview grid (spread into the app's dictionary in i18n/en.ts).
import type { Entry } from '../../i18n/ru';
import type { IMPORT_MESSAGES_RU } from './messages.ru';

export const IMPORT_MESSAGES_EN: Record<keyof typeof IMPORT_MESSAGES_RU, Entry> = {
  'import.grid.hint':
    'Fix the rows right in the table (paste from Excel, fill down, add and delete rows) and press «Save» above the table: the roadmap is stored with your fixes. Without fixes, «Import» stores it.',
  'import.grid.label': 'Activities of the document',
  'import.col.sectionNumber': 'Section',
  'import.col.sectionTitle': 'Section title',
  'import.col.direction': 'Direction',
  'import.col.notes': 'Notes',
  'import.note.noDirection': 'direction not recognised',
  'import.note.unknownSchedule': 'deadline not recognised',
  'import.note.later': 'found on save',
  'import.grid.badNumber': 'A number like 1, 1.2 or 1.2.3',
  'import.grid.rowError': 'Section {section}, no. {number} — {message}',
  'import.grid.fieldError': 'Section {section}, no. {number}, «{field}» — {message}',
  'import.grid.rowsRefused':
    'The roadmap was not saved: the server refused the rows marked in the table. Nothing was written.',
  'import.grid.unsavedEdits':
    'The table has unsaved fixes. «Import» stores the activities without them (to store them with your fixes, press «Save» above the table). Continue without the fixes?',
  'import.grid.discardEdits': 'Your fixes in the preview table will be lost. Continue?',
};
