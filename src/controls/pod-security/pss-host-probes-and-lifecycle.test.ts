import { testControl } from '../../../test/control-tester.js';
import control from './pss-host-probes-and-lifecycle.js';

const probeWithHost = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    spec:
      containers:
        - name: app
          image: contoso.azurecr.io/web:1.2.3
          livenessProbe:
            httpGet: { host: 169.254.169.254, path: /metadata, port: 80 }
`;

testControl(control, {
  valid: [
    {
      name: 'probes and hooks without host, or with an empty host',
      yaml: `
apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: app
      image: contoso.azurecr.io/web:1.2.3
      livenessProbe:
        httpGet: { path: /healthz, port: 8080 }
      readinessProbe:
        tcpSocket: { port: 8080, host: "" }
      startupProbe:
        exec: { command: [/bin/true] }
      lifecycle:
        preStop:
          sleep: { seconds: 5 }
`,
    },
    { name: 'probe host before policy v1.34', pssVersion: 33, yaml: probeWithHost },
  ],
  invalid: [
    {
      name: 'liveness probe aimed at the metadata endpoint, at policy v1.34',
      pssVersion: 34,
      yaml: probeWithHost,
      errors: [
        {
          messageId: 'host',
          pointer: '/spec/template/spec/containers/0/livenessProbe/httpGet/host',
          data: { container: 'app', field: 'livenessProbe.httpGet.host', host: '169.254.169.254' },
          line: 12,
        },
      ],
    },
    {
      name: 'sidecar readiness probe and lifecycle hook with hosts, in a CronJob',
      yaml: `
apiVersion: batch/v1
kind: CronJob
metadata: { name: sync, namespace: shop }
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: proxy
              image: contoso.azurecr.io/proxy:1.0
              restartPolicy: Always
              readinessProbe:
                tcpSocket: { host: 10.0.0.1, port: 5432 }
          containers:
            - name: sync
              image: contoso.azurecr.io/sync:1.0
              lifecycle:
                postStart:
                  httpGet: { host: 127.0.0.1, port: 8080, path: /warm }
`,
      errors: [
        {
          messageId: 'host',
          pointer: '/spec/jobTemplate/spec/template/spec/initContainers/0/readinessProbe/tcpSocket/host',
          data: { container: 'proxy', field: 'readinessProbe.tcpSocket.host', host: '10.0.0.1' },
        },
        {
          messageId: 'host',
          pointer: '/spec/jobTemplate/spec/template/spec/containers/0/lifecycle/postStart/httpGet/host',
          data: { container: 'sync', field: 'lifecycle.postStart.httpGet.host', host: '127.0.0.1' },
        },
      ],
    },
  ],
});
