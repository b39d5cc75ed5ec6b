// The demo teachers against the hub's own rules (deficits, route closure, young specialists,
// mentees per mentor) and the proportions of DOMAIN.md §4. Pure, no database.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDemoGeography } from '../../seeds/demo/demo.geography';
import {
  type DemoCampaign,
  type DemoDiagnosticResult,
  type DemoTeachers,
  generateDemoTeachers,
  TEACHER_REFERENCE_YEAR,
  TEACHER_YEARS,
} from '../../seeds/demo/demo.teachers';
import { OrganizationKind } from '../../server/modules/geography/geography.entity';
import {
  detectDeficits,
  isYoungSpecialist,
  routeCloses,
} from '../../server/modules/teachers/deficits';
import {
  MentorshipForm,
  MentorshipStatus,
  QualificationCategory,
  RouteStatus,
  RouteStepKind,
} from '../../server/modules/teachers/teachers.enums';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) {
      group.push(row);
    } else {
      groups.set(k, [row]);
    }
  }
  return groups;
}

const geography = generateDemoGeography();
const data = generateDemoTeachers(geography.organizations, geography.municipalities);

const schools = geography.organizations.filter((org) => org.kind === OrganizationKind.SCHOOL);
const organizations = new Map(geography.organizations.map((org) => [org.code, org]));
const regionOf = new Map(geography.municipalities.map((m) => [m.code, m.regionCode]));
const teachers = new Map(data.teachers.map((t) => [t.personnelCode, t]));
const campaigns = new Map(data.campaigns.map((c) => [c.code, c]));
const assignmentsOf = groupBy(data.assignments, (a) => a.personnelCode);
const resultsOf = groupBy(data.results, (r) => r.personnelCode);
const share = (part: number, whole: number) => part / whole;

/** The teacher's results in the order of the campaigns. */
function history(code: string): (DemoDiagnosticResult & { campaign: DemoCampaign })[] {
  return (resultsOf.get(code) ?? [])
    .map((r) => ({ ...r, campaign: campaigns.get(r.campaignCode)! }))
    .sort((a, b) => a.campaign.heldOn.localeCompare(b.campaign.heldOn));
}

/** Where the teacher worked on a date, by the assignments (null: not yet at a demo school). */
function organizationOn(code: string, date: string): string | null {
  const current = (assignmentsOf.get(code) ?? []).find(
    (a) => a.startedOn <= date && (a.endedOn === null || date < a.endedOn),
  );
  return current?.organizationCode ?? null;
}

const measured = (campaign: DemoCampaign) => campaign.areas.map((a) => a.area);

