import type { AnyControl } from '../controls/define.js';
import type { Action, Stage } from '../model/types.js';

export const PROFILES = ['recommended', 'pss-baseline', 'pss-restricted', 'all'] as const;
export type ProfileName = (typeof PROFILES)[number];

export const PROFILE_DOCS: Record<ProfileName, string> = {
  recommended: 'Every stable control: the Pod Security Standards (restricted) plus Palisade hardening. The default.',
  'pss-baseline': 'Exactly the Pod Security Standards baseline controls, to compare with a namespace enforcing baseline.',
  'pss-restricted': 'Exactly the Pod Security Standards restricted controls (which include baseline).',
  all: 'Every control, experimental ones included.',
};

export function isProfile(name: string): name is ProfileName {
  return (PROFILES as readonly string[]).includes(name);
}

/** Whether a profile turns a control on. */
export function profileIncludes(profile: ProfileName, control: AnyControl): boolean {
  const m = control.meta;
  switch (profile) {
    case 'pss-baseline':
      return m.pss?.level === 'baseline';
    case 'pss-restricted':
      return m.pss !== undefined;
    case 'recommended':
      return (m.stability ?? 'stable') === 'stable';
    case 'all':
      return true;
  }
}

/**
 * Default action per stage. CI fails on findings (the threshold is --fail-on); at admission only Pod
 * Security baseline violations are denied out of the box, the rest warned, so a new cluster can live with it.
 */
export function defaultActions(control: AnyControl): Record<Stage, Action> {
  return {
    ci: 'deny',
    admission: control.meta.pss?.level === 'baseline' ? 'deny' : 'warn',
    audit: 'audit',
  };
}
