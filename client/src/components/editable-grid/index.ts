export { EditableGrid } from './EditableGrid';
export type {
  EditableColumn,
  GridItem,
  GridRowBase,
  GroupInfo,
  RowError,
  SaveChange,
  SaveResult,
} from './types';
export { confirmDiscard } from './leaveGuard';
export { mergeSavedRows } from './savedRows';
