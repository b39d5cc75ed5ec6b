// English words of the import into a table and the export of its view (spread into i18n/en.ts).
import type { Entry } from '../../i18n/ru';
import type { TABLE_IO_MESSAGES_RU } from './messages.ru';

export const TABLE_IO_MESSAGES_EN: Record<keyof typeof TABLE_IO_MESSAGES_RU, Entry> = {
  'tio.open': 'Import from file',
  'tio.title': 'Import a CSV or XLSX file into this table',
  'tio.hint':
    'File rows find table rows by the “{key}” column. Values are checked as if typed; ' +
    'they are saved in one operation — all or nothing.',
  'tio.file': 'File',
  'tio.reading': 'Reading the file…',
  'tio.headerRow': 'Header row',
  'tio.fileColumn': 'File column',
  'tio.sample': 'Example',
  'tio.target': 'Table column',
  'tio.skip': '— do not load —',
  'tio.keyRequired': 'Choose which file column is “{key}”: file rows find table rows by it.',
  'tio.summary':
    'Rows in the file: {rows}; values to change: {changed}; unchanged: {same}; errors: {problems}',
  'tio.preview': 'Preview (first {n} rows of the file)',
  'tio.line': 'Row',
  'tio.check': 'Check on the server',
  'tio.checking': 'Checking…',
  'tio.checkedOk': 'The server checked the changes: no errors.',
  'tio.commit': 'Load',
  'tio.committing': 'Loading…',
  'tio.nothing': 'The file matches the table — nothing to load.',
  'tio.done': 'Loaded: {cells} values changed in {rows} rows.',
  'tio.problems': 'Errors in the file (fix the file or do not load the column):',
  'tio.problem': 'Row {line}, “{column}”: {message}',
  'tio.problemRow': 'Row {line}: {message}',
  'tio.more': '… and {n} more',
  'tio.download': 'Download errors (CSV)',
  'tio.close': 'Close',
  'tio.blocked': 'Save or discard the changes in the table first.',
  'tio.missingKey': 'The key column is empty',
  'tio.unknownKey': 'The table has no row “{text}”',
  'tio.duplicateKey': '“{text}” was already on row {line} of the file',
  'tio.readOnly': 'This cell cannot be changed',
  'tio.errorsFile': 'import errors',
  'tio.col.line': 'File row',
  'tio.col.column': 'Column',
  'tio.col.value': 'Value',
  'tio.col.message': 'Error',
  'tio.export': 'Export the view:',
};
