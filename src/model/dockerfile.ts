/**
 * The build-surface model: a Dockerfile (and, later, an image's history turned back into instructions)
 * as stages of instructions. Controls read this; they never see the parser's syntax tree. Every
 * instruction has a pointer ("/stages/1/instructions/4") that the subject's PositionIndex maps back to
 * the instruction's line and column, so findings are line-accurate like manifest findings.
 */
import type { DocumentSource, ResourceRef } from './types.js';

export interface DockerInstruction {
  /** Upper-case keyword: FROM, RUN, COPY, ADD, USER, EXPOSE, ENV, ARG, HEALTHCHECK, … */
  keyword: string;
  /** Everything after the keyword and its flags, continuations joined with a space, comments removed. */
  args: string;
  /** Flags such as --from, --chown, --chmod, --platform, --mount, keyed without the dashes. */
  flags: Record<string, string>;
  /** The exec (JSON array) form, when the instruction uses it. */
  json?: string[];
  /** Heredoc bodies (`RUN <<EOF … EOF`, `COPY <<file …`), in order. */
  heredocs?: { name: string; body: string }[];
  /**
   * ARG, ENV and LABEL: the name/value pairs, quotes removed (`ENV A=1 B="x y"`, legacy `ENV A x y`);
   * `value` is absent for `ARG NAME` without a default. Each has its own line and column (a pair on a
   * continuation line has that line), and the pointer "<instruction pointer>/properties/<k>" locates it.
   */
  properties?: { name: string; value?: string; line: number; column: number }[];
  /** 1-based line and column where the instruction starts, and its last line. */
  line: number;
  column: number;
  endLine: number;
  /** "/stages/<s>/instructions/<i>". */
  pointer: string;
}

export interface DockerStage {
  index: number;
  /** The `AS name`, when given. */
  name?: string;
  /** The base image as written in FROM (may contain ${ARG} references). */
  baseImageRaw: string;
  /** The base image with ARG defaults substituted where they are known; equal to baseImageRaw otherwise. */
  baseImage: string;
  /** True when FROM names an earlier stage (then the base is not an external image) or `scratch`. */
  fromStage?: string;
  platform?: string;
  /** The FROM instruction first, then the stage's instructions in order. */
  instructions: DockerInstruction[];
  pointer: string;
}

export interface ImageBuildSubject {
  type: 'image.build';
  /** kind "Dockerfile", name: the file path as given. */
  resource: ResourceRef;
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: { name: string; default?: string }[];
  stages: DockerStage[];
  /** The stage that produces the image (the last one, unless a --target is known). */
  finalStage: DockerStage;
  /** The escape character from the `# escape=` directive ("\\" by default). */
  escape: string;
  source: DocumentSource;
}
