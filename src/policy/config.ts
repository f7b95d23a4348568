import path from 'node:path';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import yaml from 'js-yaml';
import type { AnyControl, OptionSpec } from '../controls/define.js';
import { ACTIONS, SEVERITIES, STAGES, type Severity, type Stage, type Action } from '../model/types.js';
import { defaultActions, isProfile, profileIncludes, PROFILES, type ProfileName } from './profiles.js';
import {
  FAILURE_MODES,
  type AdmissionSettings,
  type ControlSetting,
  type Exemption,
  type FailureMode,
  type GateException,
  type GraceDays,
  type ResolvedPolicy,
  type VulnerabilityGateSettings,
} from './types.js';

export const LATEST_PSS_VERSION = 37;
export { CONFIG_FILE_NAMES } from './discover.js';
import { ConfigError } from './errors.js';
export { ConfigError };


const actionSchema = { enum: [...ACTIONS] };
const GATE_SEVERITIES = ['critical', 'high', 'medium', 'low', 'negligible', 'unknown'] as const;
const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    extends: { oneOf: [{ enum: [...PROFILES] }, { type: 'array', items: { enum: [...PROFILES] }, maxItems: 1 }] },
    pssVersion: { type: 'string', pattern: '^(latest|v1\\.\\d+)$' },
    failOn: { enum: [...SEVERITIES] },
    controls: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          enabled: { type: 'boolean' },
          severity: { enum: [...SEVERITIES] },
          action: {
            oneOf: [
              actionSchema,
              {
                type: 'object',
                additionalProperties: false,
                properties: Object.fromEntries(STAGES.map((s) => [s, actionSchema])),
              },
            ],
          },
          options: { type: 'object' },
        },
      },
    },
    exemptions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['controls', 'justification'],
        properties: {
          controls: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          match: {
            type: 'object',
            additionalProperties: false,
            properties: Object.fromEntries(
              ['namespaces', 'kinds', 'names', 'images'].map((k) => [k, { type: 'array', items: { type: 'string', minLength: 1 } }]),
            ),
          },
          justification: { type: 'string', minLength: 1 },
          owner: { type: 'string' },
          expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        },
      },
    },
    inlineExemptions: {
      type: 'object',
      additionalProperties: false,
      properties: { enabled: { type: 'boolean' }, prefix: { type: 'string', minLength: 1 } },
    },
    admission: {
      type: 'object',
      additionalProperties: false,
      properties: {
        failureMode: { enum: [...FAILURE_MODES] },
        evaluationDeadlineMs: { type: 'integer', minimum: 1, maximum: 30_000 },
        namespace: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 },
        ...Object.fromEntries(
          ['exemptNamespaces', 'exemptUsers', 'exemptGroups', 'exemptServiceAccounts', 'exemptImages'].map((k) => [
            k,
            { type: 'array', items: { type: 'string', minLength: 1 } },
          ]),
        ),
        inlineExemptions: { type: 'boolean' },
        maxMessageLength: { type: 'integer', minimum: 256, maximum: 32_768 },
      },
    },
    azure: {
      type: 'object',
      additionalProperties: false,
      properties: {
        versionCalendar: { type: 'string', minLength: 1 },
      },
    },
    gate: {
      type: 'object',
      additionalProperties: false,
      properties: {
        vulnerabilities: {
          type: 'object',
          additionalProperties: false,
          properties: {
            graceDays: {
              type: 'object',
              additionalProperties: false,
              properties: Object.fromEntries(
                GATE_SEVERITIES.map((k) => [k, { oneOf: [{ type: 'integer', minimum: 0 }, { enum: ['never', null] }] }]),
              ),
            },
            failOnNoFix: { type: 'boolean' },
            failOnStatuses: { type: 'array', items: { enum: ['affected', 'will_not_fix', 'fix_deferred', 'end_of_life', 'under_investigation', 'unknown'] } },
            exceptions: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['justification'],
                properties: {
                  ...Object.fromEntries(['ids', 'cves', 'packages', 'images'].map((k) => [k, { type: 'array', items: { type: 'string', minLength: 1 } }])),
                  justification: { type: 'string', minLength: 1 },
                  owner: { type: 'string' },
                  expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

/*
 * Ajv is loaded and the schema compiled on the first configuration file validated, not when this module is
 * loaded: together they take longer than everything else a gate run without a configuration file does
 * before reading its reports.
 */
let validator: ValidateFunction | undefined;
function validateConfig(data: unknown): { ok: true } | { ok: false; errors: ErrorObject[] } {
  if (validator === undefined) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    validator = new Ajv({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA);
  }
  return validator(data) ? { ok: true } : { ok: false, errors: validator.errors ?? [] };
}

export interface RawConfig {
  extends?: ProfileName | ProfileName[];
  pssVersion?: string;
  failOn?: Severity;
  controls?: Record<string, { enabled?: boolean; severity?: Severity; action?: Action | Partial<Record<Stage, Action>>; options?: Record<string, unknown> }>;
  exemptions?: { controls: string[]; match?: Exemption['match']; justification: string; owner?: string; expires?: string }[];
  inlineExemptions?: { enabled?: boolean; prefix?: string };
  admission?: {
    failureMode?: FailureMode;
    evaluationDeadlineMs?: number;
    namespace?: string;
    exemptNamespaces?: string[];
    exemptUsers?: string[];
    exemptGroups?: string[];
    exemptServiceAccounts?: string[];
    exemptImages?: string[];
    inlineExemptions?: boolean;
    maxMessageLength?: number;
  };
  azure?: {
    /** Path of an AKS version calendar to use instead of the bundled one (relative to the policy file). */
    versionCalendar?: string;
  };
  gate?: {
    vulnerabilities?: {
      graceDays?: Partial<Record<keyof GraceDays, number | 'never' | null>>;
      failOnNoFix?: boolean;
      failOnStatuses?: string[];
      exceptions?: { ids?: string[]; cves?: string[]; packages?: string[]; images?: string[]; justification: string; owner?: string; expires?: string }[];
    };
  };
}

/** Grace periods when the policy names none: critical 7, high 30, medium 90, low 180 days; negligible and unknown never fail on age. */
export const DEFAULT_GRACE_DAYS: GraceDays = { critical: 7, high: 30, medium: 90, low: 180, negligible: null, unknown: null };

/** The vulnerability gate's settings from the policy file's `gate.vulnerabilities` section, with defaults. */
export function resolveGateSettings(raw: RawConfig['gate'], configFile?: string): VulnerabilityGateSettings {
  const v = raw?.vulnerabilities ?? {};
  const graceDays: GraceDays = { ...DEFAULT_GRACE_DAYS };
  for (const k of GATE_SEVERITIES) {
    const g = v.graceDays?.[k];
    if (g !== undefined) graceDays[k] = g === 'never' || g === null ? null : g;
  }
  const exceptions: GateException[] = (v.exceptions ?? []).map((e, i) => {
    const path = `/gate/vulnerabilities/exceptions/${i}`;
    const ids = [...(e.ids ?? []), ...(e.cves ?? [])];
    if (ids.length === 0 && (e.packages ?? []).length === 0 && (e.images ?? []).length === 0) {
      throw new ConfigError('an exception needs at least one of ids (or cves), packages, images', configFile, path);
    }
    if (e.expires !== undefined && Number.isNaN(Date.parse(`${e.expires}T00:00:00Z`))) {
      throw new ConfigError(`'${e.expires}' is not a date`, configFile, `${path}/expires`);
    }
    const ex: GateException = { ids, packages: e.packages ?? [], images: e.images ?? [], justification: e.justification, origin: `${configFile ?? 'configuration'}#${path}` };
    if (e.owner !== undefined) ex.owner = e.owner;
    if (e.expires !== undefined) ex.expires = e.expires;
    return ex;
  });
  return { graceDays, failOnNoFix: v.failOnNoFix ?? false, failOnStatuses: [...(v.failOnStatuses ?? [])], exceptions };
}

/** Palisade's own namespace when the policy names none. */
export const DEFAULT_ADMISSION_NAMESPACE = 'palisade-system';

/**
 * Admission defaults a new cluster can live with. The deadline (2 s) sits well below the webhook's default
 * timeoutSeconds (10 s), so the webhook always answers itself rather than letting the API server time out.
 */
export function defaultAdmissionSettings(namespace: string = DEFAULT_ADMISSION_NAMESPACE): AdmissionSettings {
  return {
    failureMode: 'fail-closed',
    evaluationDeadlineMs: 2000,
    namespace,
    exemptNamespaces: ['kube-system', namespace],
    exemptUsers: [],
    exemptGroups: [],
    exemptServiceAccounts: [],
    exemptImages: [],
    inlineExemptions: false,
    maxMessageLength: 1024,
  };
}

const SERVICE_ACCOUNT_USER = /^system:serviceaccount:([^:/]+):([^:/]+)$/;
const SERVICE_ACCOUNT_PAIR = /^([^:/]+)\/([^:/]+)$/;

/** "ns/name" or "system:serviceaccount:ns:name" (globs allowed in either part) → "ns/name"; undefined otherwise. */
export function normalizeServiceAccountPattern(pattern: string): string | undefined {
  const m = SERVICE_ACCOUNT_USER.exec(pattern) ?? SERVICE_ACCOUNT_PAIR.exec(pattern);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

function resolveAdmission(raw: RawConfig['admission'], configFile: string | undefined): AdmissionSettings {
  const a = raw ?? {};
  const out = defaultAdmissionSettings(a.namespace);
  if (a.failureMode !== undefined) out.failureMode = a.failureMode;
  if (a.evaluationDeadlineMs !== undefined) out.evaluationDeadlineMs = a.evaluationDeadlineMs;
  if (a.exemptNamespaces !== undefined) out.exemptNamespaces = [...a.exemptNamespaces];
  if (a.exemptUsers !== undefined) out.exemptUsers = [...a.exemptUsers];
  if (a.exemptGroups !== undefined) out.exemptGroups = [...a.exemptGroups];
  if (a.exemptImages !== undefined) out.exemptImages = [...a.exemptImages];
  if (a.inlineExemptions !== undefined) out.inlineExemptions = a.inlineExemptions;
  if (a.maxMessageLength !== undefined) out.maxMessageLength = a.maxMessageLength;
  out.exemptServiceAccounts = (a.exemptServiceAccounts ?? []).map((p, i) => {
    const n = normalizeServiceAccountPattern(p);
    if (n === undefined) {
      throw new ConfigError(
        `'${p}' is not a service account: expected namespace/name or system:serviceaccount:namespace:name`,
        configFile,
        `/admission/exemptServiceAccounts/${i}`,
      );
    }
    return n;
  });
  return out;
}

function describeAjvError(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `unknown property '${String(e.params.additionalProperty)}'`;
  if (e.keyword === 'enum') return `expected one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
  if (e.keyword === 'required') return `missing required property '${String(e.params.missingProperty)}'`;
  if (e.keyword === 'pattern') return `expected a value matching ${String(e.params.pattern)}`;
  return e.message ?? e.keyword;
}

/** Parses and validates configuration text. */
export function parseConfig(text: string, file: string): RawConfig {
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file });
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number } }).mark;
    throw new ConfigError(`not valid YAML: ${(e as { reason?: string }).reason ?? (e as Error).message}`, file, mark ? `line ${mark.line + 1}` : undefined);
  }
  if (data === null || data === undefined) return {};
  const validation = validateConfig(data);
  if (!validation.ok) {
    const errs = validation.errors;
    // oneOf reports every branch; the most specific error is the deepest one.
    const best = [...errs].sort((a, b) => b.instancePath.length - a.instancePath.length)[0] as ErrorObject;
    throw new ConfigError(describeAjvError(best), file, best.instancePath || '/');
  }
  return data as RawConfig;
}

export function parsePssVersion(v: string | undefined, where?: { file?: string; path: string }): number {
  if (v === undefined || v === 'latest') return LATEST_PSS_VERSION;
  const m = /^v1\.(\d+)$/.exec(v);
  const minor = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(minor) || minor > LATEST_PSS_VERSION) {
    throw new ConfigError(`unsupported Pod Security Standards version '${v}': expected v1.0 … v1.${LATEST_PSS_VERSION} or latest`, where?.file, where?.path);
  }
  return minor;
}

function checkOption(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

export interface PolicyOverrides {
  profile?: string;
  pssVersion?: string;
  failOn?: string;
}

/** Combines the catalog, a profile, the configuration file and command-line overrides into one policy. */
export function resolvePolicy(
  catalog: readonly AnyControl[],
  config: RawConfig,
  overrides: PolicyOverrides = {},
  configFile?: string,
): ResolvedPolicy {
  const fromConfig = Array.isArray(config.extends) ? config.extends[0] : config.extends;
  const profileName = overrides.profile ?? fromConfig ?? 'recommended';
  if (!isProfile(profileName)) {
    throw new ConfigError(`unknown profile '${profileName}': expected one of ${PROFILES.join(', ')}`, overrides.profile ? '--profile' : configFile, overrides.profile ? undefined : '/extends');
  }
  const pssVersion = overrides.pssVersion !== undefined
    ? parsePssVersion(overrides.pssVersion, { path: '--pss-version' })
    : parsePssVersion(config.pssVersion, { ...(configFile ? { file: configFile } : {}), path: '/pssVersion' });
  const failOnRaw = overrides.failOn ?? config.failOn ?? 'low';
  if (!(SEVERITIES as readonly string[]).includes(failOnRaw)) {
    throw new ConfigError(`unknown severity '${failOnRaw}': expected one of ${SEVERITIES.join(', ')}`, '--fail-on');
  }

  const byKey = new Map<string, AnyControl>();
  for (const c of catalog) {
    byKey.set(c.meta.id, c);
    byKey.set(c.meta.name, c);
  }

  const settings = new Map<string, ControlSetting>();
  for (const c of catalog) {
    const options: Record<string, unknown> = {};
    for (const [k, spec] of Object.entries(c.meta.options ?? {})) options[k] = spec.default;
    settings.set(c.meta.id, {
      enabled: profileIncludes(profileName, c),
      severity: c.meta.severity,
      actions: defaultActions(c),
      options,
    });
  }

  // A pss-* profile given on the command line means "exactly the Pod Security controls": the
  // configuration file may still tune them, but cannot switch other controls on.
  const exactProfile = overrides.profile !== undefined && profileName.startsWith('pss-');

  for (const [key, conf] of Object.entries(config.controls ?? {})) {
    const path = `/controls/${key}`;
    const control = byKey.get(key) ?? byKey.get(key.toUpperCase());
    if (!control) throw new ConfigError(`unknown control '${key}'`, configFile, path);
    const s = settings.get(control.meta.id) as ControlSetting;
    if (conf.enabled !== undefined && !(exactProfile && conf.enabled && !profileIncludes(profileName, control))) s.enabled = conf.enabled;
    if (conf.severity) s.severity = conf.severity;
    if (typeof conf.action === 'string') {
      for (const st of STAGES) s.actions[st] = conf.action;
    } else if (conf.action) {
      for (const st of STAGES) if (conf.action[st]) s.actions[st] = conf.action[st] as Action;
    }
    for (const [k, v] of Object.entries(conf.options ?? {})) {
      const spec = control.meta.options?.[k];
      if (!spec) throw new ConfigError(`control ${control.meta.id} has no option '${k}'`, configFile, `${path}/options/${k}`);
      if (!checkOption(spec, v)) throw new ConfigError(`expected ${spec.type} for option '${k}' of ${control.meta.id}`, configFile, `${path}/options/${k}`);
      s.options[k] = v;
    }
  }

  const exemptions: Exemption[] = (config.exemptions ?? []).map((e, i) => {
    for (const [j, c] of e.controls.entries()) {
      if (c !== '*' && !byKey.has(c) && !byKey.has(c.toUpperCase())) {
        throw new ConfigError(`unknown control '${c}'`, configFile, `/exemptions/${i}/controls/${j}`);
      }
    }
    if (e.expires !== undefined && Number.isNaN(Date.parse(e.expires))) {
      throw new ConfigError(`'${e.expires}' is not a date`, configFile, `/exemptions/${i}/expires`);
    }
    const ex: Exemption = {
      controls: e.controls.map((c) => byKey.get(c)?.meta.id ?? byKey.get(c.toUpperCase())?.meta.id ?? c),
      match: e.match ?? {},
      justification: e.justification,
      origin: `${configFile ?? 'configuration'}#/exemptions/${i}`,
    };
    if (e.owner !== undefined) ex.owner = e.owner;
    if (e.expires !== undefined) ex.expires = e.expires;
    return ex;
  });

  const policy: ResolvedPolicy = {
    profile: profileName,
    pssVersion,
    failOn: failOnRaw as Severity,
    settings,
    exemptions,
    inlineExemptions: {
      enabled: config.inlineExemptions?.enabled ?? true,
      prefix: config.inlineExemptions?.prefix ?? 'exempt.palisade.io/',
    },
    admission: resolveAdmission(config.admission, configFile),
  };
  if (config.azure?.versionCalendar) {
    const cal = config.azure.versionCalendar;
    policy.azure = { versionCalendar: configFile && !path.isAbsolute(cal) ? path.join(path.dirname(configFile), cal) : cal };
  }
  if (configFile) policy.configFile = configFile;
  return policy;
}
