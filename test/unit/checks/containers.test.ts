import { dockerfileDigestPinned } from '../../../collectors/checks/builtin/dockerfile-digest-pinned.ts';
import { dockerfileNoAddUrl } from '../../../collectors/checks/builtin/dockerfile-no-add-url.ts';
import { dockerfileNoLatest } from '../../../collectors/checks/builtin/dockerfile-no-latest.ts';
import { dockerfileNonRootUser } from '../../../collectors/checks/builtin/dockerfile-non-root-user.ts';
import { dockerignorePresent } from '../../../collectors/checks/builtin/dockerignore-present.ts';
import { parseDockerfile } from '../../../collectors/facts/dockerfiles.ts';
import { loadFormats } from '../../../collectors/facts/formats/index.ts';
import { describeCheck, entity, repoFacts, withFiles } from '../../helpers/check-context.ts';

// The parsers are called directly, some as the tables below are built, not through a retriever that loads their formats.
await loadFormats();

const DIGEST = `sha256:${'c'.repeat(64)}`;

/** Dockerfile facts as the retriever builds them, from Dockerfile texts by path. */
function dockerfiles(texts: Record<string, string>, files: string[] = []) {
  return {
    facts: withFiles([...files, ...Object.keys(texts)], {
      dockerfiles: Object.entries(texts).map(([path, text]) => ({ path, ...parseDockerfile(text) })),
    }),
  };
}

const none = { facts: repoFacts() };
const noRepository = { entity: entity({ repo: null, file: 'content/teams/platform.yaml' }), facts: null };

describeCheck(dockerfileDigestPinned, [
  {
    name: 'every base pinned; stages and scratch skipped',
    input: dockerfiles({ Dockerfile: `FROM golang:1.24@${DIGEST} AS build\nFROM build AS test\nFROM scratch\n` }),
    outcome: 'pass',
    message: /Every base image is pinned by digest \(1 image\)/,
  },
  {
    name: 'tag only',
    input: dockerfiles({
      Dockerfile: `FROM node:22 AS build\nFROM gcr.io/distroless/nodejs22@${DIGEST}\n`,
      'worker/Dockerfile': 'FROM python:3.12-slim\n',
    }),
    outcome: 'fail',
    message: /2 base images of 3 are not pinned/,
    evidence: [
      { path: 'Dockerfile', line: 1, note: 'FROM node:22' },
      { path: 'worker/Dockerfile', line: 1, note: 'FROM python:3.12-slim' },
    ],
  },
  {
    name: 'images from build arguments without a default are not judged',
    input: dockerfiles({ Dockerfile: `ARG BASE\nFROM \${BASE}\nFROM alpine@${DIGEST}\n` }),
    outcome: 'pass',
    message: /1 image from build arguments not judged/,
  },
  {
    // A copy of lighthouse-audit-service with its Node version made a build argument.
    name: 'an image from build arguments is judged by their defaults',
    input: dockerfiles({ Dockerfile: 'ARG NODE=16\nFROM node:${NODE}-bullseye-slim\n' }),
    outcome: 'fail',
    evidence: [{ path: 'Dockerfile', line: 2, note: 'FROM node:${NODE}-bullseye-slim (node:16-bullseye-slim by default)' }],
  },
  { name: 'only scratch', input: dockerfiles({ Dockerfile: 'FROM scratch\nCOPY app /\n' }), outcome: 'notApplicable' },
  { name: 'no Dockerfiles', input: none, outcome: 'notApplicable', message: /No Dockerfile/ },
  { name: 'no repository', input: noRepository, outcome: 'notApplicable' },
  { name: 'fact missing', input: { facts: {} }, outcome: 'error' },
]);

describeCheck(dockerfileNoLatest, [
  {
    name: 'versions and digests',
    input: dockerfiles({ Dockerfile: `FROM node:22-alpine\nFROM nginx:latest@${DIGEST}\n` }),
    outcome: 'pass',
  },
  {
    name: 'explicit and implicit latest',
    input: dockerfiles({ Dockerfile: 'FROM ubuntu:latest AS base\nFROM base\nFROM registry.acme.dev/team/app\n' }),
    outcome: 'fail',
    evidence: [
      { path: 'Dockerfile', line: 1, note: 'FROM ubuntu:latest' },
      { path: 'Dockerfile', line: 3, note: 'FROM registry.acme.dev/team/app has no tag, so it is latest' },
    ],
  },
  { name: 'a registry with a port is not a tag', input: dockerfiles({ Dockerfile: 'FROM localhost:5000/app\n' }), outcome: 'fail' },
  { name: 'no Dockerfiles', input: none, outcome: 'notApplicable' },
]);

