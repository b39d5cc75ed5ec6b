import { describe, expect, it } from 'vitest';
import {
  checkControlGap,
  checkHighVsRegion,
  checkMarkDistribution,
  checkMarkVsJournal,
  checkMedalistNonconfirmation,
  checkTaskProfile,
  countMedalistsBelowRequirement,
  DEFAULT_OBJECTIVITY_THRESHOLDS as D,
  type HighVsRegionInput,
  type JournalCounts,
  type MarkCounts,
  METHOD_VERSION,
} from '../../server/modules/assessments/objectivity.signs';

describe('thresholds', () => {
  it('carries the DOMAIN.md defaults, frozen, with a method version per sign', () => {
    expect(D.highVsRegion).toEqual({ z: 1.96, minCohort: 10, examRule: 'clear_if_above_region' });
    expect(D.taskProfile).toMatchObject({ rhoThreshold: 0.5, gapThreshold: 15 });
    expect(D.markVsJournal.percentile).toBe(90);
    expect(D.markDistribution).toMatchObject({ zThreshold: 2, bunchingRatio: 1.5 });
    expect(Object.isFrozen(D)).toBe(true);
    expect(Object.isFrozen(D.highVsRegion)).toBe(true);
    expect(METHOD_VERSION.high_vs_region).toBe('high_vs_region/1');
    expect(Object.keys(METHOD_VERSION)).toHaveLength(7);
  });
});

describe('high_vs_region: confidence interval above the region', () => {
  // p̄ = 78.4, sd = 15, n = 36: SE = 15/√36 = 2.5, 1.96·2.5 = 4.9, lower bound 73.5 > 61.2.
  const flagged: HighVsRegionInput = {
    estimate: { kind: 'mean_percent', mean: 78.4, sd: 15 },
    cohort: 36,
    regionValue: 61.2,
    selective: false,
  };

  it('flags a school whose whole 95 % interval is above the region, with evidence', () => {
    expect(checkHighVsRegion(flagged)).toEqual({
      sign: 'high_vs_region',
      criterion: 'confidence_interval',
      metric: expect.closeTo(73.5, 10),
      threshold: 61.2,
      methodVersion: 'high_vs_region/1',
      evidence:
        'Средний процент выполнения 78,4 % (n = 36) выше регионального 61,2 %: ' +
        'нижняя граница 95 % ДИ 73,5 % > 61,2 %.',
    });
  });

  it('does not flag a mean above the region whose interval reaches it', () => {
    // p̄ = 65: lower bound 65 − 4.9 = 60.1 ≤ 61.2.
    const estimate = { kind: 'mean_percent', mean: 65, sd: 15 } as const;
    expect(checkHighVsRegion({ ...flagged, estimate })).toBeNull();
  });

  it('at the threshold: a lower bound equal to the regional mean does not flag (strict >)', () => {
    // z = 2 keeps the arithmetic exact: 80 − 2·20/√16 = 80 − 10 = 70.
    const atBound = { ...D.highVsRegion, z: 2 };
    const input: HighVsRegionInput = {
      estimate: { kind: 'mean_percent', mean: 80, sd: 20 },
      cohort: 16,
      regionValue: 70,
      selective: false,
    };
    expect(checkHighVsRegion(input, atBound)).toBeNull();
    const flaggedJustBelow = checkHighVsRegion({ ...input, regionValue: 69.5 }, atBound);
    expect(flaggedJustBelow?.metric).toBe(70);
    // z = 2 is a 95,4 % interval: 2Φ(2) − 1 = 0.9545.
    expect(flaggedJustBelow?.evidence).toContain('нижняя граница 95,4 % ДИ 70,0 %');
  });

  it('cohort boundary: 9 writers are too few, 10 (the minimum) are enough', () => {
    // p̄ = 95, sd = 5: even n = 9 would give 95 − 1.96·5/3 = 91.7 > 61.2.
    const estimate = { kind: 'mean_percent', mean: 95, sd: 5 } as const;
    expect(checkHighVsRegion({ ...flagged, estimate, cohort: 9 })).toBeNull();
    expect(checkHighVsRegion({ ...flagged, estimate, cohort: 10 })).not.toBeNull();
  });

  it('never flags a selective school (lyceum, gymnasium)', () => {
    expect(checkHighVsRegion({ ...flagged, selective: true })).toBeNull();
  });

  it('exam rule clear_if_above_region: an exam above the region clears, at or below it is cited', () => {
    const exam = (school: number) => ({ label: 'ЕГЭ', school, region: 55 });
    expect(checkHighVsRegion({ ...flagged, exam: exam(58) })).toBeNull();
    expect(checkHighVsRegion({ ...flagged, exam: exam(52) })?.evidence).toContain(
      'ЕГЭ не подтверждает высокий результат: 52,0 при 55,0 по региону.',
    );
    // Equal to the region is "not above": the sign stands.
    expect(checkHighVsRegion({ ...flagged, exam: exam(55) })).not.toBeNull();
  });

  it('exam rules ignore and require_not_above_region', () => {
    const above = { label: 'ЕГЭ', school: 58, region: 55 };
    const below = { label: 'ЕГЭ', school: 52, region: 55 };
    const ignore = { ...D.highVsRegion, examRule: 'ignore' } as const;
    const require = { ...D.highVsRegion, examRule: 'require_not_above_region' } as const;
    const ignored = checkHighVsRegion({ ...flagged, exam: above }, ignore);
    expect(ignored?.evidence).not.toContain('ЕГЭ');
    expect(checkHighVsRegion(flagged, require)).toBeNull(); // no exam result: not confirmed
    expect(checkHighVsRegion({ ...flagged, exam: above }, require)).toBeNull();
    expect(checkHighVsRegion({ ...flagged, exam: below }, require)).not.toBeNull();
  });

  it('uses √(q(1−q)/n) for a share of marks', () => {
    // q = 0.6, n = 100: SE = √(0.24/100) = 4.899 п. п.; lower = 60 − 1.96·4.899 = 50.40.
    const input: HighVsRegionInput = {
      estimate: { kind: 'share', share: 60, label: 'Доля отметок «4» и «5»' },
      cohort: 100,
      regionValue: 45,
      selective: false,
    };
    const finding = checkHighVsRegion(input);
    expect(finding?.metric).toBeCloseTo(50.398, 3);
    expect(finding?.evidence).toMatch(/^Доля отметок «4» и «5» 60,0 % \(n = 100\)/);
    expect(checkHighVsRegion({ ...input, regionValue: 51 })).toBeNull();
  });
});

