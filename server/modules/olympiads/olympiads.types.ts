import { bulkResultType } from '../../shared/bulk';
import { connectionType } from '../../shared/pagination';
import { GradeEnrolment, Olympiad, OlympiadRecord, Student } from './olympiads.entity';

export const OlympiadRecordConnection = connectionType(OlympiadRecord, 'OlympiadRecordConnection');
export const StudentConnection = connectionType(Student, 'StudentConnection');
export const GradeEnrolmentConnection = connectionType(GradeEnrolment, 'GradeEnrolmentConnection');
export const UpsertOlympiadRecordsResult = bulkResultType(
  OlympiadRecord,
  'UpsertOlympiadRecordsResult',
);
export const UpsertGradeEnrolmentsResult = bulkResultType(
  GradeEnrolment,
  'UpsertGradeEnrolmentsResult',
);
export const UpsertOlympiadsResult = bulkResultType(Olympiad, 'UpsertOlympiadsResult');
