/** YAML files are validated and turned into JSON at build time by esbuild.mjs. */
declare module '*.yaml' {
  const data: unknown;
  export default data;
}
