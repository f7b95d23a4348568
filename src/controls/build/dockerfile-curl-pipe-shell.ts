import { defineControl } from '../define.js';
import { allInstructions, commandName, effectiveWords, scriptOf, splitScript } from './dockerfile-shell.js';

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch', 'aria2c']);
const INTERPRETERS = /^(?:sh|bash|dash|ash|zsh|ksh|mksh|fish|python[0-9.]*|perl|ruby|node|php|pwsh|powershell|iex|source|\.)$/;
/** `sh -c "$(curl …)"`, `bash <(curl …)`, `. <(wget -O- …)`, `eval "$(curl …)"`; not `V=$(curl …/version)`. */
const SUBSTITUTION =
  /(?:^|[\s;&|(])(?:\S*\/)?(?:sh|bash|dash|ash|zsh|ksh|python[0-9.]*|perl|ruby|node|php|eval|source|\.)\s+(?:-[A-Za-z]+\s+)*["']?(?:\$\(|<\(|`)\s*(?:\S*\/)?(curl|wget)\b/;
/** Options that give the interpreter its code inline: then stdin is data, not code. */
const INLINE_CODE = new Set(['-c', '-e', '-E', '-m', '-r', '--eval', '--command', '-Command', '-command']);
/** Options of the interpreters that take a value. */
const TAKES_VALUE = new Set(['-o', '+o', '-O', '+O', '-W', '-X', '-I', '-M']);

/** Whether an interpreter command reads its program from stdin (the pipe). */
function runsStdin(words: string[]): boolean {
  for (let k = 1; k < words.length; k++) {
    const w = words[k] as string;
    if (INLINE_CODE.has(w) || /^-[a-z]+c$/.test(w)) return false;
    if (w === '--') return true;
    if (w === '-' || w === '/dev/stdin') return true;
    if (TAKES_VALUE.has(w)) {
      k++;
      continue;
    }
    if (w.startsWith('-') || w.startsWith('+')) continue;
    return false; // a script file: the pipe is its input data
  }
  return true;
}

export default defineControl({
  meta: {
    id: 'BLD-007',
    name: 'dockerfile-curl-pipe-shell',
    surface: 'build',
    severity: 'high',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'RUN does not pipe a download straight into a shell or interpreter.',
      rationale:
        '`curl … | sh` runs whatever the server sends at build time, with the build’s privileges, with no pinning and no ' +
        'integrity check: a compromised or hijacked download host, DNS or a proxy changes the image without any change to ' +
        'the Dockerfile, and a truncated download runs half a script. Reported: curl, wget (and fetch, aria2c) piped into ' +
        'sh, bash, zsh, python, perl, ruby, node, php or pwsh, and the same through command or process substitution ' +
        '(`sh -c "$(curl …)"`, `bash <(curl …)`, `eval "$(wget -O- …)"`), in RUN lines and RUN heredocs of every stage.',
      remediation:
        'Download to a file, verify it against a pinned checksum or signature, then run it: ' +
        '`RUN curl -fsSLo install.sh https://…/v1.2.3/install.sh && echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`. ' +
        'Better, install a pinned package from a verified repository or copy the tool from a pinned image with COPY --from.',
    },
    frameworks: { seed: ['B6', 'B8'] },
    messages: {
      pipe: 'RUN pipes {{downloader}} output into {{interpreter}}: the downloaded code runs unverified.',
      substitution: 'RUN runs code downloaded by {{downloader}} through command substitution: the downloaded code runs unverified.',
    },
  },
  check(subject, ctx) {
    for (const { instruction: i } of allInstructions(subject)) {
      if (i.keyword !== 'RUN') continue;
      const script = scriptOf(i);
      let reported = false;
      for (const pipeline of splitScript(script)) {
        const commands = pipeline.map(effectiveWords);
        const names = commands.map((w) => commandName(w[0]));
        const d = names.findIndex((n) => DOWNLOADERS.has(n));
        if (d === -1) continue;
        const k = names.findIndex((n, at) => at > d && INTERPRETERS.test(n) && runsStdin(commands[at] ?? []));
        if (k === -1) continue;
        const interpreter = names[k] ?? '';
        ctx.report({ messageId: 'pipe', pointer: i.pointer, data: { downloader: names[d] ?? '', interpreter } });
        reported = true;
        break;
      }
      if (reported) continue;
      const m = SUBSTITUTION.exec(script);
      if (m) ctx.report({ messageId: 'substitution', pointer: i.pointer, data: { downloader: m[1] ?? '' } });
    }
  },
});
