import { defineControl } from '../define.js';
import { allInstructions, copySources } from './dockerfile-shell.js';

const REMOTE = /^(?:https?|ftp):\/\//i;
const GIT = /^(?:git@|git:\/\/|ssh:\/\/)|\.git(?:#.*)?$/i;
/** Local archives ADD extracts: that is what ADD is for. */
const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst|tar\.lz|tar\.lzma|tlz)$/i;

/** A URL safe to print: scheme, host and path, without user info, query or fragment. */
function printableUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/@]*@)?([^/?#]*)([^?#]*)/i.exec(url);
  return m ? `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}` : url.replace(/[?#].*$/, '');
}

export default defineControl({
  meta: {
    id: 'BLD-006',
    name: 'dockerfile-add-instead-of-copy',
    surface: 'build',
    severity: 'medium',
    appliesTo: ['image.build'],
    stages: ['ci', 'audit'],
    docs: {
      summary: 'ADD is used only to extract a local archive; files are copied with COPY and downloads are verified.',
      rationale:
        'ADD does more than COPY: it downloads URLs and clones Git repositories without any integrity check (what the ' +
        'server returns at build time goes into the image, and TLS interception or a compromised host changes it), and ' +
        'it silently extracts local archives. Using it to copy plain files hides which of these happens. Reported: ADD of ' +
        'a remote URL or Git repository without --checksum, and ADD of local files or directories that are not tar ' +
        'archives (COPY does the same, predictably). ADD of a local .tar/.tar.gz/.tgz/.tar.xz/… is allowed: extracting ' +
        'it is ADD’s purpose. Sources that are variables are not judged.',
      remediation:
        'Use COPY for local files. For downloads, use `RUN curl -fsSLo file URL && echo "<sha256>  file" | sha256sum -c -` ' +
        '(or `ADD --checksum=sha256:<digest> URL dest` with BuildKit), and for Git sources a pinned commit in a build stage.',
    },
    frameworks: { seed: ['B8', 'B6', 'B9'], 'cis-docker': ['4.9'] },
    messages: {
      remoteUrl: "ADD downloads '{{url}}' without verifying it: use RUN curl with a checksum check, or ADD --checksum.",
      useCopy: "ADD copies the local path '{{source}}', which is not an archive to extract: use COPY.",
    },
  },
  check(subject, ctx) {
    for (const { instruction: i } of allInstructions(subject)) {
      if (i.keyword !== 'ADD') continue;
      const sources = copySources(i);
      const remote = sources.find((s) => REMOTE.test(s) || GIT.test(s));
      if (remote !== undefined) {
        if (i.flags.checksum === undefined) ctx.report({ messageId: 'remoteUrl', pointer: i.pointer, data: { url: printableUrl(remote) } });
        continue;
      }
      const local = sources.find((s) => !s.includes('$') && !ARCHIVE.test(s));
      if (local !== undefined) ctx.report({ messageId: 'useCopy', pointer: i.pointer, data: { source: local } });
      else if (sources.length === 0 && (i.heredocs?.length ?? 0) > 0) {
        ctx.report({ messageId: 'useCopy', pointer: i.pointer, data: { source: `<<${i.heredocs?.[0]?.name ?? ''}` } });
      }
    }
  },
});
