import { describe, expect, it } from 'vitest';
import {
  bottomQuartileByYear,
  DEFAULT_LOW_RESULT_THRESHOLDS as D,
  identifyRiskZone,
  identifyShnor,
  type SchoolYearResult,
} from '../../server/modules/assessments/low-results';
import {
  identifyShnsu,
  type SchoolSocialData,
  type SocialComponent,
  socialWellbeingIndex,
} from '../../server/modules/assessments/social-wellbeing';

function row(
  schoolId: string,
  year: number,
  score: number,
  extra: Partial<SchoolYearResult> = {},
): SchoolYearResult {
  return { schoolId, year, score, cohort: 30, objectivityFlag: false, ...extra };
}

function table(scores: Record<string, number[]>, firstYear = 2022): SchoolYearResult[] {
  return Object.entries(scores).flatMap(([id, list]) =>
    list.map((score, i) => row(id, firstYear + i, score)),
  );
}

// Eight eligible schools over 2022–2024. With n = 8, percentile_cont(0.25) has h = 7·0.25 =
// 1.75: cutoff = x₂ + 0.75·(x₃ − x₂) (1-based), so the bottom quartile is the lowest two.
//   2022: 40 42 | 50 …  cutoff 42 + 0.75·8  = 48     → A, B
//   2023: 41 43 | 52 …  cutoff 43 + 0.75·9  = 49.75  → A, C
//   2024: 39 44 | 54 …  cutoff 44 + 0.75·10 = 51.5   → A, B
// A: bottom in all three years. B: 2022 and 2024, not 2023 (a gap year). C: 2023 only.
const EIGHT = table({
  A: [40, 41, 39],
  B: [42, 52, 44],
  C: [50, 43, 54],
  D: [55, 56, 57],
  E: [60, 61, 62],
  F: [65, 66, 67],
  G: [70, 71, 72],
  H: [75, 76, 77],
});
// I writes 30 every year with 8 pupils: below minCohort, so never in (or shaping) the quartile.
const SMALL = [2022, 2023, 2024].map((y) => row('I', y, 30, { cohort: 8 }));
// J (35) and K (80) are flagged in 2024: left out of the quartile and reported apart.
const FLAGGED = [
  row('J', 2024, 35, { objectivityFlag: true }),
  row('K', 2024, 80, { objectivityFlag: true }),
];
const ROWS = [...EIGHT, ...SMALL, ...FLAGGED];

describe('bottom quartile per year', () => {
  it('computes the percentile_cont cutoff over eligible schools only', () => {
    const groups = bottomQuartileByYear(ROWS);
    expect(groups.get(2022)).toMatchObject({ cutoff: 48, eligible: 8 });
    expect(groups.get(2023)).toMatchObject({ cutoff: 49.75, eligible: 8 });
    expect(groups.get(2024)).toMatchObject({ cutoff: 51.5, eligible: 8 });
    expect([...groups.get(2022)!.bottom].sort()).toEqual(['A', 'B']);
    expect([...groups.get(2023)!.bottom].sort()).toEqual(['A', 'C']);
    expect([...groups.get(2024)!.bottom].sort()).toEqual(['A', 'B']);
  });

  it('at the cutoff is in: five schools 10…50 give cutoff 20 (h = 1) and two bottom schools', () => {
    const five = table({ P: [10], Q: [20], R: [30], S: [40], T: [50] }, 2024);
    expect([...bottomQuartileByYear(five).get(2024)!.bottom].sort()).toEqual(['P', 'Q']);
    // Four schools: h = 0.75, cutoff 17.5, only the lowest.
    const four = table({ P: [10], Q: [20], R: [30], S: [40] }, 2024);
    expect(bottomQuartileByYear(four).get(2024)).toMatchObject({ cutoff: 17.5 });
    expect([...bottomQuartileByYear(four).get(2024)!.bottom]).toEqual(['P']);
  });

  it('computes no cutoff below minSchools (4) eligible schools; a cohort of 10 is eligible', () => {
    const three = [row('P', 2024, 10, { cohort: 10 }), row('Q', 2024, 20), row('R', 2024, 30)];
    expect(bottomQuartileByYear(three).get(2024)).toMatchObject({ cutoff: null, eligible: 3 });
    const small = [...three, row('S', 2024, 40, { cohort: 9 })];
    expect(bottomQuartileByYear(small).get(2024)).toMatchObject({ cutoff: null, eligible: 3 });
  });

  it('refuses two results for one school and year', () => {
    expect(() => bottomQuartileByYear([row('A', 2024, 1), row('A', 2024, 2)])).toThrow(RangeError);
  });
});

