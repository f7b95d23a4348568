import { describe, expect, it } from 'vitest';
import { analyseMode, commandsOf, effectiveWords, splitScript } from './dockerfile-shell.js';

describe('the Dockerfile shell splitter', () => {
  it('splits lists, pipelines, quotes, escapes, comments and redirections', () => {
    expect(splitScript(`set -eux; a "b c" 'd;e' && f\\ g | h >/dev/null 2>&1 || i # j | k\nl`)).toEqual([
      [['set', '-eux']],
      [['a', 'b c', 'd;e']],
      [['f g'], ['h']],
      [['i']],
      [['l']],
    ]);
  });

  it('keeps command and process substitutions in one word', () => {
    expect(splitScript('sh -c "$(curl -fsSL https://x | head -1)" && bash <(wget -qO- https://y)')).toEqual([
      [['sh', '-c', '$(curl -fsSL https://x | head -1)']],
      [['bash', '<(wget -qO- https://y)']],
    ]);
  });

  it('drops heredoc markers and joins line continuations', () => {
    expect(splitScript('python3 <<EOF\n')).toEqual([[['python3']]]);
    expect(splitScript('apt-get install \\\n  -y curl')).toEqual([[['apt-get', 'install', '-y', 'curl']]]);
  });

  it('removes assignments and wrappers before the command', () => {
    expect(effectiveWords(['DEBIAN_FRONTEND=noninteractive', 'sudo', '-E', '-u', 'app', 'env', 'A=1', 'npm', 'ci'])).toEqual(['npm', 'ci']);
    expect(commandsOf('if true; then exec nice -n 5 make; fi').map((w) => w[0])).toEqual(['true', 'make', 'fi']);
  });
});

describe('file modes', () => {
  it('reads octal and symbolic modes', () => {
    expect(analyseMode('777')).toEqual({ worldWritable: true, setuid: false, setgid: false });
    expect(analyseMode('1777')).toEqual({ worldWritable: false, setuid: false, setgid: false });
    expect(analyseMode('4755')).toEqual({ worldWritable: false, setuid: true, setgid: false });
    expect(analyseMode('6775')).toEqual({ worldWritable: false, setuid: true, setgid: true });
    expect(analyseMode('u+x,o+w')).toEqual({ worldWritable: true, setuid: false, setgid: false });
    expect(analyseMode('+s')).toEqual({ worldWritable: false, setuid: true, setgid: true });
    expect(analyseMode('a-s')).toEqual({ worldWritable: false, setuid: false, setgid: false });
    expect(analyseMode('+w')).toEqual({ worldWritable: false, setuid: false, setgid: false });
    expect(analyseMode('/app')).toBeUndefined();
  });
});