describe('task_profile: hard tasks better than easy ones', () => {
  // Region completion falls task by task, so difficulty δ = 100 − c_r rises: 10, 15, …, 80.
  const region = [90, 85, 80, 70, 60, 50, 40, 30, 20];

  it('flags a school that gains on hard tasks and loses on easy ones', () => {
    // d = c_s − c_r = (−5, −3, −2, 2, 5, 10, 18, 22, 25) rises with δ: ρ = 1.
    // Hardest third (tasks 7–9): (18 + 22 + 25)/3 = 21.67; easiest (1–3): −10/3 = −3.33;
    // gap = 25.0 п. п.
    const school = [85, 82, 78, 72, 65, 60, 58, 52, 45];
    const finding = checkTaskProfile({ school, region, cohort: 40 });
    expect(finding).toMatchObject({
      sign: 'task_profile',
      criterion: 'rank_correlation',
      metric: 1,
      threshold: 0.5,
      methodVersion: 'task_profile/2',
    });
    expect(finding?.evidence).toBe(
      'Школа опережает регион на трудных заданиях сильнее, чем на лёгких (9 заданий, n = 40): ' +
        'ρ Спирмена между отклонением от региона и трудностью задания 1,00 ≥ 0,50; ' +
        'на трети самых трудных заданий (№ 7, 8, 9) в среднем +21,7 п. п., ' +
        'на трети самых лёгких (№ 1, 2, 3) −3,3 п. п., разрыв 25,0 п. п. ≥ 15,0 п. п.',
    );
  });

  it('does not flag a weak school that loses least on hard tasks (a floor effect)', () => {
    // The school keeps 60 % of the region's failure-free share: c_s = 0.6·c_r, so
    // d = −0.4·c_r = (−36, −34, −32, −28, −24, −20, −16, −12, −8) rises with δ: ρ = 1, and the
    // gap −12 − (−34) = 22 ≥ 15 — but the hardest third is still 12 п. п. below the region.
    const school = region.map((c) => 0.6 * c);
    expect(checkTaskProfile({ school, region, cohort: 40 })).toBeNull();
    const withoutRule = { ...D.taskProfile, requireHardAboveRegion: false };
    expect(checkTaskProfile({ school, region, cohort: 40 }, withoutRule)).toMatchObject({
      criterion: 'rank_correlation',
    });
  });

  it('does not flag a school uniformly a little better than the region', () => {
    // d = (5, 3, 6, 4, 5, 2, 6, 3, 4). Average ranks of d: (6.5, 2.5, 8.5, 4.5, 6.5, 1, 8.5,
    // 2.5, 4.5); against δ ranks 1…9: Σ(dev·dev) = −11.5, Σdev² = 60 and 58,
    // ρ = −11.5/√3480 = −0.195. Gap: (6+3+4)/3 − (5+3+6)/3 = −0.33.
    const school = [95, 88, 86, 74, 65, 52, 46, 33, 24];
    expect(checkTaskProfile({ school, region, cohort: 40 })).toBeNull();
  });

  it('at the threshold: ρ = 0.5 exactly flags (≥), ρ = 0.45 does not', () => {
    // d = (1, −1, −2, −3, 0, −4, 3, 2, 4): ranks (6, 4, 3, 2, 5, 1, 8, 7, 9) against 1…9,
    // Σd² = 25+4+0+4+0+25+1+1+0 = 60, ρ = 1 − 6·60/(9·80) = 0.5. Gap 3 − (−2/3) = 3.67 < 15.
    const atHalf = checkTaskProfile({
      school: [91, 84, 78, 67, 60, 46, 43, 32, 24],
      region,
      cohort: 40,
    });
    expect(atHalf).toMatchObject({ criterion: 'rank_correlation', metric: 0.5 });
    // Last three d become (4, 3, 2): ranks (9, 8, 7), Σd² = 66, ρ = 1 − 396/720 = 0.45.
    const below = checkTaskProfile({
      school: [91, 84, 78, 67, 60, 46, 44, 33, 22],
      region,
      cohort: 40,
    });
    expect(below).toBeNull();
  });

  it('at the threshold: a hard−easy gap of exactly 15 п. п. flags (≥), 14.5 does not', () => {
    // Six tasks, δ = 20…70; d = (0, 0, 30, 30, 15, 15): hardest third (tasks 5, 6) 15,
    // easiest (1, 2) 0, gap 15. ρ on average ranks (1.5, 1.5, 5.5, 5.5, 3.5, 3.5) vs 1…6:
    // Σ(dev·dev) = 8, Σdev² = 16 and 17.5, ρ = 8/√280 = 0.478 < 0.5, so only the gap fires.
    const sixRegion = [80, 70, 60, 50, 40, 30];
    const finding = checkTaskProfile({
      school: [80, 70, 90, 80, 55, 45],
      region: sixRegion,
      cohort: 25,
    });
    expect(finding).toMatchObject({ criterion: 'hard_easy_gap', metric: 15, threshold: 15 });
    expect(finding?.evidence).toContain('0,48 < 0,50');
    expect(finding?.evidence).toContain('разрыв 15,0 п. п. ≥ 15,0 п. п.');
    const below = checkTaskProfile({
      school: [80, 70, 90, 80, 54.5, 44.5],
      region: sixRegion,
      cohort: 25,
    });
    expect(below).toBeNull();
  });

  it('boundaries: fewer than minTasks (6) tasks or a cohort below 10 are not judged', () => {
    const school = [85, 82, 78, 72, 65, 60, 58, 52, 45];
    expect(
      checkTaskProfile({ school: school.slice(0, 5), region: region.slice(0, 5), cohort: 40 }),
    ).toBeNull();
    expect(checkTaskProfile({ school, region, cohort: 9 })).toBeNull();
    expect(checkTaskProfile({ school, region, cohort: 10 })).not.toBeNull();
    expect(() => checkTaskProfile({ school, region: region.slice(1), cohort: 40 })).toThrow(
      RangeError,
    );
  });

  it('names tasks by their numbers', () => {
    const school = [85, 82, 78, 72, 65, 60, 58, 52, 45];
    const taskNumbers = ['1', '2', '3', '4', '5', '6', '7', '8.1', '8.2'];
    expect(checkTaskProfile({ school, region, cohort: 40, taskNumbers })?.evidence).toContain(
      '(№ 7, 8.1, 8.2)',
    );
  });
});

