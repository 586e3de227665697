// Dockerfile model: stages and instructions with line ranges. STUB: to be replaced.
export interface DockerfileInstruction {
  /** Upper-case keyword: RUN, COPY, FROM, … */
  keyword: string;
  /** The instruction text as BuildKit would print it (`RUN pip install …`), continuations joined. */
  text: string;
  /** 1-based first and last line. */
  line: number;
  endLine: number;
}

export interface DockerfileStage {
  name: string | null;
  index: number;
  from: string;
  platform: string | null;
  instructions: DockerfileInstruction[];
}

export interface Dockerfile {
  /** Workspace-relative path used in annotations. */
  path: string;
  stages: DockerfileStage[];
}

export function parseDockerfile(_text: string, path: string): Dockerfile {
  return { path, stages: [] };
}
