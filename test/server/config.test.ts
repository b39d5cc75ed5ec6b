import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('loadConfig', () => {
  it('defaults to the embedded database under ./data and port 4000', () => {
    const config = loadConfig({}, '/srv/hub');
    expect(config).toMatchObject({
      port: 4000,
      databaseUrl: null,
      dataDir: '/srv/hub/data',
      seedOnStart: true,
      seedDemo: true,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads SEED_DEMO', () => {
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('uses DATABASE_URL when set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/hub' }).databaseUrl).toBe(
      'postgres://u@db:5432/hub',
    );
  });

  it('reads DATABASE_REPLICA_URLS as a list of replicas of DATABASE_URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/hub',
      DATABASE_REPLICA_URLS: ' postgres://u@replica-1:5432/hub, postgresql://u@replica-2/hub ,',
    });
    expect(config.databaseReplicaUrls).toEqual([
      'postgres://u@replica-1:5432/hub',
      'postgresql://u@replica-2/hub',
    ]);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/hub' }).databaseReplicaUrls).toEqual(
      [],
    );
  });

  it('refuses DATABASE_REPLICA_URLS without DATABASE_URL (PGlite) or with a non-postgres URL', () => {
    expect(() =>
      loadConfig({ DATABASE_REPLICA_URLS: 'postgres://u@replica:5432/hub' }),
    ).toThrowError(/DATABASE_REPLICA_URLS needs DATABASE_URL/);
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'postgres://u@db:5432/hub',
        DATABASE_REPLICA_URLS: 'postgres://u@replica/hub,mysql://u@other/hub,not a url',
      });
    } catch (caught) {
      error = caught;
    }
    expect((error as ConfigError).problems).toEqual([
      'DATABASE_REPLICA_URLS entry 2 must be a postgres:// URL',
      'DATABASE_REPLICA_URLS entry 3 must be a postgres:// URL',
    ]);
  });

  it('names every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SEED_ON_START: 'maybe',
        LOG_LEVEL: 'loud',
        HUB_TODAY: '2024-13-01',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'SEED_ON_START', 'LOG_LEVEL', 'HUB_TODAY']) {
      expect(problems).toContain(name);
    }
    expect((error as ConfigError).problems).toHaveLength(5);
  });
});
