import { defineControl } from '../define.js';
import { allInstructions, assignmentsOf, commandName, commandsOf, scriptOf } from './dockerfile-shell.js';

/** Per command: options that turn off signature, checksum or TLS verification. */
const COMMAND_OPTIONS: Record<string, RegExp> = {
  'apt-get': /^(?:--allow-unauthenticated|--force-yes|--allow-insecure-repositories|--allow-downgrades-insecure|APT::Get::AllowUnauthenticated=(?:true|1|yes)|Acquire::AllowInsecureRepositories=(?:true|1|yes)|Acquire::https::Verify-Peer=(?:false|0|no))$/i,
  apt: /^(?:--allow-unauthenticated|--allow-insecure-repositories|APT::Get::AllowUnauthenticated=(?:true|1|yes)|Acquire::AllowInsecureRepositories=(?:true|1|yes))$/i,
  apk: /^--allow-untrusted$/,
  yum: /^(?:--nogpgcheck|--setopt=(?:[\w.-]+\.)?(?:gpgcheck|sslverify)=(?:0|false|no))$/i,
  dnf: /^(?:--nogpgcheck|--no-gpgchecks|--setopt=(?:[\w.-]+\.)?(?:gpgcheck|sslverify)=(?:0|false|no))$/i,
  microdnf: /^(?:--nogpgcheck|--setopt=(?:[\w.-]+\.)?(?:gpgcheck|sslverify)=(?:0|false|no))$/i,
  tdnf: /^(?:--nogpgcheck|--setopt=(?:[\w.-]+\.)?(?:gpgcheck|sslverify)=(?:0|false|no))$/i,
  zypper: /^(?:--no-gpg-checks|--gpg-auto-import-keys)$/,
  rpm: /^(?:--nosignature|--nodigest|--nofiledigest)$/,
  pip: /^--trusted-host(?:=.*)?$/,
  curl: /^(?:--insecure|-[a-zA-Z]*k[a-zA-Z]*)$/,
  wget: /^--no-check-certificate$/,
  npm: /^--strict-ssl=false$/,
  yarn: /^--strict-ssl=false$/,
};
/** Settings written into configuration or the environment that do the same. */
const TEXT_SETTINGS: readonly { re: RegExp; what: string }[] = [
  { re: /\[(?:[^\]\n]*\s)?trusted=yes[^\]\n]*\]/, what: 'an APT source marked [trusted=yes]' },
  { re: /(?:^|[\s'"]|\\n)gpgcheck\s*=\s*(?:0|false|no)\b/im, what: 'a repository with gpgcheck=0' },
  { re: /(?:^|[\s'"]|\\n)repo_gpgcheck\s*=\s*(?:0|false|no)\b/im, what: 'a repository with repo_gpgcheck=0' },
  { re: /(?:^|[\s'"]|\\n)sslverify\s*=\s*(?:0|false|no)\b/im, what: 'a repository with sslverify=0' },
  { re: /\bnpm\s+config\s+set\s+strict-ssl\s+false\b/, what: 'npm strict-ssl false' },
  { re: /\byarn\s+config\s+set\s+strict-ssl\s+false\b/, what: 'yarn strict-ssl false' },
  { re: /\bgit\s+config\b[^\n;&|]*\bhttp\.sslVerify\s+false\b/i, what: 'git http.sslVerify false' },
  { re: /\bpip[0-9.]*\s+config\s+set\s+\S*trusted-host\b/, what: 'pip trusted-host' },
];
/** Environment variables that switch verification off. */
const ENV_SETTINGS: Record<string, RegExp> = {
  NODE_TLS_REJECT_UNAUTHORIZED: /^0$/,
  GIT_SSL_NO_VERIFY: /^(?:1|true|yes)$/i,
  PIP_TRUSTED_HOST: /./,
  NPM_CONFIG_STRICT_SSL: /^(?:false|0|no)$/i,
  PYTHONHTTPSVERIFY: /^0$/,
  CURL_INSECURE: /^(?:1|true|yes)$/i,
};

export default defineControl({
  meta: {
    id: 'BLD-013',
    name: 'dockerfile-unverified-packages',
    surface: 'build',
    severity: 'medium',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'Packages and downloads are installed with signature, checksum and TLS verification on.',
      rationale:
        'Package managers check repository signatures and TLS so that what is installed is what the vendor published ' +
        '(CIS Docker 4.11 "only verified packages"). Turning that off lets anyone on the network path, a mirror or a ' +
        'proxy swap packages during the build. Reported, in every stage: apt-get --allow-unauthenticated / --force-yes / ' +
        '--allow-insecure-repositories, APT sources marked [trusted=yes], apk add --allow-untrusted, yum/dnf/microdnf ' +
        '--nogpgcheck or gpgcheck=0 / sslverify=0 (options or repo files written in RUN), zypper --no-gpg-checks, rpm ' +
        '--nosignature/--nodigest, pip --trusted-host, curl -k/--insecure, wget --no-check-certificate, npm/yarn ' +
        'strict-ssl false, git http.sslVerify false, and ENV/ARG such as NODE_TLS_REJECT_UNAUTHORIZED=0, ' +
        'GIT_SSL_NO_VERIFY=1 or PIP_TRUSTED_HOST. Downloads piped into a shell are BLD-007.',
      remediation:
        'Import the repository’s signing key (`signed-by=` for APT, `rpm --import` for RPM repositories) instead of ' +
        'disabling the check; add a corporate TLS-inspection CA to the image’s trust store (update-ca-certificates) ' +
        'instead of turning TLS verification off; verify downloads with a pinned checksum.',
    },
    frameworks: { seed: ['B6', 'B8', 'B9'], 'cis-docker': ['4.11'] },
    messages: {
      option: "{{instruction}} runs {{command}} with '{{option}}', which turns verification off.",
      setting: '{{instruction}} configures {{setting}}, which turns verification off.',
      env: "{{instruction}} sets '{{variable}}', which turns TLS verification off.",
    },
  },
  check(subject, ctx) {
    for (const { instruction: i } of allInstructions(subject)) {
      if (i.keyword === 'ENV' || i.keyword === 'ARG') {
        const hit = assignmentsOf(i).find((kv) => kv.value !== undefined && ENV_SETTINGS[kv.name]?.test(kv.value.trim()) === true);
        if (hit) ctx.report({ messageId: 'env', pointer: hit.pointer, data: { instruction: i.keyword, variable: hit.name } });
        continue;
      }
      if (i.keyword !== 'RUN') continue;
      const script = scriptOf(i);
      let found: { command: string; option: string } | undefined;
      for (const words of commandsOf(script)) {
        let name = commandName(words[0]);
        let args = words.slice(1);
        if (/^pip[0-9.]*$/.test(name)) name = 'pip';
        else if (/^python[0-9.]*$/.test(name) && args[0] === '-m' && /^pip[0-9.]*$/.test(args[1] ?? '')) {
          name = 'pip';
          args = args.slice(2);
        }
        const re = COMMAND_OPTIONS[name];
        if (!re) continue;
        const option = args.find((a) => re.test(a));
        if (option !== undefined) {
          found = { command: name, option: name === 'pip' ? option.replace(/=.*$/, '') : option };
          break;
        }
      }
      if (found) {
        ctx.report({ messageId: 'option', pointer: i.pointer, data: { instruction: i.keyword, ...found } });
        continue;
      }
      const setting = TEXT_SETTINGS.find((s) => s.re.test(script));
      if (setting) ctx.report({ messageId: 'setting', pointer: i.pointer, data: { instruction: i.keyword, setting: setting.what } });
      else {
        // RUN VAR=value command: an environment assignment for one command.
        const assignment = /(?:^|\s)(NODE_TLS_REJECT_UNAUTHORIZED=0|GIT_SSL_NO_VERIFY=(?:1|true))\b/.exec(script);
        if (assignment) ctx.report({ messageId: 'env', pointer: i.pointer, data: { instruction: i.keyword, variable: (assignment[1] ?? '').replace(/=.*$/, '') } });
      }
    }
  },
});
