import { describe, expect, it } from 'vitest';
import { PeriodKind } from '../../server/modules/indicators/indicators.enums';
import { parsePeriod, previousPeriod } from '../../server/modules/indicators/period';

describe('typed periods', () => {
  it('parses calendar years, academic years and quarters with their first day', () => {
    expect(parsePeriod('2024')).toEqual({
      code: '2024',
      kind: PeriodKind.YEAR,
      start: '2024-01-01',
    });
    expect(parsePeriod('2024/2025')).toEqual({
      code: '2024/2025',
      kind: PeriodKind.ACADEMIC_YEAR,
      start: '2024-09-01',
    });
    expect(parsePeriod('2024Q3')).toEqual({
      code: '2024Q3',
      kind: PeriodKind.QUARTER,
      start: '2024-07-01',
    });
  });

  it('refuses malformed and impossible periods', () => {
    for (const text of [
      '2024/2026',
      '2024-2025',
      '24',
      '2024Q5',
      '2024q1',
      '1800',
      '2024/2023',
      '',
      'abc',
    ]) {
      expect(parsePeriod(text), text).toBeNull();
    }
  });

  it('steps back to the previous period of the same kind', () => {
    expect(previousPeriod(parsePeriod('2024')!).code).toBe('2023');
    expect(previousPeriod(parsePeriod('2024/2025')!).code).toBe('2023/2024');
    expect(previousPeriod(parsePeriod('2024Q1')!).code).toBe('2023Q4');
    expect(previousPeriod(parsePeriod('2024Q3')!).code).toBe('2024Q2');
  });
});
