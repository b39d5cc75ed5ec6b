// The demo ВсОШ protocols against the hub's own rules (grades per stage, admission, the grade
// kept from a stage before), the proportions of DOMAIN.md §4 and the re-check's statistics
// (recomputed here, independently of the generator). Pure, no database.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDemoGeography } from '../../seeds/demo/demo.geography';
import {
  type DemoOlympiadRecord,
  type DemoOlympiads,
  generateDemoOlympiads,
  GRADE_FOUR_SUBJECTS,
  OLYMPIAD_YEARS,
  SUBJECT_BY_CODE,
} from '../../seeds/demo/demo.olympiads';
import { OrganizationKind } from '../../server/modules/geography/geography.entity';
import {
  OlympiadStage,
  OlympiadStatus,
  STAGE_ORDER,
} from '../../server/modules/olympiads/olympiads.enums';
import {
  admissionProblem,
  gradeProblem,
  previousStage,
} from '../../server/modules/olympiads/olympiads.rules';

const { SCHOOL, MUNICIPAL, REGIONAL, FINAL } = OlympiadStage;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return groups;
}

const geography = generateDemoGeography();
const data = generateDemoOlympiads(geography.organizations, geography.municipalities);

const regionOf = new Map(geography.municipalities.map((m) => [m.code, m.regionCode]));
const regions = [...new Set(regionOf.values())].sort();
const schools = geography.organizations.filter((org) => org.kind === OrganizationKind.SCHOOL);
const students = new Map(data.students.map((s) => [s.code, s]));
const share = (part: number, whole: number) => part / whole;
const ratio = (r: DemoOlympiadRecord) => r.score / r.maxScore;
const diploma = (r: DemoOlympiadRecord) => r.status !== OlympiadStatus.PARTICIPANT;
const pupils = (rows: readonly DemoOlympiadRecord[]) =>
  new Set(rows.map((r) => r.studentCode)).size;
const entryKey = (r: DemoOlympiadRecord, stage = r.stage, year = r.year) =>
  `${year}|${stage}|${r.subjectCode}|${r.studentCode}`;
const byKey = new Map(data.records.map((r) => [entryKey(r), r]));

/** Records of a region, year and stage. */
function recordsOf(region: string | null, year: number, stage: OlympiadStage) {
  return data.records.filter(
    (r) =>
      r.year === year &&
      r.stage === stage &&
      (region === null || regionOf.get(r.municipalityCode) === region),
  );
}

function pupilsOnRoll(region: string, year: number, from: number): number {
  return data.enrolments
    .filter(
      (e) => e.year === year && e.grade >= from && regionOf.get(e.municipalityCode) === region,
    )
    .reduce((sum, e) => sum + e.pupils, 0);
}

// The re-check's statistics, written out here on their own (recheck.sql.ts).
function percentileCont(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) / 2;
  const low = Math.floor(position);
  return sorted[low] + (position - low) * (sorted[Math.ceil(position)] - sorted[low]);
}

function robustZs(group: readonly DemoOlympiadRecord[]): number[] {
  const shares = group.map(ratio);
  const median = percentileCont(shares);
  const deviations = shares.map((x) => Math.abs(x - median));
  const mad = percentileCont(deviations);
  const meanAd = deviations.reduce((sum, d) => sum + d, 0) / deviations.length;
  return shares.map((x) =>
    mad > 0 ? (0.6745 * (x - median)) / mad : (x - median) / (1.253314 * meanAd),
  );
}

