import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { AppError } from './errors.js';

describe('loadConfig', () => {
  it('has defaults for a fresh start: port 3000, SQLite under data/, 50 MiB uploads', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.uploadLimitBytes).toBe(50 * 1024 * 1024);
    expect(config.seedDemo).toBe(true);
    expect(config.openCodeUrl).toBe('https://gitlab.opencode.de');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '0',
      DATABASE_URL: 'postgres://u@db:5432/foederal',
      DATA_DIR: '/var/lib/foederal',
      BASE_URL: 'https://ak.example.de/',
      UPLOAD_LIMIT_BYTES: '2048',
      CONTRIBUTION_LIMIT_PER_HOUR: '5',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      OPENCODE_URL: 'https://code.example.de/',
    });
    expect(config).toMatchObject({
      port: 0,
      databaseUrl: 'postgres://u@db:5432/foederal',
      dataDir: '/var/lib/foederal',
      baseUrl: 'https://ak.example.de',
      uploadLimitBytes: 2048,
      contributionLimitPerHour: 5,
      logLevel: 'silent',
      seedDemo: false,
      openCodeUrl: 'https://code.example.de',
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['BASE_URL', 'not a url'],
    ['UPLOAD_LIMIT_BYTES', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['OPENCODE_URL', 'gitlab.opencode.de'],
    ['OPENCODE_URL', 'file:///etc/passwd'],
  ])('refuses %s=%s with a typed error naming the variable', (name, value) => {
    let caught: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      caught = error;
    }
    expect(AppError.isInstance(caught)).toBe(true);
    expect((caught as AppError).code).toBe('config-invalid');
    expect((caught as AppError).message).toContain(name);
  });
});
