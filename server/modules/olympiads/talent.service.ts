// The talent bank (issue #7 item 4): pupils holding a diploma (winner or prize-winner) of the
// configured stage or higher within the configured number of academic years, where they study
// now. Rows follow the viewer's row scope; names are personal data (@PersonalData on Student).
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseId } from '../../shared/filters';
import { type ConnectionShape, findConnection } from '../../shared/pagination';
import { type Access, municipalityScopeFilter } from '../access/viewer';
import type { OlympiadSettings } from './olympiad.settings';
import { OlympiadRecord, Student } from './olympiads.entity';
import { OlympiadStatus, STAGE_ORDER } from './olympiads.enums';
import type { TalentBankArgs } from './olympiads.inputs';
import { requireAcademicYear } from './olympiads.rules';
import { subjectByCode } from './olympiads.lookup';

export async function talentBank(
  em: EntityManager,
  args: TalentBankArgs,
  access: Access,
  settings: OlympiadSettings,
  currentYear: number,
): Promise<ConnectionShape<Student>> {
  const filter = args.filter ?? {};
  const lastYear = filter.academicYear ? requireAcademicYear(filter.academicYear) : currentYear;
  const diplomas: Record<string, unknown> = {
    status: { $in: [OlympiadStatus.WINNER, OlympiadStatus.PRIZE_WINNER] },
    stage: { $in: STAGE_ORDER.slice(STAGE_ORDER.indexOf(settings.talentMinStage)) },
    year: { $gte: lastYear - settings.talentYears + 1, $lte: lastYear },
  };
  if (filter.subjectCode) {
    diplomas.subject = (await subjectByCode(em, filter.subjectCode)).id;
  }
  const holders = em
    .createQueryBuilder(OlympiadRecord, 'r')
    .select('r.student_id')
    .where(diplomas)
    .getKnexQuery();
  const where: Record<string, unknown>[] = [
    { municipality: municipalityScopeFilter(access.rowScope()) },
    { id: { $in: holders } },
  ];
  if (filter.regionId != null) {
    const regionId = parseId(filter.regionId, 'regionId');
    where.push({ municipality: { region: regionId } });
  }
  if (filter.municipalityId != null) {
    where.push({ municipality: parseId(filter.municipalityId, 'municipalityId') });
  }
  if (filter.organizationId != null) {
    where.push({ organization: parseId(filter.organizationId, 'organizationId') });
  }
  return findConnection<Student>(
    em,
    Student,
    { $and: where } as FilterQuery<Student>,
    [{ municipality: 'asc' }, { organization: 'asc' }, { code: 'asc' }],
    args,
  );
}
