import { describe, expect, it } from 'vitest';
import type { LayerFileFact } from '../../image/facts.js';
import { asAny } from '../define.js';
import control from './layer-secret-file.js';
import { layerFact, runOnLayerFiles } from '../../../test/control-tester.js';

const run = (files: LayerFileFact[]) => runOnLayerFiles(asAny(control), files);

describe(`${control.meta.id} ${control.meta.name}`, () => {
  it('reports nothing for an image without such files, or a Dockerfile', () => {
    expect(run([]).findings).toEqual([]);
    expect(run([layerFact({ kind: 'setuid' })]).findings).toEqual([]);
  });
  it('reports each file with its layer, path and role, located at the layer in the config', () => {
    const sink = run([layerFact({ kind: 'secret' as const, path: '/app/.env', rule: 'azure-storage-key', title: 'Azure Storage account key', line: 2 }), layerFact({ ...{ kind: 'secret' as const, path: '/app/.env', rule: 'azure-storage-key', title: 'Azure Storage account key', line: 2 }, layerIndex: 0, role: 'base', deleted: true })]);
    expect(sink.findings).toHaveLength(2);
    const [app, base] = sink.findings;
    expect(app?.location).toEqual({ file: 'web.tar', pointer: '/blobs~1sha256~1cfg/rootfs/diff_ids/1' });
    expect(app?.data).toMatchObject({ layer: 'sha256:' + 'c'.repeat(64), role: 'application', deleted: 'no', path: { kind: 'secret' as const, path: '/app/.env', rule: 'azure-storage-key', title: 'Azure Storage account key', line: 2 }.path });
    expect(base?.data).toMatchObject({ role: 'base', deleted: 'yes' });
    expect(base?.message).toContain('base image');
    expect(base?.message).toContain('deleted by a later layer');
  });
});
