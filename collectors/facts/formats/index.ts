import type { DockerfileParser } from 'dockerfile-ast';
import type { XMLParser } from 'fast-xml-parser';
import type { parse as parseToml } from 'smol-toml';
import type { SpdxLicenses } from '../paths/spdx-licenses.ts';

/** The parsers of the file formats only the fact retrievers read, and SPDX's list of licenses. */
export interface Formats {
  parseToml: typeof parseToml;
  XMLParser: typeof XMLParser;
  DockerfileParser: typeof DockerfileParser;
  spdxLicenses: SpdxLicenses;
}

let loaded: Formats | undefined;

/**
 * Loads the parsers; the retrievers that read these formats call it first. A warm run, whose facts
 * all come from the cache, never loads them: they cost it 18 ms of 0.3 s.
 */
export async function loadFormats(): Promise<Formats> {
  if (!loaded) {
    const [toml, xml, dockerfile, spdx] = await Promise.all([
      import('smol-toml'),
      import('fast-xml-parser'),
      import('dockerfile-ast'),
      import('../paths/spdx-licenses.ts'),
    ]);
    loaded = {
      parseToml: toml.parse,
      XMLParser: xml.XMLParser,
      // A CommonJS module: its exports are its default export, in the bundle as in Node.
      DockerfileParser: dockerfile.default.DockerfileParser,
      spdxLicenses: spdx.default,
    };
  }
  return loaded;
}

/** The parsers `loadFormats` loaded; calling it first is a programming error. */
export function formats(): Formats {
  if (!loaded) throw new Error('The file-format parsers are not loaded: await loadFormats() before reading files.');
  return loaded;
}