describe('mark_vs_journal: shares lowered / confirmed / raised', () => {
  // Eleven peers of 100 pupils; «confirmed» %: 50 55 60 62 65 68 70 72 75 80 95, 5 raised each.
  // percentile_cont(0.9): h = 10·0.9 = 9 → the 10th value, 80 %.
  const confirmed = [50, 55, 60, 62, 65, 68, 70, 72, 75, 80, 95];
  const peers: JournalCounts[] = confirmed.map((c) => ({
    lowered: 95 - c,
    confirmed: c,
    raised: 5,
  }));
  const school = (confirmedOf50: number, lowered = 50 - confirmedOf50): JournalCounts => ({
    lowered,
    confirmed: confirmedOf50,
    raised: 50 - confirmedOf50 - lowered,
  });

  it('flags a «confirmed» share above the 90th percentile of the peers', () => {
    // 49/50 = 98 % > 80 %; it exceeds all 11 peers: percentile rank 100 %.
    expect(checkMarkVsJournal({ school: school(49), peers })).toEqual({
      sign: 'mark_vs_journal',
      criterion: 'confirmed',
      metric: 98,
      threshold: 80,
      methodVersion: 'mark_vs_journal/2',
      evidence:
        'Доля участников, подтвердивших отметку по журналу, 98,0 % (n = 50) выше 90-го ' +
        'процентиля по 11 школам региона (80,0 %) и не ниже 80,0 %; она больше, чем у 100 % из них.',
    });
  });

  it('needs the absolute floor too: above the percentile but below 80 % does not flag', () => {
    // Peers' «confirmed» lowered by 20 points: P90 = 60 %. 39/50 = 78 % > 60 % but < 80 %.
    const lowPeers = peers.map((p) => ({
      ...p,
      lowered: p.lowered + 20,
      confirmed: p.confirmed - 20,
    }));
    expect(checkMarkVsJournal({ school: school(39), peers: lowPeers })).toBeNull();
    // Exactly at the floor flags: 40/50 = 80 %.
    expect(checkMarkVsJournal({ school: school(40), peers: lowPeers })).toMatchObject({
      metric: 80,
      threshold: 60,
    });
  });

  it('does not flag an ordinary share', () => {
    expect(checkMarkVsJournal({ school: school(35), peers })).toBeNull(); // 70 %
  });

  it('at the threshold: a share equal to the percentile does not flag (strictly above)', () => {
    expect(checkMarkVsJournal({ school: school(40), peers })).toBeNull(); // 80 % = P90
    expect(checkMarkVsJournal({ school: school(41), peers })?.metric).toBe(82);
  });

  it('boundaries: a school below 10 pupils, or fewer than 10 peers of ≥ 10 pupils', () => {
    expect(checkMarkVsJournal({ school: { lowered: 0, confirmed: 9, raised: 0 }, peers })).toBe(
      null,
    );
    expect(
      checkMarkVsJournal({ school: { lowered: 0, confirmed: 10, raised: 0 }, peers }),
    ).not.toBeNull();
    // Two peers shrink to 9 pupils: 9 peers left, too few for a percentile.
    const smallPeers = peers.map((p, i) => (i < 2 ? { lowered: 0, confirmed: 9, raised: 0 } : p));
    expect(checkMarkVsJournal({ school: school(49), peers: smallPeers })).toBeNull();
  });

  it('examines «lowered» when configured', () => {
    // Peers' lowered %: 45 40 35 33 30 27 25 23 20 15 0 → sorted, P90 = 40 %.
    // School: 30 of 50 lowered = 60 %, 20 confirmed = 40 %.
    const input = { school: school(20, 30), peers };
    expect(checkMarkVsJournal(input)).toBeNull();
    const lowered = checkMarkVsJournal(input, { ...D.markVsJournal, shares: ['lowered'] });
    expect(lowered).toMatchObject({ criterion: 'lowered', metric: 60, threshold: 40 });
    expect(lowered?.evidence).toContain('понизивших отметку по журналу, 60,0 %');
  });
});

