import { describe, expect, it } from 'vitest';
import { evaluateSubject, newSink } from '../../engine/evaluate.js';
import { imageSubject } from '../../image/config.js';
import type { LayerFileFact } from '../../image/facts.js';
import { asAny } from '../define.js';
import control from './layer-world-writable.js';

/** Layer facts are gathered by the archive source (test/image-archive.test.ts); here the control alone judges them. */
function run(files: LayerFileFact[]) {
  const subject = imageSubject(
    { architecture: 'amd64', os: 'linux', config: {}, rootfs: { type: 'layers', diff_ids: ['sha256:' + 'a'.repeat(64), 'sha256:' + 'b'.repeat(64)] }, history: [] },
    { file: 'web.tar', basePointer: '/blobs~1sha256~1cfg', name: 'contoso/web:1.0', layerFiles: files, layersScanned: true },
  );
  const any = asAny(control);
  const sink = newSink();
  evaluateSubject(subject, [{ control: any, severity: any.meta.severity, action: 'deny', options: {} }], { exemptions: [], inlineExemptions: { enabled: false, prefix: 'exempt.palisade.io/' } }, { stage: 'ci', now: new Date('2026-11-29T00:00:00Z'), pssVersion: 34 }, sink);
  return sink;
}

const fact = (f: Partial<LayerFileFact>): LayerFileFact => ({ kind: 'secret', layerIndex: 1, digest: 'sha256:' + 'c'.repeat(64), role: 'application', path: '/app/x', deleted: false, ...f });

describe(`${control.meta.id} ${control.meta.name}`, () => {
  it('reports nothing for an image without such files, or a Dockerfile', () => {
    expect(run([]).findings).toEqual([]);
    expect(run([fact({ kind: 'setgid' })]).findings).toEqual([]);
  });
  it('reports each file with its layer, path and role, located at the layer in the config', () => {
    const sink = run([fact({ kind: 'world-writable' as const, path: '/etc/app.conf', mode: '666' }), fact({ ...{ kind: 'world-writable' as const, path: '/etc/app.conf', mode: '666' }, layerIndex: 0, role: 'base', deleted: true })]);
    expect(sink.findings).toHaveLength(2);
    const [app, base] = sink.findings;
    expect(app?.location).toEqual({ file: 'web.tar', pointer: '/blobs~1sha256~1cfg/rootfs/diff_ids/1' });
    expect(app?.data).toMatchObject({ layer: 'sha256:' + 'c'.repeat(64), role: 'application', deleted: 'no', path: { kind: 'world-writable' as const, path: '/etc/app.conf', mode: '666' }.path });
    expect(base?.data).toMatchObject({ role: 'base', deleted: 'yes' });
    expect(base?.message).toContain('base image');
    expect(base?.message).toContain('deleted by a later layer');
  });
});
