export { EditableGrid } from './EditableGrid';
export type { EditableGridProps } from './EditableGrid';
export type {
  EditableColumn,
  GridRowBase,
  GroupInfo,
  RowError,
  SaveChange,
  SaveResult,
} from './types';
export { confirmDiscard, hasUnsavedChanges } from './leaveGuard';
