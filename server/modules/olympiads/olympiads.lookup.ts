// Directory lookups shared by the protocol writes and the analytics.
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, NotFoundHubError } from '../../errors';
import { Olympiad, OlympiadSubject } from './olympiads.entity';

export const DEFAULT_OLYMPIAD_CODE = 'VSOSH';

/** Subjects by code and by Russian or English name, any case («Математика», "math"). */
export class SubjectDirectory {
  private readonly byKey = new Map<string, OlympiadSubject>();

  constructor(readonly subjects: readonly OlympiadSubject[]) {
    for (const subject of subjects) {
      for (const key of [subject.code, subject.name, subject.nameEn]) {
        this.byKey.set(normalize(key), subject);
      }
    }
  }

  find(text: string): OlympiadSubject | undefined {
    return this.byKey.get(normalize(text));
  }
}

// «Труд (технология)» and "труд  (технология)" match; ё is е in protocols as often as not.
const normalize = (text: string) =>
  text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

export async function subjectDirectory(em: EntityManager): Promise<SubjectDirectory> {
  return new SubjectDirectory(await em.find(OlympiadSubject, {}, { orderBy: { position: 'asc' } }));
}

/** The subject of a code, or BAD_USER_INPUT naming the subjectCode field. */
export async function subjectByCode(em: EntityManager, code: string): Promise<OlympiadSubject> {
  const subject = await em.findOne(OlympiadSubject, { code });
  if (!subject) {
    throw new BadUserInputError(`Предмет ${code} не найден`, { field: 'subjectCode' });
  }
  return subject;
}

/** The olympiad of a code (default ВсОШ), or NOT_FOUND naming the field. */
export async function olympiadByCode(
  em: EntityManager,
  code: string | null | undefined,
): Promise<Olympiad> {
  const olympiad = await em.findOne(Olympiad, { code: code ?? DEFAULT_OLYMPIAD_CODE });
  if (!olympiad) {
    throw new NotFoundHubError(`Олимпиада ${code} не найдена`, { field: 'olympiadCode' });
  }
  return olympiad;
}
