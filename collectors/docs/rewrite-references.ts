import type { Element, ElementContent, Parent, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import type { DocImage } from '../facts/docs-site/schema.ts';
import { servedAt } from '../support/repo-paths.ts';
import { assetHref, pageHref, resolveReference, type Reference } from './paths.ts';

/** Raster images may be inlined by authors; SVG only ever comes from Cairn's own step below. */
const INLINE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[a-z\d+/=\s]+$/i;

/** MkDocs Material's images for one colour scheme: `logo.svg#only-dark`. */
const COLOUR_SCHEME_IMAGE = /#only-(light|dark)$/i;

function forScheme(rewritten: Element | ElementContent[], className: string): Element | ElementContent[] {
  if (!Array.isArray(rewritten)) {
    rewritten.properties.className = [...classesOf(rewritten), className];
    return rewritten;
  }
  return rewritten.map((item): ElementContent => {
    if (item.type === 'element') {
      item.properties.className = [...classesOf(item), className];
      return item;
    }
    return { type: 'element', tagName: 'span', properties: { className: [className] }, children: [item] };
  });
}

function classesOf(element: Element): string[] {
  const classes = element.properties.className;
  return Array.isArray(classes) ? classes.map(String) : [];
}

/** What rewriting a page's links and images needs to know about the docs site and the repository. */
export interface ReferenceContext {
  /** Repository path of the Markdown the page is rendered from. */
  sourcePath: string;
  pageSlug: string;
  /** The page a repository path (a Markdown file or a folder with a home page) is rendered as. */
  pageOf(path: string): string | undefined;
  imageOf(path: string): DocImage | undefined;
  /** Link to a repository file in its web UI at the scanned commit, when the web URL is known. */
  webUrlOf?: (path: string) => string;
  /** Records that the page shows an image, so it is published with the docs; returns the asset path it is published at. */
  publish(image: DocImage): string;
  /** Ids of the page's headings; other ids carry the sanitizer's `user-content-` prefix. */
  headingIds: ReadonlySet<string>;
  /**
   * Told each repository path a link or an image names that is neither a page nor an image of the
   * docs, at its line in the page's text when known: whether it exists is for the caller, who knows
   * the repository's files, to say.
   */
  onOtherPath?: (reference: OtherPath) => void;
}

/** A repository path a page names that is not one of its docs' pages or images. */
export interface OtherPath {
  path: string;
  /** An image (`<img>`, `![…](…)`), else a link. */
  image: boolean;
  line?: number;
}

/**
 * Points every link and image of a sanitized page at something that exists and stays inside the
 * repository: Markdown pages become the rendered pages, images the published assets, other
 * repository files the web UI; remote images become links (the page never loads them); anything
 * leaving the repository or malformed becomes plain text.
 */
export function rewriteReferences(tree: Root, context: ReferenceContext): void {
  const authorIds = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    for (const key of ['id', 'name'] as const) if (typeof node.properties[key] === 'string') authorIds.add(node.properties[key]);
  });
  // Images inside a link that stays one: a remote image among them becomes text, as a link may not hold a link.
  const linked = new Set<Element>();
  visit(tree, 'element', (node: Element, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    if (node.tagName === 'a') {
      const replacement = rewriteLink(node, context, authorIds);
      if (!Array.isArray(replacement)) {
        visit(node, 'element', (inner: Element) => void (inner.tagName === 'img' && linked.add(inner)));
        return;
      }
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index];
    }
    if (node.tagName === 'img') {
      const scheme =
        typeof node.properties.src === 'string' ? COLOUR_SCHEME_IMAGE.exec(node.properties.src)?.[1]?.toLowerCase() : undefined;
      const rewritten = rewriteImage(node, context, linked.has(node));
      // Shown in its colour scheme only (site/styles/docs.css), as an image, a link or the text that stands for it.
      const replacement = scheme ? forScheme(rewritten, `only-${scheme}`) : rewritten;
      if (!Array.isArray(replacement)) return;
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    }
    return;
  });
  linksForOneScheme(tree);
}

/**
 * A link holding nothing but one colour scheme's image is that scheme's too: hidden with it, it
 * leaves no empty, unnamed link in the other scheme's tab order (typer's logo links).
 */
function linksForOneScheme(tree: Root): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a') return;
    const shown = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
    const schemes = new Set(
      shown.map((child) => (child.type === 'element' ? classesOf(child).find((name) => /^only-(light|dark)$/.test(name)) : undefined)),
    );
    const [scheme] = schemes;
    if (shown.length > 0 && schemes.size === 1 && scheme) node.properties.className = [...classesOf(node), scheme];
  });
}

