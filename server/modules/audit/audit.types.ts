import { connectionType } from '../../shared/pagination';
import { ChangeLog } from './audit.entity';

export const ChangeLogConnection = connectionType(ChangeLog, 'ChangeLog');
