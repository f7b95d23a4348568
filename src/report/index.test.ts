import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, formatJson, formatJunit, formatResult, formatSarif, formatText, isFormat } from './index.js';
import { scanMain, type Fixture } from './test-fixtures.js';

describe('formatResult', () => {
  let main: Fixture;
  beforeAll(async () => {
    main = await scanMain();
  });
  afterAll(() => main.cleanup());

  it('offers text, json, sarif and junit', () => {
    expect(FORMATS).toEqual(['text', 'json', 'sarif', 'junit']);
    expect(isFormat('sarif')).toBe(true);
    expect(isFormat('html')).toBe(false);
  });

  it('dispatches to each formatter', () => {
    const r = main.result;
    expect(formatResult(r, 'text', { color: true })).toBe(formatText(r, { color: true }));
    expect(formatResult(r, 'text', { color: false })).toBe(formatText(r, { color: false }));
    expect(formatResult(r, 'json', { color: true })).toBe(formatJson(r));
    expect(formatResult(r, 'sarif', { color: false, srcRoot: main.dir })).toBe(formatSarif(r, { srcRoot: main.dir }));
    expect(formatResult(r, 'junit', { color: false })).toBe(formatJunit(r));
  });

  it('is pure: the same result gives the same output, and the result is left as it was', () => {
    const before = JSON.stringify(main.result);
    for (const f of FORMATS) {
      expect(formatResult(main.result, f, { color: false })).toBe(formatResult(main.result, f, { color: false }));
    }
    expect(JSON.stringify(main.result)).toBe(before);
  });
});
