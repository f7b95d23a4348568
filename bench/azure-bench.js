#!/usr/bin/env node
/**
 * Azure posture benchmark. Prints figures; never fails on a time.
 *
 *   npm run bench:azure
 *   BENCH_AZURE_CLUSTERS=20000 npm run bench:azure   size of the generated estate (default 5,000 clusters)
 *
 * estate: a generated estate like `az aks list`, `az acr list` and `az role assignment list --role AcrPull`
 * output for N clusters, N registries and N AcrPull assignments (bodies cloned from the contoso examples
 * with their own ids, versions, pools and settings varied) → scan() with every control (profile all), so
 * every resource meets all AKS/ACR controls and the landing-zone relations are resolved over the whole estate.
 * Reports wall time (best of 3), resources/s and peak RSS.
 *
 * latency: one `az aks show` body scanned on its own, 300 times: p50/p95/p99 of a whole scan() call
 * (read, detect, parse, normalise, evaluate every control), as a CI step scanning one cluster pays it.
 *
 * Each section runs in its own child process so its peak RSS is its own.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { isMain, mib, peakRssBytes, runSections } from './harness.js';

const SELF = fileURLToPath(import.meta.url);
const DIST = new URL('../dist/', import.meta.url);
const EXAMPLES = new URL('../examples/contoso/azure/', import.meta.url);
const NOW = new Date('2026-11-29T00:00:00Z');

const example = (name) => JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8'));

/** A deterministic estate of n clusters, n registries and n AcrPull assignments. */
export function generateEstate(n) {
  let seed = 0x5eed;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const aks = example('aks-payments-prod.json');
  const acrAz = example('acr-payments-prod.json');
  const acrArm = example('acr-platform-shared.json');
  const hex = (i, w = 12) => i.toString(16).padStart(w, '0');
  const sub = (i) => `00000000-0000-4000-8000-${hex(i % 50)}`;
  const versions = ['1.31.9', '1.32.6', '1.33.3', '1.34.1', '1.35.2', '1.36.0'];
  const clusters = [];
  const registries = [];
  const assignments = [];
  for (let i = 0; i < n; i++) {
    const name = `aks-${hex(i, 5)}`;
    const rg = `rg-${hex(i % 400, 3)}`;
    const c = structuredClone(aks);
    c.id = `/subscriptions/${sub(i)}/resourceGroups/${rg}/providers/Microsoft.ContainerService/managedClusters/${name}`;
    c.name = name;
    const v = versions[Math.floor(rnd() * versions.length)];
    c.properties.currentKubernetesVersion = v;
    c.properties.kubernetesVersion = v.split('.').slice(0, 2).join('.');
    c.properties.apiServerAccessProfile.enablePrivateCluster = rnd() < 0.5;
    c.properties.disableLocalAccounts = rnd() < 0.7;
    c.properties.networkProfile.networkPolicy = ['cilium', 'azure', 'none', 'calico'][Math.floor(rnd() * 4)];
    c.properties.identityProfile.kubeletidentity.objectId = `11111111-0000-4000-8000-${hex(i)}`;
    for (const p of c.properties.agentPoolProfiles) p.currentOrchestratorVersion = v;
    clusters.push(c);
    const r = structuredClone(i % 2 === 0 ? acrAz : acrArm);
    const rname = `cr${hex(i, 6)}`;
    r.id = `/subscriptions/${sub(i + (rnd() < 0.1 ? 1 : 0))}/resourceGroups/${rg}/providers/Microsoft.ContainerRegistry/registries/${rname}`;
    r.name = rname;
    registries.push(r);
    assignments.push({
      id: `${r.id}/providers/Microsoft.Authorization/roleAssignments/22222222-0000-4000-8000-${hex(i)}`,
      principalId: c.properties.identityProfile.kubeletidentity.objectId,
      principalType: 'ServicePrincipal',
      roleDefinitionId: `/subscriptions/${sub(i)}/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d`,
      roleDefinitionName: 'AcrPull',
      scope: r.id,
      type: 'Microsoft.Authorization/roleAssignments',
    });
  }
  return { clusters, registries, assignments };
}

/** Runs in a child that only scans: the estate is written by the parent, so the peak RSS is the scan's own. */
async function estateChild({ dir }) {
  const { scan } = await import(new URL('index.js', DIST));
  const times = [];
  let result;
  let peakAfterFirst = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    result = await scan({ paths: [dir], noConfig: true, profile: 'all', now: NOW });
    times.push(performance.now() - t0);
    if (i === 0) peakAfterFirst = peakRssBytes();
  }
  return {
    resources: result.summary.resources,
    best: Math.min(...times),
    findings: result.summary.findings,
    notEvaluated: result.summary.notEvaluated,
    pulls: result.azure?.pulls.length ?? 0,
    peak: peakAfterFirst,
  };
}

async function latencyChild() {
  const { scan } = await import(new URL('index.js', DIST));
  const file = fileURLToPath(new URL('aks-payments-prod.json', EXAMPLES));
  for (let i = 0; i < 20; i++) await scan({ paths: [file], noConfig: true, profile: 'all', now: NOW });
  const samples = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    await scan({ paths: [file], noConfig: true, profile: 'all', now: NOW });
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const q = (p) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))];
  return { p50: q(50), p95: q(95), p99: q(99), peak: peakRssBytes() };
}

const SECTIONS = {
  estate: {
    async run(inChild) {
      const n = Number(process.env.BENCH_AZURE_CLUSTERS ?? 5000);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'palisade-azure-bench-'));
      let r;
      let bytes = 0;
      try {
        const e = generateEstate(n);
        for (const [file, body] of [['clusters.json', e.clusters], ['registries.json', e.registries], ['acrpull.json', e.assignments]]) {
          const text = JSON.stringify(body, null, 2);
          bytes += text.length;
          writeFileSync(path.join(dir, file), text);
        }
        r = await inChild('estate', { dir });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      return [
        `estate: ${r.resources.toLocaleString('en-US')} resources (${n.toLocaleString('en-US')} clusters, registries and AcrPull assignments; ${mib(bytes)} JSON), profile all`,
        `  scan ${(r.best / 1000).toFixed(2)} s best of 3 → ${Math.round(r.resources / (r.best / 1000)).toLocaleString('en-US')} resources/s`,
        `  ${r.findings.toLocaleString('en-US')} findings, ${r.notEvaluated.toLocaleString('en-US')} not evaluated, ${r.pulls.toLocaleString('en-US')} pull relations resolved`,
        `  peak RSS ${mib(r.peak)} (after the first scan: every finding of the estate is kept for the report)`,
      ].join('\n');
    },
    child: estateChild,
  },
  latency: {
    async run(inChild) {
      const r = await inChild('latency', {});
      return `latency: one cluster (az aks show body), whole scan() call, 300 runs: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms; peak RSS ${mib(r.peak)}`;
    },
    child: latencyChild,
  },
};

if (isMain(SELF)) await runSections(SELF, 'palisade azure bench', SECTIONS);

