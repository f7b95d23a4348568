import { testControl } from '../../../test/control-tester.js';
import control from './pss-seccomp-baseline.js';

const unconfinedAnnotations = `
apiVersion: v1
kind: Pod
metadata:
  name: legacy
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined
    container.seccomp.security.alpha.kubernetes.io/init: unconfined
    container.seccomp.security.alpha.kubernetes.io/app: runtime/default
spec:
  initContainers:
    - { name: init, image: contoso.azurecr.io/init:1.0 }
  containers:
    - { name: app, image: contoso.azurecr.io/web:1.2.3 }
`;

const unconfinedField = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      securityContext:
        seccompProfile: { type: Unconfined }
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
          securityContext:
            seccompProfile:
              type: Unconfined
        - name: sidecar
          image: contoso.azurecr.io/sidecar:1.0
          securityContext:
            seccompProfile: { type: RuntimeDefault }
`;

testControl(control, {
  valid: [
    {
      name: 'RuntimeDefault and Localhost profiles',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  securityContext:
    seccompProfile: { type: RuntimeDefault }
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      securityContext:
        seccompProfile: { type: Localhost, localhostProfile: profiles/web.json }
`,
    },
    { name: 'alpha annotations are not read from policy v1.19', pssVersion: 19, yaml: unconfinedAnnotations },
    { name: 'securityContext fields are not read before policy v1.19', pssVersion: 18, yaml: unconfinedField },
  ],
  invalid: [
    {
      name: 'Unconfined at pod level and on a container',
      yaml: unconfinedField,
      errors: [
        { messageId: 'podProfile', pointer: '/spec/template/spec/securityContext/seccompProfile/type' },
        {
          messageId: 'containerProfile',
          pointer: '/spec/template/spec/containers/0/securityContext/seccompProfile/type',
          data: { container: 'app' },
          line: 15,
        },
      ],
    },
    {
      name: 'unconfined alpha annotations before policy v1.19',
      pssVersion: 18,
      yaml: unconfinedAnnotations,
      errors: [
        {
          messageId: 'podAnnotation',
          pointer: '/metadata/annotations/seccomp.security.alpha.kubernetes.io~1pod',
          data: { annotation: 'seccomp.security.alpha.kubernetes.io/pod' },
          line: 7,
        },
        {
          messageId: 'containerAnnotation',
          pointer: '/metadata/annotations/container.seccomp.security.alpha.kubernetes.io~1init',
          data: { annotation: 'container.seccomp.security.alpha.kubernetes.io/init', container: 'init' },
        },
      ],
    },
  ],
});