function rewriteLink(node: Element, context: ReferenceContext, authorIds: ReadonlySet<string>): Element | ElementContent[] {
  const href = node.properties.href;
  // A named anchor (`<a name>`) is a target, not a link; a link whose URL was refused is text.
  if (typeof href !== 'string') return node.properties.id || node.properties.name ? node : node.children;
  const reference = resolveReference(context.sourcePath, href);
  const link = (url: string) => {
    node.properties.href = url;
    return node;
  };
  switch (reference.kind) {
    case 'external':
      return link(reference.url);
    case 'fragment':
      return link(fragmentHref(reference.fragment, context, authorIds));
    case 'repo': {
      const { page, image, fragment } = locate(reference, href, context);
      if (page !== undefined) return link(pageHref(context.pageSlug, page, fragment));
      if (image && image.mediaType !== 'image/svg+xml') {
        return link(assetHref(context.pageSlug, context.publish(image)));
      }
      context.onOtherPath?.(otherPath(reference.path, false, node));
      if (context.webUrlOf)
        return link(`${context.webUrlOf(reference.path)}${reference.fragment ? `#${encodeURIComponent(reference.fragment)}` : ''}`);
      return node.children;
    }
    case 'invalid':
      return node.children;
  }
}

/**
 * The page or image a repository reference names: as Markdown links are written, relative to the
 * page's file; failing that, as mkdocs leaves raw HTML, relative to the page's URL, where
 * `guide/setup.md` is served at `guide/setup/` and a page at the URL `setup/` is `setup.md`.
 */
function locate(
  reference: Extract<Reference, { kind: 'repo' }>,
  url: string,
  context: ReferenceContext,
): { page?: string; image?: DocImage; fragment: string } {
  const found = (path: string) => ({ page: context.pageOf(path), image: context.imageOf(path) });
  const direct = found(reference.path);
  if (direct.page !== undefined || direct.image) return { ...direct, fragment: reference.fragment };
  const served = resolveReference(servedAt(context.sourcePath), url);
  if (served.kind === 'repo')
    for (const path of [served.path, `${served.path}.md`]) {
      const match = found(path);
      if (match.page !== undefined || match.image) return { ...match, fragment: served.fragment };
    }
  return { fragment: reference.fragment };
}

/** `#foo` on the page: a heading's id as is, any other target with the sanitizer's prefix. */
function fragmentHref(fragment: string, context: ReferenceContext, authorIds: ReadonlySet<string>): string {
  if (fragment === '' || context.headingIds.has(fragment)) return `#${encodeURIComponent(fragment)}`;
  const prefixed = `user-content-${fragment}`;
  return `#${encodeURIComponent(authorIds.has(prefixed) ? prefixed : fragment)}`;
}

function rewriteImage(node: Element, context: ReferenceContext, insideLink: boolean): Element | ElementContent[] {
  const src = node.properties.src;
  const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
  const altText: ElementContent[] = alt ? [{ type: 'text', value: alt }] : [];
  if (typeof src !== 'string') return altText;
  if (src.trim().toLowerCase().startsWith('data:')) return INLINE_IMAGE.test(src.trim()) ? node : altText;
  const reference = resolveReference(context.sourcePath, src);
  if (reference.kind === 'external') {
    // Loading it would tell a third party who reads the docs: the reader decides by following the link.
    if (insideLink) return [{ type: 'text', value: `image: ${alt || reference.url}` }];
    return [
      {
        type: 'element',
        tagName: 'a',
        properties: { href: reference.url, className: ['docs-remote-image'] },
        children: [{ type: 'text', value: `image: ${alt || reference.url}` }],
      },
    ];
  }
  if (reference.kind !== 'repo') return altText;
  const { image } = locate(reference, src, context);
  if (!image) {
    context.onOtherPath?.(otherPath(reference.path, true, node));
    return altText;
  }
  if (image.mediaType === 'image/svg+xml') {
    // Inlined rather than published: an .svg file opened directly on the portal's origin would run its scripts.
    node.properties.src = `data:image/svg+xml;base64,${image.base64}`;
    return node;
  }
  node.properties.src = assetHref(context.pageSlug, context.publish(image));
  node.properties.loading = 'lazy';
  return node;
}

function otherPath(path: string, image: boolean, node: Element): OtherPath {
  const line = node.position?.start.line;
  return { path, image, ...(line ? { line } : {}) };
}
