/** An image reference (`ghcr.io/acme/api:1.4.2@sha256:…`) split into what pinning rules look at. */
export interface ImageRef {
  /** Registry and repository, without tag or digest. */
  name: string;
  tag?: string;
  digest?: string;
}

export function parseImageRef(ref: string): ImageRef {
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const rest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = rest.lastIndexOf(':');
  // A colon before the last slash is a registry port (localhost:5000/api), not a tag.
  if (colon > rest.lastIndexOf('/')) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1) || undefined, digest };
  return { name: rest, digest };
}

/**
 * Why an image is not pinned to a version: `latest` or no tag at all (which means `latest`).
 * `undefined` when it is pinned by a tag or a digest, or is not an image one pulls (`scratch`).
 */
export function unpinnedReason(ref: string): 'latest' | 'untagged' | undefined {
  const image = parseImageRef(ref.trim());
  if (!image.name || image.name === 'scratch' || image.digest) return undefined;
  if (image.tag === undefined) return 'untagged';
  return image.tag.toLowerCase() === 'latest' ? 'latest' : undefined;
}

/** The image's repository name without registry or namespace (`docker.io/library/node` → `node`). */
export function repositoryName(ref: string): string {
  const name = parseImageRef(ref).name;
  return name.slice(name.lastIndexOf('/') + 1).toLowerCase();
}
