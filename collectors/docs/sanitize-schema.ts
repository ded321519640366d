import { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

/** Elements removed together with everything inside them (their text would be noise or code). */
const STRIPPED = [
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'textarea',
  'title',
  'xmp',
];

/**
 * GitHub's allow-list (hast-util-sanitize's default), tightened for repository docs: links only to
 * http(s), mailto, relative paths and `#fragments`; images from http(s), relative paths and `data:`
 * (narrowed to raster images after sanitizing); no `srcset`, `<picture>` or `<source>`, which would
 * load remote images the rewriting step never sees. `<script>`, event handlers, `style`, `<iframe>`,
 * `<object>`, `<embed>`, `<meta>`, `<base>`, `<form>` are not on the list.
 */
export const docsSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'picture' && tag !== 'source'),
  strip: STRIPPED,
  attributes: Object.fromEntries(
    Object.entries(defaultSchema.attributes ?? {})
      .filter(([tag]) => tag !== 'source')
      .map(([tag, attributes]) => [tag, tag === 'img' ? attributes.filter((attribute) => attribute !== 'longDesc') : attributes]),
  ),
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https', 'data'],
    cite: ['http', 'https'],
  },
};
