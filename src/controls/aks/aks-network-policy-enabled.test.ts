import { aksArm, aksAz } from '../../../test/azure-bodies.js';
import { testControl } from '../../../test/control-tester.js';
import control from './aks-network-policy-enabled.js';

const at = (date: string) => new Date(`${date}T00:00:00Z`);

testControl(control, {
  valid: [
    {
      name: 'ARM: Cilium (the AKS Automatic recording)',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { networkPlugin: 'azure', networkPluginMode: 'overlay', networkPolicy: 'cilium', networkDataplane: 'cilium' } }),
    },
    { name: 'az: Calico, case-insensitive', file: 'aks.json', yaml: aksAz({ networkProfile: { networkPlugin: 'azure', networkPolicy: 'Calico' } }) },
    {
      name: 'template: Cilium dataplane with networkPolicy left unset (AKS sets cilium)',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { networkPlugin: 'azure', networkDataplane: 'cilium' } }),
    },
  ],
  invalid: [
    {
      name: 'ARM: no networkPolicy (the 2022 recordings): none',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { networkPlugin: 'kubenet' } }),
      errors: [{ messageId: 'none', pointer: '/properties/networkProfile', severity: 'high', data: { networkPolicy: 'absent, so none' } }],
    },
    {
      name: 'az: explicit none',
      file: 'aks.json',
      yaml: aksAz({ networkProfile: { networkPlugin: 'azure', networkPolicy: 'none' } }),
      errors: [{ messageId: 'none', pointer: '/networkProfile/networkPolicy', data: { networkPolicy: "'none'" } }],
    },
    {
      name: 'ARM: no networkProfile at all',
      file: 'aks.json',
      yaml: aksArm({ dnsPrefix: 'aks1' }),
      errors: [{ messageId: 'none', pointer: '/properties' }],
    },
    {
      name: 'Azure NPM on Linux warns until its retirement (2028-09-30)',
      file: 'aks.json',
      yaml: aksArm({ networkProfile: { networkPlugin: 'azure', networkPolicy: 'azure' }, agentPoolProfiles: [{ name: 'system', osType: 'Linux' }] }),
      errors: [{ messageId: 'npmRetiring', pointer: '/properties/networkProfile/networkPolicy', severity: 'medium', data: { os: 'Linux', retires: '2028-09-30' } }],
    },
    {
      name: 'Azure NPM with a Windows pool: retired on 2026-09-30, so it fails on 2026-11-29',
      file: 'aks.json',
      yaml: aksAz({ networkProfile: { networkPlugin: 'azure', networkPolicy: 'azure' }, agentPoolProfiles: [{ name: 'system' }, { name: 'win', osType: 'Windows' }] }),
      errors: [{ messageId: 'npmRetired', pointer: '/networkProfile/networkPolicy', severity: 'high', data: { os: 'Windows', retires: '2026-09-30' } }],
    },
    {
      name: 'Azure NPM with a Windows pool before 2026-09-30 warns',
      file: 'aks.json',
      yaml: aksAz({ networkProfile: { networkPlugin: 'azure', networkPolicy: 'azure' }, agentPoolProfiles: [{ name: 'win', osType: 'windows' }] }),
      now: at('2026-06-01'),
      errors: [{ messageId: 'npmRetiring', pointer: '/networkProfile/networkPolicy', severity: 'medium', data: { os: 'Windows', retires: '2026-09-30' } }],
    },
  ],
});