describe('demo teachers', () => {
  it('is deterministic', () => {
    const digest = (rows: DemoTeachers) =>
      createHash('sha256').update(JSON.stringify(rows)).digest('hex');
    const again = generateDemoTeachers(geography.organizations, geography.municipalities);
    expect(digest(again)).toBe(digest(data));
    expect(again.counts).toEqual(data.counts);
  });

  it('staffs every school with its teachers: subjects, positions, one deputy head', () => {
    expect(data.teachers.length).toBe(schools.reduce((sum, org) => sum + org.teachers, 0));
    expect(new Set(teachers.keys()).size).toBe(data.teachers.length);
    const problems: string[] = [];
    for (const org of schools) {
      const own = data.teachers.filter((t) => t.organizationCode === org.code);
      if (own.length !== org.teachers) {
        problems.push(`${org.code}: ${own.length} teachers, planned ${org.teachers}`);
      }
      if (own.filter((t) => t.position.startsWith('заместитель')).length > 1) {
        problems.push(`${org.code}: more than one deputy`);
      }
    }
    for (const t of data.teachers) {
      const org = organizations.get(t.organizationCode)!;
      if (!/^DEMO-\d\d-\d{5}$/.test(t.personnelCode) || t.subjects.length === 0) {
        problems.push(`${t.personnelCode}: code or subjects`);
      }
      if (org.municipalityCode !== t.municipalityCode) {
        problems.push(`${t.personnelCode}: municipality`);
      }
      if (t.fullName.split(' ').length !== 3) {
        problems.push(`${t.personnelCode}: name ${t.fullName}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    // Typical staffing: a quarter or so primary-class teachers, then Russian and mathematics.
    const first = (subject: string) =>
      share(data.teachers.filter((t) => t.subjects[0] === subject).length, data.teachers.length);
    expect(first('Начальные классы')).toBeGreaterThan(0.2);
    expect(first('Начальные классы')).toBeLessThan(0.35);
    expect(first('Русский язык')).toBeGreaterThan(first('Физика'));
    expect(first('Математика')).toBeGreaterThan(first('Химия'));
  });

  it('has ≈ 23 % under 35, few over 65, experience consistent with age', () => {
    const ages = data.teachers.map((t) => TEACHER_REFERENCE_YEAR - t.birthYear);
    const under35 = share(ages.filter((age) => age < 35).length, ages.length);
    expect(Math.abs(under35 - 0.23)).toBeLessThanOrEqual(0.03);
    expect(share(ages.filter((age) => age >= 65).length, ages.length)).toBeLessThan(0.1);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(21);
    const inconsistent = data.teachers.filter((t) => {
      const age = TEACHER_REFERENCE_YEAR - t.birthYear;
      return (
        t.teachingExperienceYears < 0 ||
        t.teachingExperienceYears > t.totalExperienceYears ||
        age - t.totalExperienceYears < 18
      );
    });
    expect(inconsistent.slice(0, 5)).toEqual([]);
  });

  it('spreads qualification categories as in the brief, novices without one', () => {
    const count = (...categories: QualificationCategory[]) =>
      share(
        data.teachers.filter((t) => categories.includes(t.category)).length,
        data.teachers.length,
      );
    const { HIGHEST, METHODIST, MENTOR, FIRST, POSITION_MATCH, NONE } = QualificationCategory;
    expect(Math.abs(count(HIGHEST, METHODIST, MENTOR) - 0.35)).toBeLessThan(0.04);
    expect(Math.abs(count(FIRST) - 0.3)).toBeLessThan(0.04);
    expect(Math.abs(count(POSITION_MATCH) - 0.2)).toBeLessThan(0.04);
    expect(Math.abs(count(NONE) - 0.15)).toBeLessThan(0.04);
    expect(count(METHODIST, MENTOR)).toBeGreaterThan(0.01);
    expect(count(METHODIST, MENTOR)).toBeLessThan(0.06);
    for (const t of data.teachers.filter((t) => t.teachingExperienceYears < 2)) {
      expect(t.category, t.personnelCode).toBe(NONE);
    }
  });

  it('moves ≈ 2 % within a municipality: two assignments, earlier results at the old one', () => {
    const moved = data.teachers.filter((t) => assignmentsOf.get(t.personnelCode)!.length > 1);
    expect(share(moved.length, data.teachers.length)).toBeGreaterThan(0.01);
    expect(share(moved.length, data.teachers.length)).toBeLessThan(0.03);
    for (const t of data.teachers) {
      const rows = assignmentsOf.get(t.personnelCode)!;
      const open = rows.filter((a) => a.endedOn === null);
      expect(open.map((a) => a.organizationCode)).toEqual([t.organizationCode]);
      expect(open[0].startedOn).toBe(t.hireDate);
    }
    let before = 0;
    for (const t of moved) {
      const [previous, current] = assignmentsOf.get(t.personnelCode)!;
      expect(assignmentsOf.get(t.personnelCode)!.length).toBe(2);
      expect(previous.endedOn).toBe(current.startedOn);
      expect(previous.organizationCode).not.toBe(t.organizationCode);
      expect(organizations.get(previous.organizationCode)!.municipalityCode).toBe(
        t.municipalityCode,
      );
      expect(current.startedOn >= `${TEACHER_REFERENCE_YEAR - 1}-09-01`).toBe(true);
      for (const r of history(t.personnelCode)) {
        const expected =
          r.campaign.heldOn < current.startedOn
            ? previous.organizationCode
            : current.organizationCode;
        before += r.campaign.heldOn < current.startedOn ? 1 : 0;
        expect(r.organizationCode, `${t.personnelCode} ${r.campaignCode}`).toBe(expected);
      }
    }
    expect(before).toBeGreaterThan(0);
  });

  it('holds two campaigns a year per region, each diagnosing 60–85 % of the teachers there', () => {
    const regions = [...new Set(regionOf.values())];
    expect(data.campaigns.length).toBe(regions.length * TEACHER_YEARS.length * 2);
    expect(new Set(campaigns.keys()).size).toBe(data.campaigns.length);
    for (const c of data.campaigns) {
      expect(c.code).toMatch(/^CNPPM-\d\d-\d{4}-(09|04)$/);
      expect(c.operator).toMatch(/^ЦНППМ /);
      for (const area of c.areas) {
        expect(area.maxScore).toBe(100);
        expect(area.deficitBelow).toBe(area.area === 'methodical' ? 55 : 50);
      }
      const present = data.teachers.filter((t) => {
        const org = organizationOn(t.personnelCode, c.heldOn);
        return (
          org !== null && regionOf.get(organizations.get(org)!.municipalityCode) === c.regionCode
        );
      }).length;
      const diagnosed = data.results.filter((r) => r.campaignCode === c.code).length;
      expect(share(diagnosed, present), c.code).toBeGreaterThan(0.6);
      expect(share(diagnosed, present), c.code).toBeLessThan(0.85);
    }
  });

  it('stores the deficits the hub detects, at the teacher’s school of the day', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const r of data.results) {
      const campaign = campaigns.get(r.campaignCode)!;
      const key = `${r.campaignCode}|${r.personnelCode}`;
      if (seen.has(key)) {
        problems.push(`${key}: twice`);
      }
      seen.add(key);
      if (JSON.stringify(detectDeficits(r.scores, campaign.areas)) !== JSON.stringify(r.deficits)) {
        problems.push(`${key}: deficits ${r.deficits} for ${JSON.stringify(r.scores)}`);
      }
      if (Object.keys(r.scores).sort().join() !== measured(campaign).sort().join()) {
        problems.push(`${key}: areas`);
      }
      if (Object.values(r.scores).some((s) => !Number.isInteger(s) || s < 0 || s > 100)) {
        problems.push(`${key}: score out of range`);
      }
      if (organizationOn(r.personnelCode, campaign.heldOn) !== r.organizationCode) {
        problems.push(`${key}: not at ${r.organizationCode} on ${campaign.heldOn}`);
      }
      if (organizations.get(r.organizationCode)!.municipalityCode !== r.municipalityCode) {
        problems.push(`${key}: municipality`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('finds deficits in 25–40 % in September, fewer by April where routes work', () => {
    const autumn = data.results.filter((r) => campaigns.get(r.campaignCode)!.season === 'autumn');
    const rate = (rows: DemoDiagnosticResult[]) =>
      share(rows.filter((r) => r.deficits.length > 0).length, rows.length);
    expect(rate(autumn)).toBeGreaterThan(0.25);
    expect(rate(autumn)).toBeLessThan(0.4);
    for (const c of data.campaigns.filter((c) => c.season === 'autumn')) {
      const own = autumn.filter((r) => r.campaignCode === c.code);
      expect(rate(own), c.code).toBeGreaterThan(0.2);
      expect(rate(own), c.code).toBeLessThan(0.45);
    }
    // Teachers who got a route in October: all had a deficit in September; by April about half.
    const routed = new Set(
      data.routes.map((r) => `${r.personnelCode}|${campaigns.get(r.campaignCode)!.year}`),
    );
    const april = data.results.filter((r) => {
      const c = campaigns.get(r.campaignCode)!;
      return c.season === 'spring' && routed.has(`${r.personnelCode}|${c.year}`);
    });
    expect(april.length).toBeGreaterThan(1000);
    expect(rate(april)).toBeLessThan(0.65);
  });

  it('opens routes on most September deficits and closes them by the hub’s rule', () => {
    const problems: string[] = [];
    let eligible = 0;
    let opened = 0;
    const routesOf = groupBy(data.routes, (r) => r.personnelCode);
    for (const [code, routes] of routesOf) {
      const results = history(code);
      for (const route of routes) {
        const source = results.find((r) => r.campaignCode === route.campaignCode);
        const where = `${code} ${route.campaignCode}`;
        if (!source || source.campaign.season !== 'autumn') {
          problems.push(`${where}: no autumn source`);
          continue;
        }
        if (JSON.stringify(route.targetedDeficits) !== JSON.stringify(source.deficits)) {
          problems.push(`${where}: targets ${route.targetedDeficits} ≠ ${source.deficits}`);
        }
        if (route.openedOn <= source.campaign.heldOn || route.openedOn.slice(5, 7) !== '10') {
          problems.push(`${where}: opened ${route.openedOn}`);
        }
        // The first later result that measured every targeted area and shows none closes it.
        const closing = results.find(
          (r) =>
            r.campaign.heldOn > source.campaign.heldOn &&
            routeCloses(route.targetedDeficits, {
              deficits: r.deficits,
              measured: measured(r.campaign),
            }),
        );
        if (route.status === RouteStatus.CLOSED) {
          if (
            !closing ||
            route.closedByCampaignCode !== closing.campaignCode ||
            route.closedOn !== closing.campaign.heldOn
          ) {
            problems.push(`${where}: closed by ${route.closedByCampaignCode}`);
          }
        } else if (route.status !== RouteStatus.OPEN || closing || route.closedOn) {
          problems.push(`${where}: open, but ${closing?.campaignCode} closes it`);
        }
        if (route.steps.length < 2 || route.steps.length > 4) {
          problems.push(`${where}: ${route.steps.length} steps`);
        }
        for (const step of route.steps) {
          const year = source.campaign.year;
          if (step.dueDate < `${year}-10-01` || step.dueDate > `${year + 1}-08-31`) {
            problems.push(`${where}: due ${step.dueDate}`);
          }
          if (step.kind === RouteStepKind.REFRESHER_COURSE && ![36, 72].includes(step.hours!)) {
            problems.push(`${where}: course of ${step.hours} hours`);
          }
        }
      }
      // One open route at a time: the next opens only after the previous one closed.
      const sorted = [...routes].sort((a, b) => a.openedOn.localeCompare(b.openedOn));
      for (let i = 1; i < sorted.length; i += 1) {
        const previous = sorted[i - 1];
        if (previous.status !== RouteStatus.CLOSED || previous.closedOn! > sorted[i].openedOn) {
          problems.push(`${code}: overlapping routes`);
        }
      }
    }
    // Uptake: September results with a deficit of teachers without a route still open.
    for (const t of data.teachers) {
      const routes = routesOf.get(t.personnelCode) ?? [];
      for (const r of history(t.personnelCode)) {
        if (r.campaign.season !== 'autumn' || r.deficits.length === 0) {
          continue;
        }
        const busy = routes.some(
          (route) =>
            route.openedOn < r.campaign.heldOn &&
            (route.closedOn === null || route.closedOn > r.campaign.heldOn),
        );
        if (!busy) {
          eligible += 1;
          opened += routes.some((route) => route.campaignCode === r.campaignCode) ? 1 : 0;
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(share(opened, eligible)).toBeGreaterThan(0.7);
    expect(share(opened, eligible)).toBeLessThan(0.85);
    const closed = data.routes.filter((r) => r.status === RouteStatus.CLOSED).length;
    expect(share(closed, data.routes.length)).toBeGreaterThan(0.5);
  });

  it('gives 70–85 % of young specialists an experienced mentor, at most three mentees each', () => {
    const problems: string[] = [];
    for (const year of TEACHER_YEARS) {
      const pairs = data.mentorships.filter((m) => m.year === year);
      const load = groupBy(pairs, (m) => m.mentorCode);
      for (const [mentor, own] of load) {
        if (own.length > 3) {
          problems.push(`${year} ${mentor}: ${own.length} mentees`);
        }
      }
      const young = data.teachers.filter((t) => {
        const experience = t.teachingExperienceYears - (TEACHER_REFERENCE_YEAR - year);
        return (
          experience >= 0 &&
          organizationOn(t.personnelCode, `${year}-09-01`) !== null &&
          isYoungSpecialist({ ...t, teachingExperienceYears: experience }, year)
        );
      });
      const mentees = new Set(pairs.map((m) => m.menteeCode));
      expect(mentees.size, String(year)).toBe(pairs.length);
      const coverage = share(
        young.filter((t) => mentees.has(t.personnelCode)).length,
        young.length,
      );
      expect(coverage, String(year)).toBeGreaterThan(0.7);
      expect(coverage, String(year)).toBeLessThan(0.85);
      expect(young.filter((t) => mentees.has(t.personnelCode)).length).toBe(pairs.length);
      let sameSchool = 0;
      for (const m of pairs) {
        const mentor = teachers.get(m.mentorCode)!;
        const where = `${year} ${m.mentorCode} → ${m.menteeCode}`;
        const experience = mentor.teachingExperienceYears - (TEACHER_REFERENCE_YEAR - year);
        const qualified = [
          QualificationCategory.FIRST,
          QualificationCategory.HIGHEST,
          QualificationCategory.METHODIST,
          QualificationCategory.MENTOR,
        ].includes(mentor.category);
        if (m.mentorCode === m.menteeCode || experience < 10 || !qualified) {
          problems.push(`${where}: mentor not experienced`);
        }
        const mentorSchool = organizationOn(m.mentorCode, `${year}-09-01`);
        const menteeSchool = organizationOn(m.menteeCode, `${year}-09-01`);
        sameSchool += mentorSchool === menteeSchool ? 1 : 0;
        if (
          organizations.get(mentorSchool!)!.municipalityCode !==
          organizations.get(menteeSchool!)!.municipalityCode
        ) {
          problems.push(`${where}: another municipality`);
        }
        const current = year === TEACHER_REFERENCE_YEAR;
        const expected =
          m.status === MentorshipStatus.TERMINATED
            ? m.endedOn !== null && m.outcome !== null
            : current
              ? m.status === MentorshipStatus.ACTIVE && m.endedOn === null
              : m.status === MentorshipStatus.COMPLETED && m.endedOn === `${year + 1}-05-31`;
        if (!expected || m.startedOn < `${year}-09-01`) {
          problems.push(`${where}: ${m.status} ${m.startedOn}–${m.endedOn}`);
        }
      }
      expect(share(sameSchool, pairs.length), String(year)).toBeGreaterThan(0.9);
      const leaders = pairs.filter((m) => m.form === MentorshipForm.LEADER_TEACHER).length;
      expect(share(leaders, pairs.length), String(year)).toBeGreaterThan(0.03);
      expect(share(leaders, pairs.length), String(year)).toBeLessThan(0.25);
    }
    // Live pairs (the hub's limit counts planned and active ones).
    const live = data.mentorships.filter(
      (m) => m.status === MentorshipStatus.ACTIVE || m.status === MentorshipStatus.PLANNED,
    );
    for (const [mentor, own] of groupBy(live, (m) => m.mentorCode)) {
      expect(own.length, mentor).toBeLessThanOrEqual(3);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