describe('mark_distribution', () => {
  // Ten peers of 20 pupils with «5» shares 5 10 10 15 20 20 25 30 30 35 %: mean 20,
  // deviations −15 −10 −10 −5 0 0 5 10 10 15, Σ = 900, sample sd = √(900/9) = 10.
  const peers: MarkCounts[] = [1, 2, 2, 3, 4, 4, 5, 6, 6, 7].map((mark5) => ({
    mark2: 2,
    mark3: 10,
    mark4: 8 - mark5,
    mark5,
  }));
  const marks = (mark2: number, mark3: number, mark4: number, mark5: number) => ({
    mark2,
    mark3,
    mark4,
    mark5,
  });

  it('flags a share of «5» with z > 2 among the peers', () => {
    // 21 of 50 = 42 %: z = (42 − 20)/10 = 2.2.
    const finding = checkMarkDistribution({ marks: marks(3, 10, 16, 21), peers });
    expect(finding).toMatchObject({
      sign: 'mark_distribution',
      criterion: 'top_mark_share',
      metric: 2.2,
      threshold: 2,
      methodVersion: 'mark_distribution/2',
    });
    expect(finding?.evidence).toBe(
      'Доля отметок «5» 42,0 % (n = 50) необычно высока для региона: z = 2,20 > 2,00 ' +
        '(в 10 других школах в среднем 20,0 %, стандартное отклонение 10,0 п. п.).',
    );
  });

  it('does not flag an ordinary distribution', () => {
    expect(checkMarkDistribution({ marks: marks(3, 17, 18, 12), peers })).toBeNull(); // 24 %
  });

  it('at the threshold: z = 2 exactly does not flag (strictly above)', () => {
    // 20 of 50 = 40 %: z = (40 − 20)/10 = 2.
    expect(checkMarkDistribution({ marks: marks(3, 11, 16, 20), peers })).toBeNull();
  });

  it('boundaries: a cohort below 10, or fewer than 10 peers', () => {
    expect(checkMarkDistribution({ marks: marks(0, 0, 0, 9), peers })).toBeNull();
    expect(
      checkMarkDistribution({ marks: marks(3, 10, 16, 21), peers: peers.slice(1) }),
    ).toBeNull();
  });

  it('no «2» in a cohort of 50 (the minimum) flags, in 49 it does not', () => {
    // «5» share 15/50 = 30 %, z = 1: only the no-«2» rule can fire.
    // (1 − 0.08)^50 = e^(50·ln 0.92) = e^(−4.169) = 0.0155 → 1,5 %.
    const finding = checkMarkDistribution({
      marks: marks(0, 15, 20, 15),
      peers,
      regionShareOfTwos: 8,
    });
    expect(finding).toMatchObject({ criterion: 'no_twos', metric: 50, threshold: 50 });
    expect(finding?.evidence).toBe(
      'Ни одной отметки «2» у 50 участников (правило — от 50); при доле «2» по региону ' +
        '8,0 % вероятность этого 1,5 %.',
    );
    expect(checkMarkDistribution({ marks: marks(0, 15, 19, 15), peers })).toBeNull();
  });

  it('no «2» is not a sign where the region has few «2»: (1 − 0.01)^50 = 60,5 % ≥ 5 %', () => {
    const input = { marks: marks(0, 15, 20, 15), peers };
    expect(checkMarkDistribution({ ...input, regionShareOfTwos: 1 })).toBeNull();
    // 0.94^50 = 4.5 % < 5 %, 0.95^50 = 7.7 % ≥ 5 %.
    expect(checkMarkDistribution({ ...input, regionShareOfTwos: 6 })?.criterion).toBe('no_twos');
    expect(checkMarkDistribution({ ...input, regionShareOfTwos: 5 })).toBeNull();
  });

  describe('bunching at a mark threshold', () => {
    // 0–20 primary points, «3» from 6, «4» from 11, «5» from 16; marks with «2» and 20 % of «5».
    const base = {
      marks: marks(2, 18, 20, 10),
      peers,
      markThresholds: { '3': 6, '4': 11, '5': 16 },
      maxScore: 20,
    };
    const flat = { '5': 3, '6': 3, '7': 3, '15': 2, '16': 2, '17': 2 };

    it('flags 9 pupils at 11 points against 2 and 4 at 10 and 12', () => {
      // Neighbours' mean (2 + 4)/2 = 3; 1.5 × 3 = 4.5 < 9.
      const finding = checkMarkDistribution({
        ...base,
        histogram: { ...flat, '10': 2, '11': 9, '12': 4 },
      });
      expect(finding).toMatchObject({ criterion: 'bunching', metric: 9, threshold: 4.5 });
      expect(finding?.evidence).toBe(
        'Скопление на границе отметки «4»: ровно 11 первичных баллов набрали 9 участников — ' +
          'в 3,0 раза больше среднего при 10 и 12 баллах (3,0; порог — в 1,5 раза).',
      );
    });

    it('at the threshold: exactly 1.5 × the neighbours does not flag (strictly above)', () => {
      // (3 + 5)/2 = 4; 1.5 × 4 = 6: 6 does not flag, 7 does.
      const at = (count: number) => ({ ...flat, '10': 3, '11': count, '12': 5 });
      expect(checkMarkDistribution({ ...base, histogram: at(6) })).toBeNull();
      expect(checkMarkDistribution({ ...base, histogram: at(7) })?.criterion).toBe('bunching');
    });

    it('needs minBunchingCount (5) pupils at the threshold; empty neighbours are said so', () => {
      expect(checkMarkDistribution({ ...base, histogram: { ...flat, '11': 4 } })).toBeNull();
      expect(
        checkMarkDistribution({ ...base, histogram: { ...flat, '11': 5 } })?.evidence,
      ).toContain('набрали 5 участников, а 10 и 12 баллов — никто.');
    });

    it('skips a threshold at the maximum score (no neighbour above)', () => {
      const top = { ...base, markThresholds: { '5': 20 } };
      expect(checkMarkDistribution({ ...top, histogram: { '19': 1, '20': 10 } })).toBeNull();
    });
  });

  it('lists every rule that fired; the first gives metric and threshold', () => {
    // No «2» in 50, and 21 «5» (z = 2.2).
    const finding = checkMarkDistribution({ marks: marks(0, 13, 16, 21), peers });
    expect(finding?.criterion).toBe('top_mark_share');
    expect(finding?.evidence).toContain('z = 2,20');
    expect(finding?.evidence).toContain('Ни одной отметки «2» у 50 участников');
  });
});