describe('ШНОР: bottom quartile two consecutive years', () => {
  it('2024: only A (2023 and 2024); B has a gap year, C one year only', () => {
    const { shnor } = identifyShnor(ROWS, 2024);
    expect(shnor).toEqual([
      {
        schoolId: 'A',
        kind: 'shnor',
        year: 2024,
        rule: 'shnor/bottom-quartile-2y/1',
        metric: 39,
        threshold: 51.5,
        evidence:
          'Результат в нижнем квартиле региона 2 года подряд: ' +
          '2023 г. — 41,0 (граница 49,8; 8 школ), 2024 г. — 39,0 (граница 51,5; 8 школ).',
      },
    ]);
  });

  it('2023: A (2022 and 2023); B was bottom in 2022 only, C in 2023 only', () => {
    expect(identifyShnor(ROWS, 2023).shnor.map((f) => f.schoolId)).toEqual(['A']);
  });

  it('2022: no 2021 results, so nobody has two years yet', () => {
    expect(identifyShnor(ROWS, 2022).shnor).toEqual([]);
  });

  it('the small-cohort school I is never ШНОР despite the lowest scores', () => {
    expect(identifyShnor(ROWS, 2024).shnor.map((f) => f.schoolId)).not.toContain('I');
  });

  it('three consecutive years when configured: A qualifies', () => {
    const { shnor } = identifyShnor(ROWS, 2024, { ...D, consecutiveYears: 3 });
    expect(shnor.map((f) => [f.schoolId, f.rule])).toEqual([['A', 'shnor/bottom-quartile-3y/1']]);
    expect(shnor[0].evidence).toContain('3 года подряд: 2022 г. — 40,0 (граница 48,0; 8 школ)');
  });

  it('a flagged year breaks the run, and the cutoff is recomputed without it', () => {
    // A flagged in 2023 → 2023 has 7 eligible: 43 52 56 61 66 71 76, h = 6·0.25 = 1.5,
    // cutoff 52 + 0.5·(56 − 52) = 54 → C and B. So B is now bottom 2023 and 2024: ШНОР; A is not.
    const rows = ROWS.map((r) =>
      r.schoolId === 'A' && r.year === 2023 ? { ...r, objectivityFlag: true } : r,
    );
    expect(bottomQuartileByYear(rows).get(2023)).toMatchObject({ cutoff: 54, eligible: 7 });
    expect(identifyShnor(rows, 2024).shnor.map((f) => f.schoolId)).toEqual(['B']);
  });

  it('reports schools flagged in the evaluated year apart, with their position', () => {
    const { objectivityExcluded } = identifyShnor(ROWS, 2024);
    expect(objectivityExcluded).toEqual([
      {
        schoolId: 'J',
        year: 2024,
        score: 35,
        cutoff: 51.5,
        atOrBelowCutoff: true,
        evidence:
          'Результат 2024 г. (35,0) не учитывался при отборе школ в нижнем квартиле: у школы ' +
          'есть признаки необъективности; он не выше границы 51,5, рассчитанной без него.',
      },
      expect.objectContaining({ schoolId: 'K', atOrBelowCutoff: false }),
    ]);
  });

  it('names a decile and the municipality when so configured', () => {
    // Decile, n = 8: h = 0.7. 2023: 41 + 0.7·2 = 42.4; 2024: 39 + 0.7·5 = 42.5 → A both years.
    const { shnor } = identifyShnor(ROWS, 2024, { ...D, bottomQuantile: 0.1 }, 'municipality');
    expect(shnor.map((f) => [f.schoolId, f.rule])).toEqual([['A', 'shnor/bottom-decile-2y/1']]);
    expect(shnor[0].evidence).toMatch(/^Результат в нижнем дециле муниципалитета 2 года подряд/);
  });
});

