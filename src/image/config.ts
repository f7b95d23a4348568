/**
 * Image configuration input: an OCI/Docker image config JSON (`rootfs.diff_ids` with `config`/`history`)
 * or `docker inspect` output (an array of objects with `Config`, `RootFS`, `Id`), into ImageSubjects.
 * The history after the base image (reference §3.6, Trivy's heuristic: the last `CMD` before the
 * application's layers ends the base) is turned back into instructions (§3.2) and read by the
 * Dockerfile parser into one stage, so the Dockerfile controls run on the built image; where the
 * configuration says more than that history (no history at all, a USER or HEALTHCHECK inherited from the
 * base, a USER changed after the build), instructions taken from the configuration complete it, and the
 * configuration wins. Pointers are those of the config JSON (`/history/3`, `/config/User`), so findings
 * on a config file have its lines.
 */
import type { DockerInstruction } from '../model/dockerfile.js';
import type { InputError, JsonObject, Position, PositionIndex } from '../model/types.js';
import { parseDockerfile } from '../parse/dockerfile.js';
import { parseJson } from '../parse/json.js';
import type { ImageFacts, ImageLayer, ImageSubject, LayerFileFact, LayerRole } from './facts.js';
import { instructionLines } from './history.js';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Cheap test on the text before any parsing: does this JSON look like an image config or `docker inspect`? */
export function looksLikeImageConfig(text: string): boolean {
  const head = text.trimStart();
  if (head.startsWith('{')) return /"diff_ids"\s*:/.test(text) && /"rootfs"\s*:/.test(text);
  if (head.startsWith('[')) return /"RootFS"\s*:/.test(text) && /"Config"\s*:/.test(text);
  return false;
}

/** An OCI/Docker image config object. */
export function isImageConfig(v: unknown): v is JsonObject {
  return isObject(v) && isObject(v.rootfs) && Array.isArray(v.rootfs.diff_ids) && (isObject(v.config) || Array.isArray(v.history) || typeof v.architecture === 'string');
}

/** One element of `docker inspect` output. */
export function isInspectEntry(v: unknown): v is JsonObject {
  return isObject(v) && isObject(v.Config) && isObject(v.RootFS) && typeof v.Id === 'string';
}

export interface ImageSubjectOptions {
  /** The file findings are located in (the config file, or the archive). */
  file: string;
  /** Pointer of the config inside the document: "" for a config file, "/0" for an inspect element, the escaped member name in an archive. */
  basePointer: string;
  /** Positions of the config's JSON text; none inside an archive. */
  positions?: PositionIndex;
  /** Name in reports; otherwise the repo tag, digest or file. */
  name?: string;
  /** Layer digests as stored (from the manifest), first to last. */
  layerDigests?: string[];
  layerFiles?: LayerFileFact[];
  layersScanned?: boolean;
}

interface HistoryEntry {
  created_by?: string;
  empty_layer?: boolean;
}

/**
 * Index of the history entry that ends the base image, by Trivy's heuristic: from the end, skip the
 * trailing entries without a layer, then the first entry without a layer that is a CMD closes the base.
 */
