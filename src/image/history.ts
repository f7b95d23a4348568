/**
 * `history[].created_by` back into Dockerfile instructions (reference §3.2). The dialects:
 * - legacy builder: `/bin/sh -c #(nop)  CMD ["/bin/sh"]`, `/bin/sh -c #(nop) ADD file:<sha> in / `,
 *   RUN as `/bin/sh -c <cmd>`, build args as `|2 A=1 B=2 /bin/sh -c <cmd>`;
 * - BuildKit: `ENV K=V`, `USER app`, `EXPOSE map[22/tcp:{}]`, `COPY ./x /y # buildkit`,
 *   `RUN /bin/sh -c <cmd> # buildkit`, `RUN |1 pkg=curl /bin/sh -c … # buildkit`,
 *   `HEALTHCHECK &{["CMD-SHELL" "…"] "5m0s" …}`, Go-formatted arrays `CMD ["a" "b"]`;
 * - Buildah/Podman: legacy style with `|inheritLabels=false`-like suffixes.
 * The result is Dockerfile text (one instruction per history entry; build args persisted in history
 * become an ARG line), which the Dockerfile parser then reads like any Dockerfile.
 */

const KEYWORDS = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

/** Dockerfile lines for one history entry (none for an entry that cannot be read as an instruction). */
export function instructionLines(createdBy: string): string[] {
  let s = createdBy.trim().replace(/\s+#\s*buildkit\s*$/, '');
  // Buildah/Podman suffixes.
  s = s.replace(/\|(?:inheritLabels|unsetLabel|force-mtime)=\S*/g, '').trim();
  if (s === '') return [];
  let explicitRun = false;
  const kw = /^([A-Za-z]+)\b\s*/.exec(s);
  if (kw && (kw[1] as string).toUpperCase() === 'RUN') {
    s = s.slice(kw[0].length);
    explicitRun = true;
  }
  // Build args persisted in history: `|N A=1 B=2 <command>`.
  const args: string[] = [];
  const argm = /^\|(\d+)\s+/.exec(s);
  if (argm) {
    s = s.slice(argm[0].length);
    const n = Number(argm[1]);
    for (let i = 0; i < n; i++) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)\s*/.exec(s);
      if (!m) break;
      args.push(`${m[1] as string}=${quote(m[2] as string)}`);
      s = s.slice(m[0].length);
    }
  }
  const out: string[] = [];
  if (args.length > 0) out.push(`ARG ${args.join(' ')}`);
  const shell = /^\/bin\/(?:ba)?sh\s+-c\s+/.exec(s);
  if (shell) {
    const rest = s.slice(shell[0].length);
    const nop = /^#\(nop\)\s*/.exec(rest);
    if (nop) {
      const ins = nonRun(rest.slice(nop[0].length));
      if (ins) out.push(ins);
      return out;
    }
    out.push(runLine(rest));
    return out;
  }
  if (explicitRun) {
    out.push(runLine(s));
    return out;
  }
  const ins = nonRun(s);
  if (ins) out.push(ins);
  return out;
}

function quote(v: string): string {
  return /^[A-Za-z0-9_./:@+-]*$/.test(v) ? v : JSON.stringify(v);
}

/** A RUN line; a multi-line script becomes a here-document so its lines stay lines. */
function runLine(script: string): string {
  const body = script.trim();
  if (!body.includes('\n')) return `RUN ${body}`;
  let delim = 'PALISADE_EOF';
  while (body.includes(delim)) delim += '_';
  return `RUN <<${delim}\n${body}\n${delim}`;
}

function nonRun(text: string): string | undefined {
  const m = /^([A-Za-z]+)\b\s*([\s\S]*)$/.exec(text.trim());
  if (!m) return undefined;
  const keyword = (m[1] as string).toUpperCase();
  if (!KEYWORDS.has(keyword)) return undefined;
  let rest = (m[2] as string).trim().replace(/\n/g, ' ');
  switch (keyword) {
    case 'RUN':
      return runLine(m[2] as string);
    case 'ADD':
    case 'COPY':
      // Legacy `COPY file:<sha> in /dest`, `ADD dir:<sha> in /`.
      rest = rest.replace(/^((?:file|dir|multi):[0-9a-f]+)\s+in\s+/, '$1 ');
      break;
    case 'EXPOSE': {
      const map = /^map\[(.*)\]$/.exec(rest);
      if (map) rest = (map[1] as string).replace(/:\{\}/g, '').trim();
      break;
    }
    case 'HEALTHCHECK': {
      if (/^NONE\b/i.test(rest)) return 'HEALTHCHECK NONE';
      const test = /^&\{\s*(\[[^\]]*\])/.exec(rest);
      if (test) {
        const words = goArray(test[1] as string);
        if (words[0] === 'NONE') return 'HEALTHCHECK NONE';
        if (words[0] === 'CMD-SHELL') return `HEALTHCHECK CMD ${words.slice(1).join(' ')}`;
        if (words[0] === 'CMD') return `HEALTHCHECK CMD ${JSON.stringify(words.slice(1))}`;
      }
      break;
    }
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
    case 'VOLUME':
      if (rest.startsWith('[')) rest = JSON.stringify(goArray(rest));
      break;
    default:
      break;
  }
  if (rest === '') return undefined;
  return `${keyword} ${rest}`;
}

/** `["a" "b c"]` (Go %q formatting) or a JSON array, into its strings; `[/data]` into ["/data"]. */
export function goArray(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    if (Array.isArray(v)) return v.map(String);
  } catch {
    // Go formatting
  }
  const inner = text.trim().replace(/^\[/, '').replace(/\]$/, '');
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    if (m[1] !== undefined) {
      try {
        out.push(JSON.parse(`"${m[1]}"`) as string);
      } catch {
        out.push(m[1]);
      }
    } else out.push(m[2] as string);
  }
  return out;
}
