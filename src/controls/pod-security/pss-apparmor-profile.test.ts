import { testControl } from '../../../test/control-tester.js';
import control from './pss-apparmor-profile.js';

testControl(control, {
  valid: [
    {
      name: 'runtime default and localhost profiles, field and annotation forms',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: runtime/default
        container.apparmor.security.beta.kubernetes.io/sidecar: localhost/k8s-sidecar
    spec:
      securityContext:
        appArmorProfile: { type: RuntimeDefault }
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
        - name: sidecar
          image: contoso.azurecr.io/sidecar:1.0
          securityContext:
            appArmorProfile: { type: Localhost, localhostProfile: k8s-sidecar }
`,
    },
  ],
  invalid: [
    {
      name: 'unconfined through the pod field, a container field and an annotation',
      yaml: `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/init: unconfined
    spec:
      securityContext:
        appArmorProfile: { type: Unconfined }
      initContainers:
        - name: init
          image: contoso.azurecr.io/init:1.0
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
          securityContext:
            appArmorProfile:
              type: Unconfined
`,
      errors: [
        { messageId: 'podProfile', pointer: '/spec/template/spec/securityContext/appArmorProfile/type', data: { type: 'Unconfined' } },
        {
          messageId: 'containerProfile',
          pointer: '/spec/template/spec/containers/0/securityContext/appArmorProfile/type',
          data: { container: 'app', type: 'Unconfined' },
          line: 21,
        },
        {
          messageId: 'annotation',
          pointer: '/spec/template/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1init',
          data: { annotation: 'container.apparmor.security.beta.kubernetes.io/init', value: 'unconfined', container: 'init' },
          line: 9,
        },
      ],
    },
    {
      name: 'legacy annotation on a Pod at policy v1.0',
      pssVersion: 0,
      yaml: `
apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  containers:
    - { name: app, image: contoso.azurecr.io/web:1.2.3 }
`,
      errors: [
        {
          messageId: 'annotation',
          pointer: '/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1app',
          data: { annotation: 'container.apparmor.security.beta.kubernetes.io/app', value: 'unconfined', container: 'app' },
        },
      ],
    },
  ],
});