describe('control_sample_gap and not_confirmed_by_gia', () => {
  it('flags a regular ВПР 17 п. п. above the controlled one', () => {
    const finding = checkControlGap({
      source: 'controlled_vpr',
      regular: { value: 72, cohort: 50 },
      controlled: { value: 55, cohort: 48 },
    });
    expect(finding).toEqual({
      sign: 'control_sample_gap',
      criterion: 'gap',
      metric: 17,
      threshold: 10,
      methodVersion: 'control_sample_gap/2',
      evidence:
        'Результат обычной ВПР 72,0 % (n = 50) выше результата ВПР с контролем объективности ' +
        '55,0 % (n = 48): разрыв 17,0 п. п. ≥ 10,0 п. п.',
    });
  });

  it('at the threshold: a gap of exactly 10 п. п. flags (≥), 9.5 does not', () => {
    const gap = (regular: number) =>
      checkControlGap({
        source: 'controlled_vpr',
        regular: { value: regular, cohort: 50 },
        controlled: { value: 55, cohort: 48 },
      });
    expect(gap(65)?.metric).toBe(10);
    expect(gap(64.5)).toBeNull();
    expect(gap(50)).toBeNull(); // controlled above regular
  });

  it('boundary: either cohort below 10 is not judged', () => {
    const input = {
      source: 'controlled_vpr' as const,
      regular: { value: 72, cohort: 50 },
      controlled: { value: 55, cohort: 9 },
    };
    expect(checkControlGap(input)).toBeNull();
    expect(checkControlGap({ ...input, controlled: { value: 55, cohort: 10 } })).not.toBeNull();
  });

  it('compares advantages over the region for ОГЭ/ЕГЭ (different tests)', () => {
    // ВПР 72 vs region 60: +12; ОГЭ 58 vs region 61: −3; gap 12 − (−3) = 15.
    const finding = checkControlGap({
      source: 'gia',
      regular: { value: 72, cohort: 50 },
      controlled: { value: 58, cohort: 45 },
      region: { regular: 60, controlled: 61 },
      controlledLabel: 'ОГЭ',
    });
    expect(finding).toMatchObject({
      sign: 'not_confirmed_by_gia',
      criterion: 'gap_relative_to_region',
      metric: 15,
      methodVersion: 'not_confirmed_by_gia/1',
    });
    expect(finding?.evidence).toBe(
      'Превышение над регионом по обычной ВПР +12,0 п. п. (72,0 % при 60,0 %, n = 50), ' +
        'по ОГЭ −3,0 п. п. (58,0 % при 61,0 %, n = 45): разрыв 15,0 п. п. ≥ 10,0 п. п.',
    );
    // Raw gap 72 − 50 = 22, but the region's ОГЭ is low too: +12 vs +5, gap 7 < 10.
    expect(
      checkControlGap({
        source: 'gia',
        regular: { value: 72, cohort: 50 },
        controlled: { value: 50, cohort: 45 },
        region: { regular: 60, controlled: 45 },
      }),
    ).toBeNull();
  });
});

