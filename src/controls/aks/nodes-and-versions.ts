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
];