describe('demo olympiads', () => {
  it('is deterministic', () => {
    const digest = (rows: DemoOlympiads) =>
      createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    const again = generateDemoOlympiads(geography.organizations, geography.municipalities);
    expect(digest(again)).toBe(digest(data));
    expect(again.counts).toEqual(data.counts);
    expect(data.counts).toEqual({
      gradeEnrolments: data.enrolments.length,
      students: data.students.length,
      records: data.records.length,
    });
  });

  it('enrols every school per year and grade, the second year a cohort moved up', () => {
    const keys = data.enrolments.map((e) => `${e.organizationCode}|${e.year}|${e.grade}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(data.enrolments.map((e) => e.organizationCode)).size).toBe(schools.length);
    const pupilsOf = new Map(
      data.enrolments.map((e) => [`${e.organizationCode}|${e.year}|${e.grade}`, e.pupils]),
    );
    const problems: string[] = [];
    for (const org of schools) {
      for (let grade = 2; grade <= 11; grade += 1) {
        const before = pupilsOf.get(`${org.code}|${OLYMPIAD_YEARS[0]}|${grade - 1}`) ?? 0;
        const now = pupilsOf.get(`${org.code}|${OLYMPIAD_YEARS[1]}|${grade}`) ?? 0;
        const usual = org.grades[grade] / (org.grades[grade - 1] || 1);
        if (
          org.grades[grade] > 0 &&
          before > 10 &&
          Math.abs(now - before * usual) > 0.15 * before * usual + 1
        ) {
          problems.push(`${org.code} grade ${grade}: ${before} → ${now}`);
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // Participants never outnumber the pupils of their school, year and grade.
    const written = groupBy(
      data.records.filter((r) => r.stage === SCHOOL),
      (r) => `${r.organizationCode}|${r.year}|${r.gradeActual}`,
    );
    const overfull = [...written].filter(([key, rows]) => pupils(rows) > (pupilsOf.get(key) ?? 0));
    expect(overfull.map(([key]) => key)).toEqual([]);
  });

  it('gives pupils pseudonymous codes, names and birth years consistent with their grades', () => {
    expect(students.size).toBe(data.students.length);
    const problems: string[] = [];
    for (const s of data.students) {
      if (!s.code.startsWith(`S-${s.organizationCode}-`) || !/-\d{4}$/.test(s.code)) {
        problems.push(`${s.code}: code`);
      }
      if (s.fullName.split(' ').length !== 3) {
        problems.push(`${s.code}: name ${s.fullName}`);
      }
    }
    // The grade of every record follows the pupil's cohort; the pupil's grade is the latest.
    for (const [code, rows] of groupBy(data.records, (r) => r.studentCode)) {
      const student = students.get(code)!;
      const cohorts = new Set(rows.map((r) => r.gradeActual - (r.year - OLYMPIAD_YEARS[0])));
      const latest = Math.max(...rows.map((r) => r.year));
      const gradeThen = rows.find((r) => r.year === latest)!.gradeActual;
      if (cohorts.size !== 1 || rows.some((r) => r.organizationCode !== student.organizationCode)) {
        problems.push(`${code}: grades or schools of the records`);
      }
      if (student.grade !== gradeThen && student.grade !== gradeThen + 1) {
        problems.push(`${code}: grade ${student.grade}, wrote in grade ${gradeThen}`);
      }
      const age = latest + (student.grade - gradeThen) - student.birthYear - student.grade;
      if (age < 5 || age > 7) {
        problems.push(`${code}: born ${student.birthYear}, grade ${student.grade}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(new Set(data.records.map((r) => r.studentCode)).size).toBe(data.students.length);
  });

  it('covers 35–60 % of grades 4–11 at the school stage with 2–3 entries a participant', () => {
    for (const year of OLYMPIAD_YEARS) {
      for (const region of regions) {
        const school = recordsOf(region, year, SCHOOL);
        const coverage = share(pupils(school), pupilsOnRoll(region, year, 4));
        expect(coverage, `${region} ${year}`).toBeGreaterThan(0.35);
        expect(coverage, `${region} ${year}`).toBeLessThan(0.6);
        const entries = share(school.length, pupils(school));
        expect(entries, `${region} ${year}`).toBeGreaterThan(2);
        expect(entries, `${region} ${year}`).toBeLessThan(3);
      }
    }
    // Coverage varies with the school (schools of at least 50 pupils in grades 4–11).
    const year = OLYMPIAD_YEARS[0];
    const rolls = groupBy(
      data.enrolments.filter((e) => e.year === year && e.grade >= 4),
      (e) => e.organizationCode,
    );
    const written = groupBy(recordsOf(null, year, SCHOOL), (r) => r.organizationCode);
    const coverages = [...rolls]
      .map(
        ([code, rows]) => [rows.reduce((sum, e) => sum + e.pupils, 0), written.get(code)] as const,
      )
      .filter(([roll]) => roll >= 50)
      .map(([roll, rows]) => share(pupils(rows ?? []), roll));
    expect(Math.min(...coverages)).toBeGreaterThan(0.15);
    expect(Math.max(...coverages)).toBeLessThan(0.8);
    expect(Math.max(...coverages) - Math.min(...coverages)).toBeGreaterThan(0.2);
    // Some pupils write an older grade's paper.
    const school = data.records.filter((r) => r.stage === SCHOOL);
    const older = share(
      school.filter((r) => r.gradePerformed > r.gradeActual).length,
      school.length,
    );
    expect(older).toBeGreaterThan(0.01);
    expect(older).toBeLessThan(0.1);
  });

  it('draws each stage from the one before in the proportions of DOMAIN.md §4', () => {
    for (const year of OLYMPIAD_YEARS) {
      for (const region of regions) {
        const where = `${region} ${year}`;
        const grades711 = (rows: DemoOlympiadRecord[]) =>
          pupils(rows.filter((r) => r.gradeActual >= 7));
        const municipal = recordsOf(region, year, MUNICIPAL);
        const conversion = share(grades711(municipal), grades711(recordsOf(region, year, SCHOOL)));
        expect(conversion, where).toBeGreaterThan(0.16);
        expect(conversion, where).toBeLessThan(0.24);
        const regional = share(
          pupils(recordsOf(region, year, REGIONAL)),
          pupils(municipal.filter((r) => r.gradePerformed >= 9)),
        );
        expect(regional, where).toBeGreaterThan(0.07);
        expect(regional, where).toBeLessThan(0.13);
      }
      const final = share(
        pupils(recordsOf(null, year, FINAL)),
        pupils(recordsOf(null, year, REGIONAL)),
      );
      expect(final, String(year)).toBeGreaterThan(0.025);
      expect(final, String(year)).toBeLessThan(0.07);
    }
  });

  it('admits the best school-stage papers to the municipal stage', () => {
    for (const year of OLYMPIAD_YEARS) {
      for (const region of regions) {
        const school = recordsOf(region, year, SCHOOL).filter((r) => r.gradePerformed >= 7);
        const admitted = school.filter((r) => byKey.has(entryKey(r, MUNICIPAL)));
        const median = new Map(
          [...groupBy(school, (r) => `${r.subjectCode}|${r.gradePerformed}`)].map(([key, rows]) => [
            key,
            percentileCont(rows.map(ratio)),
          ]),
        );
        const aboveMedian = admitted.filter(
          (r) => ratio(r) > median.get(`${r.subjectCode}|${r.gradePerformed}`)!,
        );
        expect(share(aboveMedian.length, admitted.length), `${region} ${year}`).toBeGreaterThan(
          0.95,
        );
      }
    }
  });

  it('keeps every record within the grade rules of its stage', () => {
    const problems: string[] = [];
    for (const r of data.records) {
      const subject = SUBJECT_BY_CODE.get(r.subjectCode)!;
      const problem = gradeProblem(
        {
          stage: r.stage,
          gradeActual: r.gradeActual,
          gradePerformed: r.gradePerformed,
          subject: { name: subject.name, gradeFourAllowed: GRADE_FOUR_SUBJECTS.has(subject.code) },
        },
        true,
      );
      if (problem) {
        problems.push(`${entryKey(r)}: ${problem.message}`);
      }
      if (r.gradeActual < 1 || r.gradeActual > 11 || r.gradePerformed > 11) {
        problems.push(`${entryKey(r)}: grade ${r.gradeActual}/${r.gradePerformed}`);
      }
      if (!(r.maxScore > 0 && r.score >= 0 && r.score <= r.maxScore && Number.isInteger(r.score))) {
        problems.push(`${entryKey(r)}: score ${r.score} of ${r.maxScore}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    const keys = data.records.map((r) => entryKey(r));
    expect(new Set(keys).size).toBe(keys.length);
    // Grade 4 writes only Russian and mathematics.
    const grade4 = new Set(
      data.records.filter((r) => r.gradePerformed === 4).map((r) => r.subjectCode),
    );
    expect([...grade4].sort()).toEqual(['MATH', 'RUS']);
  });

  it('admits to every later stage by the stage before or last year’s diploma', () => {
    const problems: string[] = [];
    let byDiploma = 0;
    for (const r of data.records.filter((x) => x.stage !== SCHOOL)) {
      const before = byKey.get(entryKey(r, previousStage(r.stage)!)) ?? null;
      const lastYear = byKey.get(entryKey(r, r.stage, r.year - 1)) ?? null;
      const problem = admissionProblem(
        {
          stage: r.stage,
          year: r.year,
          gradePerformed: r.gradePerformed,
          subjectName: SUBJECT_BY_CODE.get(r.subjectCode)!.name,
        },
        { previousStage: before, previousYear: lastYear },
      );
      if (problem) {
        problems.push(`${entryKey(r)}: ${problem.message}`);
      }
      if (!before) {
        byDiploma += 1;
      }
      if (
        before &&
        (before.gradeActual !== r.gradeActual || before.organizationCode !== r.organizationCode)
      ) {
        problems.push(`${entryKey(r)}: pupil differs from the stage before`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    // Last year's municipal diploma admits some pupils who skipped this year's school stage.
    expect(byDiploma).toBeGreaterThan(0);
    expect(byDiploma).toBeLessThan(0.1 * recordsOf(null, OLYMPIAD_YEARS[1], MUNICIPAL).length);
  });

  it('awards plausible shares of winners and prize-winners at every stage', () => {
    const shareOfDiplomas = (rows: DemoOlympiadRecord[]) =>
      share(rows.filter(diploma).length, rows.length);
    for (const year of OLYMPIAD_YEARS) {
      for (const region of regions) {
        const where = `${region} ${year}`;
        const school = shareOfDiplomas(recordsOf(region, year, SCHOOL));
        expect(school, where).toBeGreaterThan(0.25);
        expect(school, where).toBeLessThan(0.35);
        const municipal = shareOfDiplomas(recordsOf(region, year, MUNICIPAL));
        expect(municipal, where).toBeGreaterThan(0.2);
        expect(municipal, where).toBeLessThan(0.3);
      }
      const regional = shareOfDiplomas(recordsOf(null, year, REGIONAL));
      expect(regional, String(year)).toBeGreaterThan(0.2);
      expect(regional, String(year)).toBeLessThan(0.3);
      const final = recordsOf(null, year, FINAL);
      expect(final.length).toBeGreaterThan(0);
      const winners = final.filter((r) => r.status === OlympiadStatus.WINNER).length;
      expect(share(winners, final.length)).toBeLessThanOrEqual(0.08);
      expect(shareOfDiplomas(final)).toBeLessThanOrEqual(0.45);
    }
    // A winner scores more than half the maximum.
    const weakWinners = data.records.filter(
      (r) => r.status === OlympiadStatus.WINNER && ratio(r) <= 0.5,
    );
    expect(weakWinners.map((r) => entryKey(r))).toEqual([]);
  });

  it('plants outlier papers and schools that stand far above, and nothing else near the thresholds', () => {
    const { works, schools: plantedSchools } = data.planted;
    expect(works.length).toBe(2 * regions.length);
    expect(plantedSchools.length).toBe(3);
    const plantedWorks = new Set(
      works.map((w) => `${w.year}|${w.stage}|${w.subjectCode}|${w.studentCode}`),
    );
    const found: string[] = [];
    let honestMax = 0;
    for (const year of OLYMPIAD_YEARS) {
      for (const region of regions) {
        for (const stage of STAGE_ORDER) {
          const rows = recordsOf(region, year, stage);
          for (const group of groupBy(
            rows,
            (r) => `${r.subjectCode}|${r.gradePerformed}`,
          ).values()) {
            if (group.length < 30) {
              continue;
            }
            robustZs(group).forEach((z, i) => {
              const key = entryKey(group[i]);
              if (plantedWorks.has(key)) {
                expect(z, key).toBeGreaterThan(4.5);
                found.push(key);
              } else {
                honestMax = Math.max(honestMax, Math.abs(z));
              }
            });
          }
        }
      }
    }
    expect(found.sort()).toEqual([...plantedWorks].sort());
    // Honest papers stay clear of 3.5 (a margin, not just below it).
    expect(honestMax).toBeLessThanOrEqual(3.0 + 1e-9);
    // The planted papers' holders wrote the next stage and did poorly there.
    for (const w of works) {
      const next = byKey.get(`${w.year}|${MUNICIPAL}|${w.subjectCode}|${w.studentCode}`);
      expect(next, w.studentCode).toBeDefined();
      expect(ratio(next!)).toBeLessThan(0.2);
    }
    // Schools: binomial z of W + P at a stage against the region's other schools.
    const plantedCodes = new Set(
      plantedSchools.map((s) => `${s.year}|${s.stage}|${s.organizationCode}`),
    );
    const flagged: string[] = [];
    let honestSchoolMax = -Infinity;
    for (const year of OLYMPIAD_YEARS) {
      for (const region of regions) {
        for (const stage of STAGE_ORDER) {
          const rows = recordsOf(region, year, stage);
          const total = rows.filter(diploma).length;
          for (const [code, own] of groupBy(rows, (r) => r.organizationCode)) {
            if (own.length < 20) {
              continue;
            }
            const held = own.filter(diploma).length;
            const p = (total - held) / (rows.length - own.length);
            const z = (held - own.length * p) / Math.sqrt(own.length * p * (1 - p));
            const key = `${year}|${stage}|${code}`;
            if (plantedCodes.has(key)) {
              expect(z, key).toBeGreaterThan(5);
              flagged.push(key);
            } else {
              honestSchoolMax = Math.max(honestSchoolMax, z);
            }
          }
        }
      }
    }
    expect(flagged.sort()).toEqual([...plantedCodes].sort());
    expect(honestSchoolMax).toBeLessThanOrEqual(2.3 + 1e-9);
  });
});
