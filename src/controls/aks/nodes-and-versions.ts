import { asAny, type AnyControl } from '../define.js';
import nodePoolEncryptionAtHost from './aks-node-pool-encryption-at-host.js';
import diskEncryptionCmk from './aks-disk-encryption-cmk.js';
import nodePublicIpDisabled from './aks-node-public-ip-disabled.js';
import nodeSshDisabled from './aks-node-ssh-disabled.js';
import networkPolicyEnabled from './aks-network-policy-enabled.js';
import azureCni from './aks-azure-cni.js';
import egressControlled from './aks-egress-controlled.js';
import advancedContainerNetworking from './aks-advanced-container-networking.js';
import kubernetesVersionSupported from './aks-kubernetes-version-supported.js';
import nodePoolVersionSupported from './aks-node-pool-version-supported.js';
import clusterAutoUpgrade from './aks-cluster-auto-upgrade.js';
import nodeOsUpgradeChannel from './aks-node-os-upgrade-channel.js';
import nodeImageFresh from './aks-node-image-fresh.js';
import nodeOsSupported from './aks-node-os-supported.js';
import nodeTrustedLaunch from './aks-node-trusted-launch.js';
import kubeletSeccompDefault from './aks-kubelet-seccomp-default.js';
import noUnsafeSysctls from './aks-no-unsafe-sysctls.js';
import systemPoolIsolated from './aks-system-pool-isolated.js';
import nodeResourceGroupLocked from './aks-node-resource-group-locked.js';
import ephemeralOsDisk from './aks-ephemeral-os-disk.js';
import fipsNodes from './aks-fips-nodes.js';
import podSandboxing from './aks-pod-sandboxing.js';

/** AKS controls on node pools, networking and versions (AKS-020…041). */
export const aksNodeAndVersionControls: AnyControl[] = [
  asAny(nodePoolEncryptionAtHost), // AKS-020
  asAny(diskEncryptionCmk), // AKS-021
  asAny(nodePublicIpDisabled), // AKS-022
  asAny(nodeSshDisabled), // AKS-023
  asAny(networkPolicyEnabled), // AKS-024
  asAny(azureCni), // AKS-025
  asAny(egressControlled), // AKS-026
  asAny(advancedContainerNetworking), // AKS-027
  asAny(kubernetesVersionSupported), // AKS-028
  asAny(nodePoolVersionSupported), // AKS-029
  asAny(clusterAutoUpgrade), // AKS-030
  asAny(nodeOsUpgradeChannel), // AKS-031
  asAny(nodeImageFresh), // AKS-032
  asAny(nodeOsSupported), // AKS-033
  asAny(nodeTrustedLaunch), // AKS-034
  asAny(kubeletSeccompDefault), // AKS-035
  asAny(noUnsafeSysctls), // AKS-036
  asAny(systemPoolIsolated), // AKS-037
  asAny(nodeResourceGroupLocked), // AKS-038
  asAny(ephemeralOsDisk), // AKS-039
  asAny(fipsNodes), // AKS-040
  asAny(podSandboxing), // AKS-041
];
