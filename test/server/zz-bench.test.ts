import { it } from 'vitest';
import { migrate } from '../../server/db/database';
import { seedIfEmpty } from '../../seeds/database.seeder';
import { openTestDatabase } from '../helpers/server';
import { insertUnnest, withoutForeignKeys } from '../../seeds/demo/demo.bulk';

it('bench', async () => {
  const db = await openTestDatabase('pglite');
  await migrate(db.orm);
  await seedIfEmpty(db.orm.em.fork(), { demo: false });
  const em = db.orm.em.fork();
  await em.transactional(async (tem) => {
    const [org] = await tem.execute('select id, municipality_id from organization limit 1').catch(() => [undefined]);
    const [mun] = await tem.execute('select id from municipality limit 1');
    const N = Number(process.env.N ?? 100000);
    const S = Math.round(N / 2.5);
    for (const t of ['student', 'olympiad_record']) await tem.execute(`alter table "${t}" disable trigger "audit_row"`);
    if (process.env.NOIDX) { await tem.execute('alter table olympiad_record drop constraint olympiad_record_olympiad_id_year_subject_id_stage_1bae7_unique'); await tem.execute('drop index olympiad_record_student_id_index; drop index olympiad_record_organization_id_year_index; drop index olympiad_record_municipality_id_year_stage_index'); }
    let t0 = performance.now();
    await withoutForeignKeys(tem, ['student', 'olympiad_record'], async () => {
      await insertUnnest(tem, 'student', [['code','text'],['organization_id','int'],['municipality_id','int'],['grade','smallint'],['birth_year','smallint'],['full_name','text']],
        Array.from({ length: S }, (_, i) => ({ code: `S-47-kingisepp-s01-${i}`, organization_id: 1, municipality_id: mun.id, grade: 5 + (i % 7), birth_year: 2010, full_name: 'Иванов Иван Иванович' })));
      const t1 = performance.now();
      console.log('students', S, ((t1 - t0) / 1000).toFixed(2));
      const [{ min }] = await tem.execute('select min(id)::int as min from student');
      await insertUnnest(tem, 'olympiad_record', [['olympiad_id','int'],['year','smallint'],['subject_id','int'],['stage','olympiad_stage'],['student_id','int'],['organization_id','int'],['municipality_id','int'],['grade_actual','smallint'],['grade_performed','smallint'],['score','float8'],['max_score','float8'],['status','olympiad_status']],
        Array.from({ length: N }, (_, i) => ({ olympiad_id: 1, year: 2024, subject_id: 1 + Math.floor(i / S), stage: 'school', student_id: min + (i % S), organization_id: 1, municipality_id: mun.id, grade_actual: 7, grade_performed: 7, score: 33.5, max_score: 100, status: 'participant' })));
      console.log('records', N, ((performance.now() - t1) / 1000).toFixed(2));
      t0 = performance.now();
      if (process.env.NOIDX) { await tem.execute('alter table "olympiad_record" add constraint "olympiad_record_olympiad_id_year_subject_id_stage_1bae7_unique" unique ("olympiad_id", "year", "subject_id", "stage", "student_id")'); await tem.execute('create index "olympiad_record_student_id_index" on "olympiad_record" ("student_id")'); await tem.execute('create index "olympiad_record_organization_id_year_index" on "olympiad_record" ("organization_id", "year")'); await tem.execute('create index "olympiad_record_municipality_id_year_stage_index" on "olympiad_record" ("municipality_id", "year", "stage")'); console.log('idx', ((performance.now() - t0) / 1000).toFixed(2)); }

      t0 = performance.now();
    });
    console.log('fks', ((performance.now() - t0) / 1000).toFixed(2));
  });
  await db.close();
}, 300000);
