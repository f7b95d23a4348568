// Preloaded (node --import) into child processes of the live Azure tests: any connection to a host other than
// this machine's loopback fails at once, before DNS, so a test can never reach Azure or the internet (the
// managed identity endpoint 169.254.169.254, Entra ID) and nothing leaves the machine whatever the code under
// test tries. PALISADE_TEST_REDIRECT="login.microsoftonline.com=127.0.0.1:8443" sends a named host's
// connections to a local server instead, as an /etc/hosts line would: TLS still checks that host's name.
import net from 'node:net';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;
const original = net.Socket.prototype.connect;
const redirects = new Map(
  (process.env.PALISADE_TEST_REDIRECT ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const [name, target] = pair.split('=');
      const [host, port] = target.split(':');
      return [name.toLowerCase(), { host, port: Number(port) }];
    }),
);

function targetOf(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0]; // net.createConnection passes its normalised arguments
  if (first && typeof first === 'object') return first.path ? undefined : (first.host ?? 'localhost');
  if (typeof first === 'string' && Number.isNaN(Number(first))) return undefined; // a Unix socket path
  return typeof args[1] === 'string' ? args[1] : 'localhost';
}

net.Socket.prototype.connect = function connect(...args) {
  const host = targetOf(args);
  const to = host === undefined ? undefined : redirects.get(String(host).toLowerCase());
  if (to) {
    const options = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (options && typeof options === 'object') {
      options.host = to.host;
      options.port = to.port;
      return original.apply(this, args);
    }
  }
  if (host !== undefined && !LOOPBACK.test(String(host).replace(/^\[|\]$/g, ''))) {
    const error = Object.assign(new Error(`connect ECONNREFUSED ${host} (blocked by the loopback-only test guard)`), { code: 'ECONNREFUSED', syscall: 'connect', address: host });
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return original.apply(this, args);
};
