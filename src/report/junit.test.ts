import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatJunit, xmlAttr, xmlText } from './junit.js';
import { scanFiles, scanMain, type Fixture } from './test-fixtures.js';

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** Parses XML with saxes, a strict, conformant XML 1.0 parser: any well-formedness error throws. */
function parseXml(xml: string): El {
  const parser = new SaxesParser();
  const root: El = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: El[] = [root];
  const top = () => stack[stack.length - 1] as El;
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: { ...t.attributes }, children: [], text: '' };
    top().children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => {
    top().text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  expect(stack).toHaveLength(1);
  return root;
}

const kids = (el: El, name: string) => el.children.filter((c) => c.name === name);

describe('formatJunit', () => {
  let main: Fixture;
  let xml: string;
  let suites: El;
  beforeAll(async () => {
    main = await scanMain();
    xml = formatJunit(main.result);
    const doc = parseXml(xml);
    expect(doc.children).toHaveLength(1);
    suites = doc.children[0] as El;
  });
  afterAll(() => main.cleanup());

  it('is well-formed XML with one suite per control that ran, plus input', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(suites.name).toBe('testsuites');
    expect(kids(suites, 'testsuite').map((s) => s.attrs.name)).toEqual([
      'APP-901 test-writable-root',
      'CLU-901 test-inventory',
      'NOD-901 test-quiet',
      'input',
    ]);
  });

  it('has counts in attributes that match the cases', () => {
    let total = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    for (const s of kids(suites, 'testsuite')) {
      const cases = kids(s, 'testcase');
      const count = {
        tests: cases.length,
        failures: cases.filter((c) => kids(c, 'failure').length > 0).length,
        errors: cases.filter((c) => kids(c, 'error').length > 0).length,
        skipped: cases.filter((c) => kids(c, 'skipped').length > 0).length,
      };
      expect(s.attrs).toMatchObject(Object.fromEntries(Object.entries(count).map(([k, v]) => [k, String(v)])));
      total = { tests: total.tests + count.tests, failures: total.failures + count.failures, errors: total.errors + count.errors, skipped: total.skipped + count.skipped };
    }
    expect(total).toEqual({ tests: 8, failures: 3, errors: 1, skipped: 3 });
    expect(suites.attrs).toMatchObject({ tests: '8', failures: '3', errors: '1', skipped: '3' });
  });

  it('fails one case per resource, with message, severity and file:line', () => {
    const app = kids(suites, 'testsuite')[0] as El;
    const web = kids(app, 'testcase').find((c) => c.attrs.name?.startsWith('Deployment shop/web')) as El;
    expect(web.attrs).toMatchObject({ classname: 'palisade.application.APP-901', line: '10' });
    expect(web.attrs.file).toMatch(/deploy[/\\]web\.yaml$/);
    const failure = kids(web, 'failure');
    expect(failure).toHaveLength(1);
    expect(failure[0]?.attrs.type).toBe('high');
    expect(failure[0]?.attrs.message).toMatch(/^Container 'app' has a writable root file system\. \[high\] at \S*web\.yaml:10:11 \(and 1 more\)$/);
    expect(failure[0]?.text).toMatch(/high: Container 'side' has a writable root file system\. at \S*web\.yaml:15:13/);
    expect(failure[0]?.text).toContain('How to fix: Set securityContext.readOnlyRootFilesystem: true.');
  });

  it('skips exempted findings with their justification, and resources not evaluated', () => {
    const [app, clu] = kids(suites, 'testsuite') as [El, El];
    const csi = kids(app, 'testcase').find((c) => c.attrs.name?.startsWith('DaemonSet kube-system/csi-node')) as El;
    expect(kids(csi, 'failure')).toEqual([]);
    expect(kids(csi, 'skipped')[0]?.attrs.message).toBe(
      'exempted: CSI node plugin writes <state> & "sockets" under /var (owner platform-team, expires 2027-03-31)',
    );
    const services = kids(clu, 'testcase').filter((c) => c.attrs.name?.startsWith('Service '));
    expect(services.map((c) => kids(c, 'skipped')[0]?.attrs.message)).toEqual([
      'not evaluated: needs the whole inventory of endpoints',
      'not evaluated: needs the whole inventory of endpoints',
    ]);
  });

  it('gives a control without findings one passing case', () => {
    const quiet = kids(suites, 'testsuite')[2] as El;
    expect(kids(quiet, 'testcase')).toEqual([
      { name: 'testcase', attrs: { name: 'NOD-901 test-quiet: no findings', classname: 'palisade.node.NOD-901', time: '0' }, children: [], text: '' },
    ]);
  });

  it('reports input errors as errors of the suite "input"', () => {
    const input = kids(suites, 'testsuite')[3] as El;
    const [c] = kids(input, 'testcase') as [El];
    expect(c.attrs.name).toMatch(/broken\.yaml:4$/);
    expect(kids(c, 'error')[0]?.attrs).toMatchObject({ type: 'parse-error', message: expect.stringContaining('YAML syntax error') });
  });

  it('escapes markup characters and shows control characters instead of emitting them', () => {
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const app = kids(suites, 'testsuite')[0] as El;
    const legacy = kids(app, 'testcase').find((c) => c.attrs.name?.startsWith('Pod batch/legacy')) as El;
    expect(legacy.attrs.file).toMatch(/legacy app\.yaml$/);
    expect(kids(legacy, 'failure')[0]?.attrs.message).toContain(`Container 'evil<&"'>\\x1b[31m\\x07' has`);
    expect(kids(legacy, 'failure')[0]?.text).toContain(`Container 'evil<&"'>\\x1b[31m\\x07' has`);
  });

  it('is well-formed when nothing could be scanned', async () => {
    const broken = await scanFiles({ 'deploy/bad.yaml': 'a: [\n' });
    try {
      const doc = parseXml(formatJunit(broken.result));
      expect(doc.children[0]?.attrs).toMatchObject({ tests: '4', errors: '1', failures: '0' });
    } finally {
      await broken.cleanup();
    }
  });
});

describe('xml escaping', () => {
  it('is checked by a parser that rejects what is not well-formed', () => {
    expect(() => parseXml('<r>\u0001</r>')).toThrow();
    expect(() => parseXml('<r>&#1;</r>')).toThrow();
    expect(() => parseXml('<r a="<"/>')).toThrow();
    expect(() => parseXml('<r>a & b</r>')).toThrow();
    expect(() => parseXml('<r><s></r>')).toThrow();
  });

  const nasty = `a<b>&c"d'e\u0000f\u0001g\u001bh\u007fi\u0085j\ud800k\ufffel\ud83d\ude00m\tn\no\rp]]>q`;

  it('round-trips through a strict parser, in text and in attributes', () => {
    const doc = parseXml(`<r a="${xmlAttr(nasty)}" b='${xmlAttr(nasty)}'>${xmlText(nasty)}</r>`);
    const r = doc.children[0] as El;
    const expected = `a<b>&c"d'e\\x00f\\x01g\\x1bh\\x7fi\\x85j\\ud800k\\ufffel\ud83d\ude00m\tn\no\rp]]>q`;
    expect(r.attrs.a).toBe(expected);
    expect(r.attrs.b).toBe(expected);
    // Parsers fold a raw carriage return in text into a line feed; attributes keep it as &#13;.
    expect(r.text).toBe(expected.replace('\r', '\n'));
  });
});
