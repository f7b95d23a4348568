import { asAny, type AnyControl } from '../define.js';
import apiServerAccessRestricted from './aks-api-server-access-restricted.js';
import privateCluster from './aks-private-cluster.js';
import privateClusterNoPublicFqdn from './aks-private-cluster-no-public-fqdn.js';
import runCommandDisabled from './aks-run-command-disabled.js';
import entraIdIntegration from './aks-entra-id-integration.js';
import azureRbac from './aks-azure-rbac.js';
import localAccountsDisabled from './aks-local-accounts-disabled.js';
import kubernetesRbacEnabled from './aks-kubernetes-rbac-enabled.js';
import adminGroupDefined from './aks-admin-group-defined.js';
import managedIdentity from './aks-managed-identity.js';
import workloadIdentity from './aks-workload-identity.js';
import noPodManagedIdentity from './aks-no-pod-managed-identity.js';
import keyVaultSecretsProvider from './aks-key-vault-secrets-provider.js';
import secretRotation from './aks-secret-rotation.js';
import azurePolicyAddOn from './aks-azure-policy-add-on.js';
import defenderProfile from './aks-defender-profile.js';
import imageCleaner from './aks-image-cleaner.js';
import imageIntegrity from './aks-image-integrity.js';
import kmsEtcdEncryption from './aks-kms-etcd-encryption.js';
import noHttpApplicationRouting from './aks-no-http-application-routing.js';
import noPodSecurityPolicy from './aks-no-pod-security-policy.js';
import monitoringAndAuditLogs from './aks-monitoring-and-audit-logs.js';
import deploymentSafeguards from './aks-deployment-safeguards.js';
import standardLoadBalancer from './aks-standard-load-balancer.js';

/** AKS controls on cluster-wide settings: API access, identity, add-ons, security profile, logging (AKS-001…019, 042…046). */
export const aksClusterConfigControls: AnyControl[] = [
  asAny(apiServerAccessRestricted),
  asAny(privateCluster),
  asAny(privateClusterNoPublicFqdn),
  asAny(runCommandDisabled),
  asAny(entraIdIntegration),
  asAny(azureRbac),
  asAny(localAccountsDisabled),
  asAny(kubernetesRbacEnabled),
  asAny(adminGroupDefined),
  asAny(managedIdentity),
  asAny(workloadIdentity),
  asAny(noPodManagedIdentity),
  asAny(keyVaultSecretsProvider),
  asAny(secretRotation),
  asAny(azurePolicyAddOn),
  asAny(defenderProfile),
  asAny(imageCleaner),
  asAny(imageIntegrity),
  asAny(kmsEtcdEncryption),
  asAny(noHttpApplicationRouting),
  asAny(noPodSecurityPolicy),
  asAny(monitoringAndAuditLogs),
  asAny(deploymentSafeguards),
  asAny(standardLoadBalancer),
];
