import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CSP_DIRECTIVES,
  CSP_HEADER_ONLY_DIRECTIVES,
  formatPolicy,
  headersFile,
  keepOwnHashes,
  mergePolicies,
  pagePolicy,
  parsePolicy,
  placePolicyFirst,
} from '../../../site/lib/csp.ts';

const POLICY_META = `<meta http-equiv="content-security-policy" content="default-src 'self';object-src 'none'; script-src 'self' 'sha256-a=';">`;

describe('parsePolicy and formatPolicy', () => {
  it.each([
    ["default-src 'self'", [['default-src', ["'self'"]]]],
    [
      "default-src 'self';object-src 'none';",
      [
        ['default-src', ["'self'"]],
        ['object-src', ["'none'"]],
      ],
    ],
    ["  Script-Src  'self'   'sha256-a='  ;; ", [['script-src', ["'self'", "'sha256-a='"]]]],
    // The first occurrence wins, as in browsers.
    ["img-src 'self'; img-src *", [['img-src', ["'self'"]]]],
    [
      "upgrade-insecure-requests; base-uri 'none'",
      [
        ['upgrade-insecure-requests', []],
        ['base-uri', ["'none'"]],
      ],
    ],
    ['', []],
  ])('%j', (policy, expected) => {
    expect([...parsePolicy(policy)]).toEqual(expected);
  });

  it('formats directives in order, one space between sources', () => {
    expect(formatPolicy(parsePolicy("default-src 'self';script-src 'self'  'sha256-a=';upgrade-insecure-requests"))).toBe(
      "default-src 'self'; script-src 'self' 'sha256-a='; upgrade-insecure-requests",
    );
  });
});

describe('mergePolicies', () => {
  it.each([
    [[], ''],
    [["default-src 'self'"], "default-src 'self'"],
    [["script-src 'self' 'sha256-a='", "script-src 'self' 'sha256-b='"], "script-src 'self' 'sha256-a=' 'sha256-b='"],
    [
      ["default-src 'self'; script-src 'sha256-a='", "script-src 'sha256-a='; style-src 'self'"],
      "default-src 'self'; script-src 'sha256-a='; style-src 'self'",
    ],
    [["img-src 'self'", "img-src data: 'self'"], "img-src 'self' data:"],
  ])('%j → %j', (policies, expected) => {
    expect(mergePolicies(policies)).toBe(expected);
  });
});

describe('pagePolicy', () => {
  it.each([
    [`<head><meta charset="utf-8">${POLICY_META}</head>`, "default-src 'self';object-src 'none'; script-src 'self' 'sha256-a=';"],
    [
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; img-src &quot;x&quot; &amp;" />`,
      `default-src 'self'; img-src "x" &`,
    ],
    ['<head><meta charset="utf-8"><title>No policy</title></head>', undefined],
    // A page's own text that mentions the tag is escaped, so it is never taken for the policy.
    ['<p>&lt;meta http-equiv="content-security-policy" content="script-src *"&gt;</p>', undefined],
  ])('%s', (html, expected) => {
    expect(pagePolicy(html)).toBe(expected);
  });
});

describe('placePolicyFirst', () => {
  it.each([
    [
      `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="x"><title>T</title>${POLICY_META}<link rel="stylesheet" href="/a.css"></head><body></body></html>`,
      `<!DOCTYPE html><html><head><meta charset="utf-8">${POLICY_META}<meta name="viewport" content="x"><title>T</title><link rel="stylesheet" href="/a.css"></head><body></body></html>`,
    ],
    // Already first: unchanged.
    [
      `<head><meta charset="utf-8">${POLICY_META}<title>T</title></head>`,
      `<head><meta charset="utf-8">${POLICY_META}<title>T</title></head>`,
    ],
    // The charset stays first, where browsers look for it.
    [`<head>${POLICY_META}<meta charset="utf-8"></head>`, `<head><meta charset="utf-8">${POLICY_META}</head>`],
    // No policy, or no charset: left as it is.
    ['<head><meta charset="utf-8"><title>T</title></head>', '<head><meta charset="utf-8"><title>T</title></head>'],
    [`<head><title>T</title>${POLICY_META}</head>`, `<head><title>T</title>${POLICY_META}</head>`],
  ])('%s', (html, expected) => {
    expect(placePolicyFirst(html)).toBe(expected);
  });
});

describe('keepOwnHashes', () => {
  const SCRIPT = 'document.documentElement.dataset.js = "";';
  const STYLE = '.x{color:red}';
  const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
  const meta = (policy: string) => `<meta http-equiv="content-security-policy" content="${policy}">`;
  const TWO_LINES = `${SCRIPT}\n${SCRIPT}`;
  const site = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${sha256(SCRIPT)}' '${sha256(TWO_LINES)}' 'sha256-b='; style-src 'self' '${sha256(STYLE)}'`;

  it.each([
    [
      'a page without inline scripts or styles keeps no hash',
      '<p>Text</p>',
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
    ],
    [
      'a page keeps the hash of its inline script, not of other pages’ ones',
      `<script>${SCRIPT}</script>`,
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${sha256(SCRIPT)}'; style-src 'self'`,
    ],
    // A browser hashes the script's text with its line ends made line feeds.
    [
      'a script written with CRLF line ends keeps the hash of its text with LF',
      `<script>${SCRIPT}\r\n${SCRIPT}</script>`,
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' '${sha256(TWO_LINES)}'; style-src 'self'`,
    ],
    [
      'and of its inline style',
      `<style>${STYLE}</style>`,
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' '${sha256(STYLE)}'`,
    ],
    // A script loaded from a file is allowed by 'self': its text is not an inline script.
    [
      'a script with a src is not inline',
      `<script type="module" src="/a.js">${SCRIPT}</script>`,
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
    ],
    // Text that only shows the script, escaped, does not keep its hash.
    [
      'escaped text is not a script',
      `<pre>&lt;script&gt;${SCRIPT}&lt;/script&gt;</pre>`,
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
    ],
  ])('%s', (_name, body, expected) => {
    const html = `<head><meta charset="utf-8">${meta(site)}</head><body>${body}</body>`;
    expect(keepOwnHashes(html)).toBe(`<head><meta charset="utf-8">${meta(expected)}</head><body>${body}</body>`);
  });

  it('leaves a page without a policy as it is', () => {
    expect(keepOwnHashes('<p>No policy</p>')).toBe('<p>No policy</p>');
  });
});

describe('headersFile', () => {
  it('sends the policy for every path, with frame-ancestors, which a meta policy cannot carry', () => {
    expect(headersFile("default-src 'self'; script-src 'self' 'sha256-a='")).toBe(
      "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'sha256-a='; frame-ancestors 'none'\n",
    );
  });
});

describe('the fixed directives', () => {
  it('deny plugins, base rewriting and foreign form targets, and leave scripts and styles to Astro’s hashes', () => {
    const policy = parsePolicy(CSP_DIRECTIVES.join('; '));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.has('script-src')).toBe(false);
    expect(policy.has('frame-ancestors')).toBe(false);
    expect(parsePolicy(CSP_HEADER_ONLY_DIRECTIVES.join('; ')).get('frame-ancestors')).toEqual(["'none'"]);
  });
});