describeCheck(dockerfileNonRootUser, [
  {
    name: 'USER in the final stage',
    input: dockerfiles({ Dockerfile: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim\nUSER node\n' }),
    outcome: 'pass',
    evidence: [{ path: 'Dockerfile', line: 4, note: 'USER node' }],
  },
  { name: 'numeric non-root', input: dockerfiles({ Dockerfile: 'FROM alpine:3\nUSER 10001:10001\n' }), outcome: 'pass' },
  {
    name: 'USER only in an earlier stage',
    input: dockerfiles({ Dockerfile: 'FROM node:22 AS build\nUSER node\nFROM node:22-slim\n' }),
    outcome: 'fail',
    evidence: [{ path: 'Dockerfile', line: 3, note: "the final stage sets no USER, so it runs as the base image's user (root for most)" }],
  },
  {
    name: 'switching back to root',
    input: dockerfiles({ Dockerfile: 'FROM alpine:3\nUSER app\nRUN x\nUSER 0:0\n' }),
    outcome: 'fail',
    evidence: [{ path: 'Dockerfile', line: 4, note: 'USER 0:0' }],
  },
  { name: 'root by name', input: dockerfiles({ Dockerfile: 'FROM alpine:3\nUSER root\n' }), outcome: 'fail' },
  { name: 'an empty Dockerfile', input: dockerfiles({ Dockerfile: '' }), outcome: 'fail' },
  { name: 'no Dockerfiles', input: none, outcome: 'notApplicable' },
  {
    name: 'a development container beside the image: not judged, and said so',
    input: dockerfiles({
      Dockerfile: 'FROM alpine:3\nUSER app\n',
      '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/java:21\n',
    }),
    outcome: 'pass',
    message: 'Every Dockerfile switches to a non-root user in its final stage (1 Dockerfile).',
    evidence: [
      { path: 'Dockerfile', line: 2, note: 'USER app' },
      { path: '.devcontainer/Dockerfile', note: 'a development container, not run in production: not judged' },
    ],
  },
  {
    name: 'only a development container',
    input: dockerfiles({ '.devcontainer/Dockerfile': 'FROM debian:12\n' }),
    outcome: 'notApplicable',
    message: 'The only Dockerfiles are development containers (.devcontainer/Dockerfile).',
  },
]);

describeCheck(dockerfileNoAddUrl, [
  {
    name: 'ADD from URL and git',
    input: dockerfiles({
      Dockerfile:
        'FROM alpine:3\nADD https://example.com/tool.tgz /tmp/\nADD --keep-git-dir git@github.com:acme/x.git /src\nADD app.tar.gz /app\n',
    }),
    outcome: 'fail',
    evidence: [
      { path: 'Dockerfile', line: 2, note: 'ADD https://example.com/tool.tgz' },
      { path: 'Dockerfile', line: 3, note: 'ADD git@github.com:acme/x.git' },
    ],
  },
  { name: 'local ADD and COPY', input: dockerfiles({ Dockerfile: 'FROM alpine:3\nADD app.tar.gz /app\nCOPY . /src\n' }), outcome: 'pass' },
  { name: 'no Dockerfiles', input: none, outcome: 'notApplicable' },
]);

describeCheck(dockerignorePresent, [
  {
    name: 'root .dockerignore',
    input: dockerfiles({ 'svc/Dockerfile': 'FROM alpine:3\n' }, ['.dockerignore']),
    outcome: 'pass',
    evidence: [{ path: '.dockerignore' }],
  },
  { name: 'beside the Dockerfile', input: dockerfiles({ 'svc/Dockerfile': 'FROM alpine:3\n' }, ['svc/.dockerignore']), outcome: 'pass' },
  {
    // spring-petclinic: only a dev container's Dockerfile, as dockerfile-non-root-user judges it.
    name: 'a development container is not judged',
    input: dockerfiles({ '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/vscode/devcontainers/java:0-17\n' }),
    outcome: 'notApplicable',
    message: 'The only Dockerfiles are development containers (.devcontainer/Dockerfile).',
  },
  {
    name: 'named after the Dockerfile',
    input: dockerfiles({ 'Dockerfile.dev': 'FROM alpine:3\n' }, ['Dockerfile.dev.dockerignore']),
    outcome: 'pass',
  },
  {
    name: 'missing',
    input: dockerfiles({ 'svc/Dockerfile': 'FROM alpine:3\n' }, ['other/.dockerignore']),
    outcome: 'fail',
    evidence: [{ path: 'svc/Dockerfile', note: 'no svc/Dockerfile.dockerignore, svc/.dockerignore, .dockerignore' }],
  },
  { name: 'no Dockerfiles', input: none, outcome: 'notApplicable' },
  {
    name: 'files fact missing',
    input: { facts: { dockerfiles: [{ path: 'Dockerfile', from: [], users: [], adds: [] }] } },
    outcome: 'error',
  },
]);
