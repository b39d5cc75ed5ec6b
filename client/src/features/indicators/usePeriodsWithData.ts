import { useEffect, useState } from 'react';

import { gql } from '../../api/graphql';
import type { PeriodsWithData } from './indicators.queries';
import { PERIODS_WITH_DATA_QUERY } from './indicators.queries';
import { newestFirst } from './periods';

// The API compares at most 20 indicators per request.
export const MAX_INDICATORS_PER_REQUEST = 20;

export type DataUnit =
  | { regionId: string; municipalityId?: undefined }
  | { municipalityId: string; regionId?: undefined };

/**
 * Periods that hold values of these indicators for a region or municipality, newest first:
 * the series query without a range returns exactly the periods present in the data.
 */
export function usePeriodsWithData(unit: DataUnit | null, codes: readonly string[]) {
  const [periods, setPeriods] = useState<string[]>([]);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify([unit, codes]);

  useEffect(() => {
    const [target, list] = JSON.parse(key) as [DataUnit | null, string[]];
    if (!target || list.length === 0) {
      setPeriods([]);
      return;
    }
    let cancelled = false;
    const units = target.regionId
      ? { regionIds: [target.regionId] }
      : { municipalityIds: [target.municipalityId] };
    const chunks: string[][] = [];
    for (let i = 0; i < list.length; i += MAX_INDICATORS_PER_REQUEST) {
      chunks.push(list.slice(i, i + MAX_INDICATORS_PER_REQUEST));
    }
    setLoading(true);
    Promise.all(
      chunks.map((indicatorCodes) =>
        gql<PeriodsWithData>(PERIODS_WITH_DATA_QUERY, { input: { indicatorCodes, ...units } }),
      ),
    )
      .then((results) => {
        if (!cancelled) {
          setPeriods(newestFirst(results.flatMap((r) => r.indicatorSeries.map((p) => p.period))));
        }
      })
      // Without the list the page still offers the recent periods.
      .catch(() => !cancelled && setPeriods([]))
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, [key]);

  return { periods, loading };
}
