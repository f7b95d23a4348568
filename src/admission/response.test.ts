import { describe, expect, it } from 'vitest';
import { boundedList, boundedMessage, boundWarnings, reviewResponse, setAnnotation, WARNING_BUDGET_RUNES, WARNING_MAX_RUNES } from './response.js';
import { annotationKey, ANNOTATION_KEY, runeLength, sanitize, truncateRunes } from './text.js';

const runes = (s: string) => Array.from(s).length;

describe('text made safe for the API server', () => {
  it('sanitize: control characters (C0, DEL, C1) become one space, lone surrogates U+FFFD', () => {
    expect(sanitize('a\nb\tc\u001b[31md\u007fe\u0085f')).toBe('a b c [31md e f');
    expect(sanitize('  x \r\n y  ')).toBe('x y');
    expect(sanitize('bad \uD800 half')).toBe('bad \uFFFD half');
    expect(sanitize('emoji 🐳 stays')).toBe('emoji 🐳 stays');
    expect(sanitize('plain')).toBe('plain');
  });

  it('counts and cuts by rune, never splitting a surrogate pair', () => {
    expect(runeLength('🐳🐳🐳')).toBe(3);
    expect(truncateRunes('🐳🐳🐳🐳', 3)).toBe('🐳🐳…');
    expect(truncateRunes('abcdef', 4)).toBe('abc…');
    expect(truncateRunes('abc', 3)).toBe('abc');
  });

  it('annotation keys: valid as given, repaired, or refused', () => {
    expect(annotationKey('audit-APP-020')).toBe('audit-APP-020');
    expect(annotationKey('audit-My Control/x')).toBe('audit-My-Control-x');
    expect(annotationKey(`audit-${'X'.repeat(80)}`)).toHaveLength(63);
    expect(annotationKey('---')).toBeUndefined();
    for (const k of ['decision', 'denied-by', 'exempted-NOD-002', annotationKey('-a.b_') as string]) expect(k).toMatch(ANNOTATION_KEY);
    const target: Record<string, string> = {};
    setAnnotation(target, 'audit-Ü', 'x\ny');
    setAnnotation(target, '***', 'dropped');
    expect(target).toEqual({ audit: 'x y' });
  });
});

describe('bounded texts', () => {
  it('boundedList keeps within its room and counts what it left out', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `NOD-${String(i).padStart(3, '0')}`);
    const s = boundedList(ids, 60);
    expect(runes(s)).toBeLessThanOrEqual(60);
    expect(s).toMatch(/^NOD-000, NOD-001, .*, … \+\d+ more$/);
    const shown = s.split(', ').filter((x) => x.startsWith('NOD')).length;
    expect(s).toContain(`+${30 - shown} more`);
    expect(boundedList(['A', 'B'], 60)).toBe('A, B');
    expect(runes(boundedList(['X'.repeat(100), 'B'], 20))).toBeLessThanOrEqual(20);
  });

  it('boundedMessage: header first, whole lines only, "… and N more" last, never over the limit', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `[NOD-002] line ${i}`);
    for (const max of [40, 100, 256, 1024]) {
      const m = boundedMessage('Palisade denied Pod a/b: NOD-002', lines, max);
      expect(runes(m)).toBeLessThanOrEqual(max);
      expect(m.startsWith('Palisade denied')).toBe(true);
      const shown = m.split('\n').filter((l) => l.startsWith('[NOD-002]')).length;
      if (shown < 50) expect(m.endsWith(`\n… and ${50 - shown} more`)).toBe(true);
      else expect(m).not.toContain('more');
    }
    expect(boundedMessage('H', ['a', 'a', 'b'], 100)).toBe('H\na\nb');
  });

  it('boundWarnings: each ≤120 runes, deduplicated, total within the budget, the rest summed up by control', () => {
    const items = Array.from({ length: 80 }, (_, i) => ({ text: `[APP-${String(i).padStart(3, '0')}] ${'w'.repeat(150)}\n`, controlId: `APP-${String(i).padStart(3, '0')}` }));
    items.push({ ...(items[0] as { text: string; controlId: string }) });
    const out = boundWarnings(items);
    let total = 0;
    for (const w of out) {
      expect(runes(w)).toBeLessThanOrEqual(WARNING_MAX_RUNES);
      expect(w).not.toMatch(/[\u0000-\u001f]/); // eslint-disable-line no-control-regex
      total += runes(w);
    }
    expect(total).toBeLessThanOrEqual(WARNING_BUDGET_RUNES);
    expect(WARNING_BUDGET_RUNES).toBeLessThan(4096);
    expect(new Set(out).size).toBe(out.length);
    const last = out[out.length - 1] as string;
    expect(last).toMatch(/^Palisade: \d+ more warnings \(APP-\d{3}, .*\) not shown; see the webhook log$/);
    const shown = out.length - 1;
    expect(last).toContain(`Palisade: ${80 - shown} more warnings`);
    expect(boundWarnings([{ text: '' }, { text: '\n' }])).toEqual([]);
  });

  it('reviewResponse: uid and allowed always, status only when denied, empty lists left out, never a patch', () => {
    expect(reviewResponse({ uid: 'u', allowed: true, status: { code: 403, reason: 'Forbidden', status: 'Failure', message: 'm' }, warnings: [], auditAnnotations: {} })).toEqual({
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      response: { uid: 'u', allowed: true },
    });
  });
});
