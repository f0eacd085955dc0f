/** Which files a workspace scan looks at: one list for the CLI and the editor. */

export const SOURCE_GLOB = '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}';
/** Files that may be Dockerfiles, Compose files, manifests or specs; the name or a look at the content decides. */
export const FILE_GLOBS = ['**/{Dockerfile,Containerfile}', '**/{Dockerfile,Containerfile}.*', '**/*.{dockerfile,containerfile}', '**/*.{yml,yaml,json}'];
/** GitHub Actions workflows live in a dot-folder, which the other globs skip. */
export const WORKFLOW_GLOB = '**/.github/workflows/*.{yml,yaml}';