describe('risk zone: declining results', () => {
  const risk = (scores: Record<string, number[]>, thresholds = D) =>
    identifyRiskZone(table(scores), 2024, thresholds).map((f) => f.schoolId);

  it('flags a score that fell in each of the last two years by ≥ 3', () => {
    // 60 → 55 (−5) → 51 (−4): both falls ≥ 3; the metric is the smaller fall.
    const [finding] = identifyRiskZone(table({ R: [60, 55, 51] }), 2024);
    expect(finding).toEqual({
      schoolId: 'R',
      kind: 'risk_zone',
      year: 2024,
      rule: 'risk_zone/decline-2y/1',
      metric: 4,
      threshold: 3,
      evidence:
        'Результат снижается 2 года подряд: 2022 г. — 60,0, 2023 г. — 55,0 (−5,0), ' +
        '2024 г. — 51,0 (−4,0); каждое снижение не меньше 3,0.',
    });
  });

  it('at the threshold: falls of exactly 3 flag (≥); 3 then 2.5 does not', () => {
    expect(risk({ R: [60, 57, 54] })).toEqual(['R']);
    expect(risk({ R: [60, 57, 54.5] })).toEqual([]);
  });

  it('does not flag a rise then a fall, a missing year or a small-cohort year', () => {
    expect(risk({ R: [60, 65, 50] })).toEqual([]);
    const gap = [row('R', 2022, 60), row('R', 2024, 51)];
    expect(identifyRiskZone(gap, 2024)).toEqual([]);
    const small = [row('R', 2022, 60), row('R', 2023, 55, { cohort: 8 }), row('R', 2024, 51)];
    expect(identifyRiskZone(small, 2024)).toEqual([]);
  });

  it('optional slope rule: least-squares slope over three years ≤ riskMaxSlope', () => {
    const slope = { ...D, riskMaxSlope: -3 };
    // 60, 58, 53: falls 2 and 5 (not both ≥ 3), slope (53 − 60)/2 = −3.5 ≤ −3.
    expect(risk({ R: [60, 58, 53] })).toEqual([]);
    const [finding] = identifyRiskZone(table({ R: [60, 58, 53] }), 2024, slope);
    expect(finding).toMatchObject({ rule: 'risk_zone/slope-3y/1', metric: -3.5, threshold: -3 });
    expect(finding.evidence).toBe(
      'Тренд за 2022–2024 гг. (60,0 → 58,0 → 53,0): наклон −3,50 в год ≤ −3,00.',
    );
    // At the threshold: 62, 56, 56 has mean 58, Σ(x−x̄)(y−ȳ) = −4 + 0 − 2 = −6, slope −3 (≤ flags).
    expect(risk({ R: [62, 56, 56] }, slope)).toEqual(['R']);
    expect(risk({ R: [62, 56, 57] }, slope)).toEqual([]); // slope −2.5
  });
});

describe('ШНСУ: social-wellbeing index', () => {
  const components: SocialComponent[] = [
    { key: 'higherEd', label: 'доля родителей с высшим образованием', polarity: 'higher_better' },
    { key: 'singleParent', label: 'доля неполных семей', polarity: 'lower_better' },
  ];
  // higherEd 45 50 51 51 53: mean 50, Σdev² = 25+0+1+1+9 = 36, sd = 3 → z −5/3, 0, 1/3, 1/3, 1.
  // singleParent 22 18 22 18 20: mean 20, Σdev² = 16, sd = 2 → z 1, −1, 1, −1, 0, negated
  // (lower is better) → −1, 1, −1, 1, 0.
  // Index = mean: s1 (−5/3 − 1)/2 = −1.33; s2 0.5; s3 (1/3 − 1)/2 = −0.33; s4 0.67; s5 0.5.
  // Sorted −1.33 −0.33 0.5 0.5 0.67: h = 4·0.25 = 1 → cutoff −0.33 (s3's own index): s1, s3.
  const schools: SchoolSocialData[] = [
    { schoolId: 's1', values: { higherEd: 45, singleParent: 22 } },
    { schoolId: 's2', values: { higherEd: 50, singleParent: 18 } },
    { schoolId: 's3', values: { higherEd: 51, singleParent: 22 } },
    { schoolId: 's4', values: { higherEd: 51, singleParent: 18 } },
    { schoolId: 's5', values: { higherEd: 53, singleParent: 20 } },
    // Missing a component: left out of the index (and of the z-scores).
    { schoolId: 's6', values: { higherEd: 10, singleParent: null } },
  ];

  it('averages the oriented z-scores of the components', () => {
    const { entries, incomplete } = socialWellbeingIndex(schools, components);
    expect(incomplete).toEqual(['s6']);
    const index = Object.fromEntries(entries.map((e) => [e.schoolId, e.index]));
    expect(index.s1).toBeCloseTo(-4 / 3, 12);
    expect(index.s2).toBeCloseTo(0.5, 12);
    expect(index.s3).toBeCloseTo(-1 / 3, 12);
    expect(index.s4).toBeCloseTo(2 / 3, 12);
    expect(index.s5).toBeCloseTo(0.5, 12);
  });

  it('marks the bottom quartile, the school at the cutoff included', () => {
    const findings = identifyShnsu(schools, components, 2024);
    expect(findings.map((f) => f.schoolId)).toEqual(['s1', 's3']);
    expect(findings[0]).toMatchObject({
      kind: 'shnsu',
      year: 2024,
      rule: 'shnsu/bottom-quartile/1',
      metric: expect.closeTo(-4 / 3, 12),
      threshold: expect.closeTo(-1 / 3, 12),
    });
    expect(findings[0].evidence).toBe(
      'Индекс социального благополучия −1,33 — в нижнем квартиле региона (граница −0,33; ' +
        '5 школ). Ниже среднего: доля родителей с высшим образованием (z = −1,67), ' +
        'доля неполных семей (z = −1,00).',
    );
    expect(findings[1].evidence).toMatch(/Ниже среднего: доля неполных семей \(z = −1,00\)\.$/);
  });

  it('needs minSchools (4) complete schools', () => {
    expect(identifyShnsu(schools.slice(0, 3), components, 2024)).toEqual([]);
    expect(identifyShnsu(schools.slice(0, 4), components, 2024)).not.toEqual([]);
  });
});
