import { testControl } from '../../../test/control-tester.js';
import control from './pss-restricted-volumes.js';

testControl(control, {
  valid: [
    {
      name: 'every allowed volume type, and a volume with no source',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
      volumes:
        - name: scratch
        - { name: cache, emptyDir: { medium: Memory } }
        - { name: config, configMap: { name: web-config } }
        - { name: tls, secret: { secretName: web-tls } }
        - { name: data, persistentVolumeClaim: { claimName: web-data } }
        - { name: labels, downwardAPI: { items: [{ path: labels, fieldRef: { fieldPath: metadata.labels } }] } }
        - { name: token, projected: { sources: [{ serviceAccountToken: { path: token } }] } }
        - { name: kv, csi: { driver: secrets-store.csi.k8s.io, readOnly: true } }
        - name: tmp
          ephemeral:
            volumeClaimTemplate:
              spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
        - { name: models, image: { reference: contoso.azurecr.io/models:1.0 } }
`,
    },
  ],
  invalid: [
    {
      name: 'hostPath, azureDisk and nfs volumes in a Deployment',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: legacy, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: app
          image: contoso.azurecr.io/legacy:1.0
      volumes:
        - name: config
          configMap: { name: legacy-config }
        - name: node-logs
          hostPath: { path: /var/log }
        - name: disk
          azureDisk:
            diskName: legacy-data
            diskURI: /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/disks/legacy-data
        - name: share
          nfs: { server: 10.0.0.4, path: /exports/legacy }
`,
      errors: [
        { messageId: 'volumeType', pointer: '/spec/template/spec/volumes/1', data: { volume: 'node-logs', type: 'hostPath' }, line: 14 },
        { messageId: 'volumeType', pointer: '/spec/template/spec/volumes/2', data: { volume: 'disk', type: 'azureDisk' } },
        { messageId: 'volumeType', pointer: '/spec/template/spec/volumes/3', data: { volume: 'share', type: 'nfs' } },
      ],
    },
    {
      name: 'gitRepo volume in a Pod at policy v1.0',
      pssVersion: 0,
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: site }
spec:
  containers:
    - { name: web, image: contoso.azurecr.io/web:1.2.3 }
  volumes:
    - name: content
      gitRepo: { repository: "https://github.com/contoso/site.git" }
`,
      errors: [{ messageId: 'volumeType', pointer: '/spec/volumes/0', data: { volume: 'content', type: 'gitRepo' } }],
    },
  ],
});