describe('medalist_nonconfirmation', () => {
  it('flags MNI = 3/8 = 37.5 % ≥ 30 %', () => {
    expect(checkMedalistNonconfirmation({ medalists: 8, belowRequirement: 3 })).toEqual({
      sign: 'medalist_nonconfirmation',
      criterion: 'mni',
      metric: 37.5,
      threshold: 30,
      methodVersion: 'medalist_nonconfirmation/1',
      evidence:
        '3 из 8 медалистов получили на ЕГЭ по русскому языку или математике меньше ' +
        'требуемого для медали: индекс неподтверждения 37,5 % ≥ 30,0 %.',
    });
  });

  it('does not flag MNI = 2/8 = 25 %', () => {
    expect(checkMedalistNonconfirmation({ medalists: 8, belowRequirement: 2 })).toBeNull();
  });

  it('at the threshold: MNI = 3/10 = 30 % flags (≥)', () => {
    expect(checkMedalistNonconfirmation({ medalists: 10, belowRequirement: 3 })?.metric).toBe(30);
  });

  it('boundary: 4 medal holders are too few even if all fail, 5 (the minimum) are enough', () => {
    expect(checkMedalistNonconfirmation({ medalists: 4, belowRequirement: 4 })).toBeNull();
    expect(checkMedalistNonconfirmation({ medalists: 5, belowRequirement: 2 })?.metric).toBe(40);
  });

  it('counts medal holders below the requirement from pupil rows', () => {
    // Russian ≥ 70 and (profile maths ≥ 70 or basic maths «5»); 70 itself is enough.
    const rows = [
      { russian: 70, mathProfile: 70, mathBaseMark: null }, // confirmed, both at 70
      { russian: 68, mathProfile: 80, mathBaseMark: null }, // Russian too low
      { russian: 90, mathProfile: null, mathBaseMark: 5 }, // confirmed by basic maths
      { russian: 90, mathProfile: 60, mathBaseMark: null }, // maths too low
      { russian: 90, mathProfile: 60, mathBaseMark: 5 }, // basic «5» suffices
      { russian: null, mathProfile: 80, mathBaseMark: null }, // no Russian: unknown
      { russian: 75, mathProfile: null, mathBaseMark: null }, // no maths: unknown
    ];
    expect(countMedalistsBelowRequirement(rows)).toEqual({
      medalists: 5,
      belowRequirement: 2,
      unknown: 2,
    });
  });
});
