import { asAny, type AnyControl } from '../define.js';
import adminUserDisabled from './acr-admin-user-disabled.js';
import anonymousPullDisabled from './acr-anonymous-pull-disabled.js';
import armAudienceTokensDisabled from './acr-arm-audience-tokens-disabled.js';
import tokensLeastPrivilege from './acr-tokens-least-privilege.js';
import abacRepositoryPermissions from './acr-abac-repository-permissions.js';
import publicNetworkAccessDisabled from './acr-public-network-access-disabled.js';
import noUnrestrictedNetworkAccess from './acr-no-unrestricted-network-access.js';
import privateLinkApproved from './acr-private-link-approved.js';
import premiumSku from './acr-premium-sku.js';
import trustedServicesBypass from './acr-trusted-services-bypass.js';
import dedicatedDataEndpoints from './acr-dedicated-data-endpoints.js';
import exportDisabled from './acr-export-disabled.js';
import quarantineEnabled from './acr-quarantine-enabled.js';
import contentTrustSigning from './acr-content-trust-signing.js';
import retentionUntagged from './acr-retention-untagged.js';
import softDelete from './acr-soft-delete.js';
import customerManagedKey from './acr-customer-managed-key.js';
import zoneRedundancy from './acr-zone-redundancy.js';
import defenderVulnerabilityAssessment from './acr-defender-vulnerability-assessment.js';
import cacheRulesControlled from './acr-cache-rules-controlled.js';
import releaseTagsLocked from './acr-release-tags-locked.js';
import nameReuseProtection from './acr-name-reuse-protection.js';
import auditLogs from './acr-audit-logs.js';

/** ACR registry posture controls (catalog ACR-001…023), on `az acr show` / ARM / template input. */
export const acrControls: AnyControl[] = [
  asAny(adminUserDisabled),
  asAny(anonymousPullDisabled),
  asAny(armAudienceTokensDisabled),
  asAny(tokensLeastPrivilege),
  asAny(abacRepositoryPermissions),
  asAny(publicNetworkAccessDisabled),
  asAny(noUnrestrictedNetworkAccess),
  asAny(privateLinkApproved),
  asAny(premiumSku),
  asAny(trustedServicesBypass),
  asAny(dedicatedDataEndpoints),
  asAny(exportDisabled),
  asAny(quarantineEnabled),
  asAny(contentTrustSigning),
  asAny(retentionUntagged),
  asAny(softDelete),
  asAny(customerManagedKey),
  asAny(zoneRedundancy),
  asAny(defenderVulnerabilityAssessment),
  asAny(cacheRulesControlled),
  asAny(releaseTagsLocked),
  asAny(nameReuseProtection),
  asAny(auditLogs),
];