export function baseBoundary(history: HistoryEntry[]): number | undefined {
  let i = history.length - 1;
  while (i >= 0 && history[i]?.empty_layer === true) i--;
  for (; i >= 0; i--) {
    const h = history[i] as HistoryEntry;
    if (h.empty_layer === true && /^(?:\/bin\/sh -c #\(nop\)\s+)?CMD\b/.test((h.created_by ?? '').trim())) return i;
  }
  return undefined;
}

/** The roles of the layers from history: base up to the boundary, application after it; unknown when undecidable. */
export function layerRoles(history: HistoryEntry[], layerCount: number): { roles: LayerRole[]; createdBy: (string | undefined)[] } {
  const withLayer: number[] = [];
  history.forEach((h, i) => {
    if (h.empty_layer !== true) withLayer.push(i);
  });
  const roles: LayerRole[] = new Array<LayerRole>(layerCount).fill('unknown');
  const createdBy: (string | undefined)[] = new Array<string | undefined>(layerCount).fill(undefined);
  if (withLayer.length !== layerCount) return { roles, createdBy };
  const end = baseBoundary(history);
  for (let k = 0; k < layerCount; k++) {
    const h = withLayer[k] as number;
    createdBy[k] = history[h]?.created_by;
    if (end !== undefined) roles[k] = h < end ? 'base' : 'application';
  }
  return { roles, createdBy };
}

class ImagePositions implements PositionIndex {
  constructor(private readonly json: PositionIndex | undefined) {}
  locate(pointer: string): Position | undefined {
    if (!this.json) return undefined;
    let p = pointer.replace(/\/properties\/\d+$/, '');
    if (/\/history\/\d+$/.test(p)) return this.json.locate(`${p}/created_by`) ?? this.json.locate(p);
    for (;;) {
      const pos = this.json.locate(p);
      if (pos || p === '') return pos;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }
}

/** Builds the subject of one image from its config (OCI config or `docker inspect` element). */
export function imageSubject(config: JsonObject, opts: ImageSubjectOptions): ImageSubject {
  const inspect = (isInspectEntry as (v: unknown) => boolean)(config);
  const cfgKey = inspect ? 'Config' : 'config';
  const cfg = isObject(config[cfgKey]) ? (config[cfgKey] as JsonObject) : {};
  const p = `/${cfgKey}`;
  const rootfs = (inspect ? config.RootFS : config.rootfs) as JsonObject | undefined;
  const diffIds = ((inspect ? rootfs?.Layers : rootfs?.diff_ids) as unknown[] | undefined ?? []).map((d) => String(d));
  const history: HistoryEntry[] = !inspect && Array.isArray(config.history) ? (config.history as unknown[]).map((h) => (isObject(h) ? (h as HistoryEntry) : {})) : [];

  const user = str(cfg.User);
  const exposedPorts = isObject(cfg.ExposedPorts) ? Object.keys(cfg.ExposedPorts) : [];
  const env = Array.isArray(cfg.Env)
    ? (cfg.Env as unknown[]).filter((e): e is string => typeof e === 'string').map((e) => {
        const eq = e.indexOf('=');
        return eq === -1 ? { name: e, value: '' } : { name: e.slice(0, eq), value: e.slice(eq + 1) };
      })
    : [];
  const labels: Record<string, string> = {};
  if (isObject(cfg.Labels)) for (const [k, v] of Object.entries(cfg.Labels)) if (typeof v === 'string') labels[k] = v;
  const created = str(inspect ? config.Created : config.created);
  const name =
    opts.name ??
    (inspect
      ? str((config.RepoTags as unknown[] | undefined)?.[0]) ?? str((config.RepoDigests as unknown[] | undefined)?.[0]) ?? str(config.Id) ?? opts.file
      : opts.file);

  // Instructions: the application's history, then what the configuration adds.
  const lines: { text: string; pointer: string }[] = [];
  const end = history.length > 0 ? baseBoundary(history) : undefined;
  lines.push({ text: 'FROM scratch', pointer: end !== undefined ? `/history/${end}` : history.length > 0 ? '/history' : p });
  history.forEach((h, i) => {
    if (end !== undefined && i <= end) return;
    for (const text of instructionLines(h.created_by ?? '')) {
      // The bottom layer's `ADD file:<sha> in /` is the base root filesystem, not an ADD to judge (as Dockle).
      if (i === 0 && /^ADD (?:file|dir):[0-9a-f]+ \/$/.test(text)) continue;
      lines.push({ text, pointer: `/history/${i}` });
    }
  });
  const has = (kw: string) => lines.some((l) => l.text.startsWith(`${kw} `));
  // The configuration is what runs: environment and ports the included history does not set (inherited
  // from the base, or no history at all) are added from it.
  const envSet = lines.filter((l) => l.text.startsWith('ENV ')).map((l) => l.text);
  env.forEach((e, i) => {
    if (envSet.some((t) => new RegExp(`[ "]${e.name.replace(/[^A-Za-z0-9_]/g, '\\$&')}[= ]`).test(t))) return;
    lines.push({ text: `ENV ${e.name}=${JSON.stringify(e.value)}`, pointer: `${p}/Env/${i}` });
  });
  const exposed = lines.filter((l) => l.text.startsWith('EXPOSE ')).flatMap((l) => l.text.slice(7).split(/\s+/)).map((x) => x.replace(/\/tcp$/i, ''));
  const missingPorts = exposedPorts.filter((port) => !exposed.includes(port.replace(/\/tcp$/i, '')));
  if (missingPorts.length > 0) lines.push({ text: `EXPOSE ${missingPorts.join(' ')}`, pointer: `${p}/ExposedPorts` });
  const lastUser = [...lines].reverse().find((l) => l.text.startsWith('USER '));
  if (user !== undefined && user.trim() !== '' && lastUser?.text !== `USER ${user.trim()}`) {
    lines.push({ text: `USER ${user.trim()}`, pointer: `${p}/User` });
  }
  const hc = isObject(cfg.Healthcheck) && Array.isArray(cfg.Healthcheck.Test) ? (cfg.Healthcheck.Test as unknown[]).map(String) : undefined;
  if (hc && hc.length > 0 && !has('HEALTHCHECK')) {
    const text = hc[0] === 'NONE' ? 'HEALTHCHECK NONE' : hc[0] === 'CMD-SHELL' ? `HEALTHCHECK CMD ${hc.slice(1).join(' ')}` : `HEALTHCHECK CMD ${JSON.stringify(hc.slice(1))}`;
    lines.push({ text, pointer: `${p}/Healthcheck` });
  }

  const byLine = new Map<number, string>();
  let n = 1;
  for (const l of lines) {
    byLine.set(n, l.pointer);
    n += l.text.split('\n').length;
  }
  const parsed = parseDockerfile(lines.map((l) => l.text).join('\n') + '\n', opts.file);
  // Generated text always has its FROM: the parser returns a subject.
  const df = parsed.subject as NonNullable<typeof parsed.subject>;
  const stage = df.finalStage;
  const relocate = (ins: DockerInstruction) => {
    ins.pointer = byLine.get(ins.line) ?? p;
  };
  stage.instructions.forEach(relocate);
  stage.pointer = '';
  stage.fromStage = 'image';
  stage.baseImage = 'scratch';
  const baseName = labels['org.opencontainers.image.base.name'];
  stage.baseImageRaw = baseName ?? (end !== undefined ? 'the base image layers' : 'an unknown base');
  stage.name = 'image';

  const { roles, createdBy } = layerRoles(history, diffIds.length);
  const layers: ImageLayer[] = diffIds.map((diffId, index) => {
    const layer: ImageLayer = { index, digest: opts.layerDigests?.[index] ?? diffId, diffId, role: roles[index] ?? 'unknown' };
    const cb = createdBy[index];
    if (cb !== undefined) layer.createdBy = cb;
    return layer;
  });

  const image: ImageFacts = {
    name,
    pointers: {
      user: `${p}/User`,
      exposedPorts: `${p}/ExposedPorts`,
      env: `${p}/Env`,
      labels: `${p}/Labels`,
      created: inspect ? '/Created' : '/created',
      layers: inspect ? '/RootFS/Layers' : '/rootfs/diff_ids',
    },
    exposedPorts,
    env,
    labels,
    layers,
    layersScanned: opts.layersScanned ?? false,
    layerFiles: opts.layerFiles ?? [],
  };
  if (user !== undefined) image.user = user;
  if (created !== undefined) image.created = created;

  return {
    ...df,
    resource: { kind: 'Image', name },
    source: { file: opts.file, documentIndex: 0, basePointer: opts.basePointer, positions: new ImagePositions(opts.positions) },
    image,
  };
}

/** Reads a config JSON file or `docker inspect` output into image subjects. */
export function parseImageConfigText(text: string, file: string): { subjects: ImageSubject[]; errors: InputError[] } {
  const parsed = parseJson(text, file);
  const doc = parsed.documents[0];
  if (!doc) return { subjects: [], errors: parsed.errors };
  const subjects: ImageSubject[] = [];
  const errors: InputError[] = [...parsed.errors];
  if (Array.isArray(doc.value)) {
    doc.value.forEach((v, i) => {
      if (isInspectEntry(v) || isImageConfig(v)) subjects.push(imageSubject(v, { file, basePointer: `/${i}`, positions: doc.positions }));
      else errors.push({ file, documentIndex: 0, code: 'not-image', message: `element ${i} is not a docker inspect image entry (Config, RootFS, Id)` });
    });
  } else if (isImageConfig(doc.value) || isInspectEntry(doc.value)) {
    subjects.push(imageSubject(doc.value, { file, basePointer: '', positions: doc.positions }));
  } else {
    errors.push({ file, documentIndex: 0, code: 'not-image', message: 'not an image config: rootfs.diff_ids is missing' });
  }
  return { subjects, errors };
}
