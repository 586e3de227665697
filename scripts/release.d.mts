// Types of scripts/release.mjs, for its test.
export interface Version {
  major: number;
  minor: number;
  patch: number;
  text: string;
}
export declare function parseVersion(text: string | undefined): Version | null;
export declare function releaseCommands(version: Version, options?: { push?: boolean; remote?: string }): string[][];
export declare function parseOptions(argv: string[]): { version: string | null; apply: boolean; push: boolean; remote: string };
