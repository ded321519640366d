/**
 * The demo organisation "Acme": fifteen repositories that together exercise everything Cairn
 * reads — Backstage descriptors of every kind (and broken ones), five languages with their
 * manifests and lockfiles, uneven repository hygiene, active and abandoned projects, and the
 * hostile cases (a symlink leaving the repository, binary and non-UTF-8 files, a `javascript:` link).
 *
 * Everything is fixed: dates are counted back from `DEMO_NOW`, so the demo (and its screenshots)
 * look the same whenever they are built.
 */
import type { RepoSpec } from '../git-repo.ts';
import { buildHistory, type HistoryPlan, type Person, type Tree } from './git-history.ts';
import {
  APACHE_LICENSE,
  LOGO_PNG,
  PROPRIETARY_LICENSE,
  cargoCrate,
  changelog,
  codeowners,
  dependabotConfig,
  descriptor,
  entity,
  githubAnnotations,
  githubWorkflow,
  gitignore,
  goModule,
  imageDigest,
  json,
  latin1,
  location,
  mitLicense,
  npmPackage,
  pom,
  pyproject,
  readme,
  renovateConfig,
  securityPolicy,
  standardSections,
} from './templates.ts';

/** "Now" for the demo: histories end before it and activity windows are counted back from it. */
export const DEMO_NOW = '2026-11-01T12:00:00Z';

/** Everyone who commits to the demo organisation. Users in `content/teams/` and `org` match these emails. */
export const PEOPLE = {
  priya: { name: 'Priya Raman', email: 'priya.raman@acme.example', tz: '+05:30' },
  marcus: { name: 'Marcus Chen', email: 'marcus.chen@acme.example', tz: '-08:00' },
  sofia: { name: 'Sofia Alvarez', email: 'sofia.alvarez@acme.example', tz: '+01:00' },
  jonas: { name: 'Jonas Weber', email: 'jonas.weber@acme.example', tz: '+01:00' },
  amara: { name: 'Amara Okafor', email: 'amara.okafor@acme.example', tz: '+00:00' },
  liam: { name: "Liam O'Brien", email: 'liam.obrien@acme.example', tz: '+00:00' },
  yuki: { name: 'Yuki Tanaka', email: 'yuki.tanaka@acme.example', tz: '+09:00' },
  noor: { name: 'Noor Haddad', email: 'noor.haddad@acme.example', tz: '+04:00' },
  elodie: { name: 'Élodie Martin', email: 'elodie.martin@acme.example', tz: '+01:00' },
  /** Left Acme in 2025: commits exist, but no User entity does. */
  tom: { name: 'Tom Becker', email: 'tom.becker@acme.example', tz: '+01:00' },
  renovate: { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com', tz: '+00:00' },
  dependabot: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', tz: '+00:00' },
} satisfies Record<string, Person>;

/** One repository of the demo: its final tree, how its history unfolds, and what it is there to show. */
export interface DemoRepo {
  name: string;
  /** One line: which Cairn behaviour this repository demonstrates. */
  demonstrates: string;
  tree: Tree;
  history: HistoryPlan;
}

const { priya, marcus, sofia, jonas, amara, liam, yuki, noor, elodie, tom, renovate, dependabot } = PEOPLE;

// ─── Shared file sets ────────────────────────────────────────────────────────

const NODE_VERSION = '22.11.0';
const nodeImage = `node:${NODE_VERSION}-alpine3.20@${imageDigest(`node:${NODE_VERSION}-alpine3.20`)}`;
const goImage = `golang:1.23.3-bookworm@${imageDigest('golang:1.23.3-bookworm')}`;
const distrolessImage = `gcr.io/distroless/static-debian12:nonroot@${imageDigest('gcr.io/distroless/static-debian12:nonroot')}`;

/** Dependency bump as `[package, from, to]`, worded the way each bot words its commits. */
type Bump = [string, string, string];
const dependabotMessages = (bumps: Bump[]) => bumps.map(([dep, from, to]) => `build(deps): bump ${dep} from ${from} to ${to}`);
const renovateMessages = (bumps: Bump[]) => bumps.map(([dep, , to]) => `chore(deps): update dependency ${dep} to v${to}`);

/** A release: its CHANGELOG entry and its tag share the same day, counted back from DEMO_NOW. */
interface Release {
  version: string;
  daysAgo: number;
  changes: string[];
}

/** The CHANGELOG.md and the history's tags for a list of releases, newest first. */
function releases(list: Release[]): { changelog: string; tags: Array<{ name: string; daysAgo: number }> } {
  return {
    changelog: changelog(list.map(({ version, daysAgo, changes }) => ({ version, date: demoDay(daysAgo), changes }))),
    tags: list.map(({ version, daysAgo }) => ({ name: `v${version}`, daysAgo })).reverse(),
  };
}

/** `YYYY-MM-DD` of the day `daysAgo` days before DEMO_NOW. */
export function demoDay(daysAgo: number): string {
  return new Date(Date.parse(DEMO_NOW) - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/** A Node service's Dockerfile: pinned base image by digest, production dependencies, non-root user. */
function nodeServiceDockerfile(workspace: string): string {
  return `# syntax=docker/dockerfile:1.7
FROM ${nodeImage} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY ${workspace}/package.json ${workspace}/
RUN npm ci --workspace ${workspace} --include-workspace-root
COPY ${workspace} ${workspace}
RUN npm run build --workspace ${workspace}

FROM ${nodeImage}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/${workspace}/dist ./dist
COPY --from=build /app/node_modules ./node_modules
USER node
EXPOSE 8080
CMD ["node", "dist/index.js"]
`;
}

/** A Go service's Dockerfile: digest-pinned builder and distroless runtime, running as nonroot. */
function goServiceDockerfile(binary: string): string {
  return `FROM ${goImage} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/${binary} ./cmd/${binary}

FROM ${distrolessImage}
COPY --from=build /out/${binary} /${binary}
USER nonroot:nonroot
EXPOSE 8080
ENTRYPOINT ["/${binary}"]
`;
}

/** A small but real OpenAPI 3 document with one list and one create operation. */
function openapi(title: string, description: string, resource: string, schema: Record<string, string>): string {
  const singular = resource.replace(/s$/, '');
  const Model = singular.charAt(0).toUpperCase() + singular.slice(1);
  const properties = Object.entries(schema)
    .map(([name, type]) => `        ${name}:\n          type: ${type}`)
    .join('\n');
  return `openapi: 3.0.3
info:
  title: ${title}
  version: 1.4.0
  description: ${description}
servers:
  - url: https://api.acme.example/${resource}/v1
paths:
  /${resource}:
    get:
      operationId: list${Model}s
      summary: List ${resource}
      parameters:
        - name: cursor
          in: query
          schema:
            type: string
      responses:
        "200":
          description: A page of ${resource}
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: "#/components/schemas/${Model}"
    post:
      operationId: create${Model}
      summary: Create a ${singular}
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: "#/components/schemas/${Model}"
      responses:
        "201":
          description: Created
        "422":
          description: Invalid ${singular}
components:
  schemas:
    ${Model}:
      type: object
      required: [id]
      properties:
${properties}
`;
}

// ─── Repositories ────────────────────────────────────────────────────────────

function checkout(): DemoRepo {
  const release = releases([
    {
      version: '3.2.0',
      daysAgo: 12,
      changes: ['Checkout API accepts gift cards', 'Cart totals use banker’s rounding from the money package'],
    },
    { version: '3.1.0', daysAgo: 122, changes: ['Pricing service applies regional VAT'] },
    { version: '3.0.0', daysAgo: 235, changes: ['Split pricing out of the checkout API', 'Node.js 22'] },
    { version: '2.0.0', daysAgo: 489, changes: ['Monorepo with npm workspaces'] },
  ]);
  const component = (
    name: string,
    description: string,
    spec: Record<string, unknown>,
    extra: { tags?: string[]; links?: Array<{ url: string; title: string; icon?: string }>; techdocs?: boolean } = {},
  ) =>
    entity(
      'Component',
      {
        name,
        description,
        tags: extra.tags,
        links: extra.links,
        annotations: githubAnnotations('checkout', {
          techdocs: extra.techdocs,
          extra: { 'backstage.io/source-location': `url:https://github.com/acme/checkout/tree/main/${spec['path']}` },
        }),
      },
      { ...spec, path: undefined },
    );
  const workspace = (name: string, description: string, dependencies: Record<string, string> = {}) =>
    json({
      name: `@acme/${name}`,
      version: '0.0.0',
      private: true,
      description,
      type: 'module',
      main: 'dist/index.js',
      scripts: { build: 'tsc -p .', test: 'vitest run' },
      dependencies,
    });
  const npm = npmPackage({
    name: 'checkout',
    version: '0.0.0',
    private: true,
    type: 'module',
    workspaces: ['services/*', 'packages/*'],
    scripts: { build: 'npm run build --workspaces', test: 'vitest run', lint: 'eslint .', format: 'prettier --check .' },
    engines: { node: `>=${NODE_VERSION}` },
    dependencies: { fastify: '^5.1.0', zod: '^3.23.8', pino: '^9.5.0', ioredis: '^5.4.1' },
    devDependencies: { typescript: '^5.6.3', vitest: '^2.1.5', eslint: '^9.15.0', prettier: '^3.3.3', '@types/node': '^22.9.0' },
  });
  return {
    name: 'checkout',
    demonstrates:
      'TypeScript monorepo: root `kind: Location` → four component descriptors, one a Component + API with `$text: ./openapi.yaml`; SHA-pinned CI, digest-pinned Dockerfiles.',
    tree: {
      'README.md': readme(
        'Checkout',
        'The services behind the Acme checkout: the cart, the checkout API the storefront calls, pricing and the shared money package. One repository, deployed as separate containers.',
        standardSections(
          'node',
          'Start every service with hot reload:\n\n```sh\nnpm run dev --workspaces\n```\n\nThe checkout API listens on http://localhost:8080; see `services/checkout-api/openapi.yaml`.',
          {
            Architecture: 'See [docs/architecture.md](docs/architecture.md). Runbooks live in [docs/runbook.md](docs/runbook.md).',
          },
        ),
        ['![CI](https://github.com/acme/checkout/actions/workflows/ci.yml/badge.svg)'],
      ),
      LICENSE: APACHE_LICENSE,
      'SECURITY.md': securityPolicy('Checkout'),
      'CHANGELOG.md': release.changelog,
      '.github/CODEOWNERS': codeowners([
        ['*', '@acme/web'],
        ['/services/checkout-api/', '@acme/payments'],
        ['/services/pricing/', '@acme/payments'],
        ['/packages/money/', '@acme/payments @acme/web'],
      ]),
      '.github/workflows/ci.yml': githubWorkflow('node', 'sha', { permissions: true }),
      'renovate.json': renovateConfig({ packageRules: [{ matchUpdateTypes: ['patch'], automerge: true }] }),
      '.nvmrc': `${NODE_VERSION}\n`,
      '.gitignore': gitignore('node'),
      ...npm,
      'catalog-info.yaml': location('checkout', 'Everything in the checkout monorepo', [
        './services/cart/catalog-info.yaml',
        './services/checkout-api/catalog-info.yaml',
        './services/pricing/catalog-info.yaml',
        './packages/money/catalog-info.yaml',
      ]),
      'docs/architecture.md': `# Architecture\n\nThe storefront calls the **checkout API**, which reads the basket from the **cart** service,\nasks **pricing** for totals and hands payment to the payments service.\n\n\`\`\`\nstorefront → checkout-api → cart\n                          → pricing → money\n                          → payments (acme/payments)\n\`\`\`\n\nOrders are written by the orders service once payment is confirmed.\n`,
      'docs/runbook.md': `# Runbook\n\n## Checkout API returns 502\n\n1. Check the payments dashboard: most 502s are the payment provider timing out.\n2. If payments is healthy, look at the cart service's Redis memory.\n\n## Rolling back\n\nRe-deploy the previous image tag from the deploy pipeline. Releases are tagged per service.\n`,
      'services/cart/catalog-info.yaml': descriptor(
        component(
          'cart',
          'Holds shopping baskets between visits.',
          {
            type: 'service',
            lifecycle: 'production',
            owner: 'web',
            system: 'checkout',
            dependsOn: ['component:money'],
            path: 'services/cart',
          },
          { tags: ['typescript', 'redis'] },
        ),
      ),
      'services/cart/package.json': workspace('cart', 'Shopping baskets, kept in Redis.', { '@acme/money': '*' }),
      'services/cart/Dockerfile': nodeServiceDockerfile('services/cart'),
      'services/cart/src/index.ts': `import Fastify from 'fastify';\nimport { Redis } from 'ioredis';\nimport { CartStore } from './cart.ts';\n\nconst app = Fastify({ logger: true });\nconst carts = new CartStore(new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379'));\n\napp.get<{ Params: { id: string } }>('/carts/:id', async (request) => carts.get(request.params.id));\n\napp.post<{ Params: { id: string }; Body: { sku: string; quantity: number } }>('/carts/:id/items', async (request) => {\n  const { sku, quantity } = request.body;\n  return carts.add(request.params.id, sku, quantity);\n});\n\nawait app.listen({ port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' });\n`,
      'services/cart/src/cart.ts': `import type { Redis } from 'ioredis';\n\nexport interface CartLine {\n  sku: string;\n  quantity: number;\n}\n\n/** Baskets expire after 30 days without a visit. */\nconst TTL_SECONDS = 30 * 24 * 3600;\n\nexport class CartStore {\n  readonly #redis: Redis;\n\n  constructor(redis: Redis) {\n    this.#redis = redis;\n  }\n\n  async get(id: string): Promise<CartLine[]> {\n    const raw = await this.#redis.hgetall(\`cart:\${id}\`);\n    return Object.entries(raw).map(([sku, quantity]) => ({ sku, quantity: Number(quantity) }));\n  }\n\n  async add(id: string, sku: string, quantity: number): Promise<CartLine[]> {\n    if (!Number.isInteger(quantity) || quantity < 1) throw new Error('quantity must be a positive integer');\n    await this.#redis.multi().hincrby(\`cart:\${id}\`, sku, quantity).expire(\`cart:\${id}\`, TTL_SECONDS).exec();\n    return this.get(id);\n  }\n}\n`,
      'services/checkout-api/catalog-info.yaml': descriptor(
        component(
          'checkout-api',
          'The API the storefront calls to turn a cart into an order.',
          {
            type: 'service',
            lifecycle: 'production',
            owner: 'payments',
            system: 'checkout',
            providesApis: ['checkout-api'],
            consumesApis: ['payments-api', 'orders-api'],
            dependsOn: ['component:cart', 'component:pricing'],
            path: 'services/checkout-api',
          },
          {
            tags: ['typescript', 'fastify'],
            techdocs: true,
            links: [
              { url: 'https://grafana.acme.example/d/checkout', title: 'Dashboard', icon: 'dashboard' },
              { url: 'https://github.com/acme/checkout/blob/main/docs/runbook.md', title: 'Runbook', icon: 'docs' },
              { url: 'mailto:payments-oncall@acme.example', title: 'On-call', icon: 'email' },
            ],
          },
        ),
        entity(
          'API',
          { name: 'checkout-api', description: 'Create checkouts from carts and confirm them.', tags: ['rest'] },
          { type: 'openapi', lifecycle: 'production', owner: 'payments', system: 'checkout', definition: { $text: './openapi.yaml' } },
        ),
      ),
      'services/checkout-api/mkdocs.yml': 'site_name: Checkout API\nnav:\n  - Overview: index.md\n  - Errors: errors.md\n',
      'services/checkout-api/docs/index.md':
        "# Checkout API\n\n![Acme logo](img/acme-logo.png)\n\nThe checkout API turns a cart into a pending checkout. Routes are registered in\n[src/routes/checkout.ts](../src/routes/checkout.ts); the contract is [openapi.yaml](../openapi.yaml).\n\n## Creating a checkout\n\n```ts\nconst response = await fetch('/checkouts', {\n  method: 'POST',\n  headers: { 'content-type': 'application/json' },\n  body: JSON.stringify({ cartId: 'c-42', currency: 'EUR' }),\n});\n```\n\nWhat can go wrong is listed under [Errors](errors.md).\n",
      'services/checkout-api/docs/errors.md':
        '# Errors\n\n| Status | Meaning |\n| --- | --- |\n| 422 | The cart is empty or the currency is not supported. |\n| 502 | An upstream (cart, pricing, payments) did not answer in time. |\n\nThe [runbook](../../../docs/runbook.md#checkout-api-returns-502) covers 502s.\n',
      'services/checkout-api/docs/img/acme-logo.png': LOGO_PNG,
      'services/checkout-api/openapi.yaml': openapi('Checkout API', 'Turns a cart into a paid order.', 'checkouts', {
        id: 'string',
        cartId: 'string',
        total: 'integer',
        currency: 'string',
        status: 'string',
      }),
      'services/checkout-api/package.json': workspace('checkout-api', 'Checkout API.', { '@acme/money': '*' }),
      'services/checkout-api/Dockerfile': nodeServiceDockerfile('services/checkout-api'),
      'services/checkout-api/src/index.ts': `import Fastify from 'fastify';\nimport { registerCheckoutRoutes } from './routes/checkout.ts';\n\nconst app = Fastify({ logger: true });\nregisterCheckoutRoutes(app, {\n  cartUrl: process.env.CART_URL ?? 'http://cart:8080',\n  pricingUrl: process.env.PRICING_URL ?? 'http://pricing:8080',\n  paymentsUrl: process.env.PAYMENTS_URL ?? 'http://payments:8080',\n});\n\nawait app.listen({ port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' });\n`,
      'services/checkout-api/src/routes/checkout.ts': `import type { FastifyInstance } from 'fastify';\nimport { z } from 'zod';\n\nconst CreateCheckout = z.object({ cartId: z.string().min(1), currency: z.enum(['EUR', 'USD', 'GBP']) });\n\nexport interface Upstreams {\n  cartUrl: string;\n  pricingUrl: string;\n  paymentsUrl: string;\n}\n\nexport function registerCheckoutRoutes(app: FastifyInstance, upstreams: Upstreams): void {\n  app.post('/checkouts', async (request, reply) => {\n    const body = CreateCheckout.parse(request.body);\n    const cart = await fetch(new URL(\`/carts/\${body.cartId}\`, upstreams.cartUrl)).then((response) => response.json());\n    const quote = await fetch(new URL('/quotes', upstreams.pricingUrl), {\n      method: 'POST',\n      headers: { 'content-type': 'application/json' },\n      body: JSON.stringify({ lines: cart, currency: body.currency }),\n    }).then((response) => response.json());\n    reply.code(201);\n    return { id: crypto.randomUUID(), cartId: body.cartId, total: quote.total, currency: body.currency, status: 'pending' };\n  });\n}\n`,
      'services/pricing/catalog-info.yaml': descriptor(
        component(
          'pricing',
          'Computes totals, discounts and VAT for a cart.',
          {
            type: 'service',
            lifecycle: 'experimental',
            owner: 'payments',
            system: 'checkout',
            dependsOn: ['component:money'],
            path: 'services/pricing',
          },
          { tags: ['typescript'] },
        ),
      ),
      'services/pricing/package.json': workspace('pricing', 'Cart totals, discounts and VAT.', { '@acme/money': '*' }),
      'services/pricing/src/pricing.ts': `import { Money } from '@acme/money';\n\nexport interface Line {\n  sku: string;\n  quantity: number;\n  unitPrice: number;\n}\n\n/** VAT rates by country; prices are stored net. */\nconst VAT: Record<string, number> = { DE: 0.19, FR: 0.2, NL: 0.21, GB: 0.2 };\n\nexport function quote(lines: Line[], country: string, currency: string): { net: Money; vat: Money; total: Money } {\n  const net = lines.reduce((sum, line) => sum.add(Money.of(line.unitPrice * line.quantity, currency)), Money.zero(currency));\n  const vat = net.multiply(VAT[country] ?? 0);\n  return { net, vat, total: net.add(vat) };\n}\n`,
      'services/pricing/src/pricing.test.ts': `import { describe, expect, it } from 'vitest';\nimport { quote } from './pricing.ts';\n\ndescribe('quote', () => {\n  it('adds German VAT', () => {\n    const { total } = quote([{ sku: 'mug', quantity: 2, unitPrice: 1000 }], 'DE', 'EUR');\n    expect(total.minor).toBe(2380);\n  });\n\n  it('charges no VAT where none is configured', () => {\n    expect(quote([{ sku: 'mug', quantity: 1, unitPrice: 1000 }], 'US', 'USD').vat.minor).toBe(0);\n  });\n});\n`,
      'packages/money/catalog-info.yaml': descriptor(
        component(
          'money',
          'Integer money arithmetic with currencies and rounding rules.',
          { type: 'library', lifecycle: 'production', owner: 'payments', system: 'checkout', path: 'packages/money' },
          { tags: ['typescript', 'library'] },
        ),
      ),
      'packages/money/package.json': workspace('money', 'Money values in minor units.'),
      'packages/money/src/index.ts': `/** An amount in minor units (cents) of one currency. Never a float. */\nexport class Money {\n  private constructor(\n    readonly minor: number,\n    readonly currency: string,\n  ) {}\n\n  static of(minor: number, currency: string): Money {\n    if (!Number.isInteger(minor)) throw new Error('Money is counted in whole minor units');\n    return new Money(minor, currency);\n  }\n\n  static zero(currency: string): Money {\n    return new Money(0, currency);\n  }\n\n  add(other: Money): Money {\n    if (other.currency !== this.currency) throw new Error(\`Cannot add \${other.currency} to \${this.currency}\`);\n    return new Money(this.minor + other.minor, this.currency);\n  }\n\n  /** Banker's rounding, so that sums of rounded lines do not drift upwards. */\n  multiply(factor: number): Money {\n    const exact = this.minor * factor;\n    const floor = Math.floor(exact);\n    const rounded = exact - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(exact);\n    return new Money(rounded, this.currency);\n  }\n}\n`,
      'packages/money/src/money.test.ts': `import { expect, it } from 'vitest';\nimport { Money } from './index.ts';\n\nit('rounds half to even', () => {\n  expect(Money.of(5, 'EUR').multiply(0.5).minor).toBe(2);\n  expect(Money.of(7, 'EUR').multiply(0.5).minor).toBe(4);\n});\n\nit('refuses to mix currencies', () => {\n  expect(() => Money.of(1, 'EUR').add(Money.of(1, 'USD'))).toThrow();\n});\n`,
    },
    history: {
      firstDaysAgo: 700,
      lastDaysAgo: 2,
      commits: 96,
      authors: [amara, priya, liam, marcus],
      messages: [
        'Validate currency codes at the edge',
        'cart: expire baskets after 30 days',
        'pricing: add Dutch VAT',
        'Fix flaky checkout route test',
        'checkout-api: propagate request ids to upstreams',
        'money: use banker’s rounding',
        'Document the rollback procedure',
        'Return 422 for empty carts',
        'Split pricing out of checkout-api',
        'Log upstream latency per request',
        'Tidy up imports',
        'cart: guard against negative quantities',
      ],
      additions: [
        {
          message: 'Add pricing service',
          paths: [
            'services/pricing/catalog-info.yaml',
            'services/pricing/package.json',
            'services/pricing/src/pricing.ts',
            'services/pricing/src/pricing.test.ts',
          ],
        },
        { message: 'Add Renovate', paths: ['renovate.json'] },
        { message: 'Add CODEOWNERS', paths: ['.github/CODEOWNERS'] },
        { message: 'Pin GitHub Actions to commit SHAs', paths: ['.github/workflows/ci.yml'] },
        { message: 'Add security policy', paths: ['SECURITY.md'] },
      ],
      bot: {
        person: renovate,
        share: 0.15,
        messages: renovateMessages([
          ['fastify', '5.0.0', '5.1.0'],
          ['vitest', '2.1.4', '2.1.5'],
          ['eslint', '9.14.0', '9.15.0'],
          ['zod', '3.23.7', '3.23.8'],
          ['typescript', '5.6.2', '5.6.3'],
          ['pino', '9.4.0', '9.5.0'],
        ]),
        paths: ['package-lock.json'],
      },
      tags: release.tags,
    },
  };
}

function payments(): DemoRepo {
  const release = releases([
    { version: '2.0.0', daysAgo: 48, changes: ['Idempotency keys are required on every write', 'Drop the v0 refund endpoint'] },
    { version: '1.2.0', daysAgo: 271, changes: ['Partial refunds'] },
    { version: '1.1.0', daysAgo: 439, changes: ['3-D Secure challenges'] },
    { version: '1.0.0', daysAgo: 610, changes: ['First production release'] },
  ]);
  return {
    name: 'payments',
    demonstrates:
      'Go service with Component + API in one descriptor (`$text: ./api/openapi.yaml`), tag-pinned CI, distroless non-root image, release tags, a deleted .travis.yml, Dependabot.',
    tree: {
      'README.md': readme(
        'Payments',
        'Authorises, captures and refunds card payments for Acme orders. It is the only service that talks to the payment provider and the only one that stores payment state.',
        standardSections(
          'go',
          'Run locally against the provider sandbox:\n\n```sh\nexport PROVIDER_API_KEY=sk_test_...\ngo run ./cmd/payments\n```',
          { Operations: 'Runbooks and dashboards are linked from the catalog page. Deployments happen on every merge to `main`.' },
        ),
      ),
      LICENSE: APACHE_LICENSE,
      'SECURITY.md': securityPolicy('Payments'),
      CODEOWNERS: codeowners([
        ['*', '@acme/payments'],
        ['/api/', '@acme/payments @acme/platform'],
        ['/internal/http/', '@acme/payments @elodie-martin'],
      ]),
      'CHANGELOG.md': release.changelog,
      '.github/workflows/ci.yml': githubWorkflow('go', 'tag', { docker: 'payments' }),
      '.github/dependabot.yml': dependabotConfig(['gomod', 'github-actions', 'docker']),
      '.gitignore': gitignore('go'),
      Dockerfile: goServiceDockerfile('payments'),
      Makefile:
        'build:\n\tgo build -o bin/payments ./cmd/payments\n\ntest:\n\tgo test -race ./...\n\nlint:\n\tgolangci-lint run\n\n.PHONY: build test lint\n',
      ...goModule('github.com/acme/payments', '1.23.3', {
        'github.com/go-chi/chi/v5': 'v5.1.0',
        'github.com/jackc/pgx/v5': 'v5.7.1',
        'github.com/prometheus/client_golang': 'v1.20.5',
        'github.com/stretchr/testify': 'v1.9.0',
        'go.uber.org/zap': 'v1.27.0',
      }),
      'cmd/payments/main.go': `package main\n\nimport (\n\t"context"\n\t"net/http"\n\t"os"\n\t"os/signal"\n\t"time"\n\n\t"github.com/jackc/pgx/v5/pgxpool"\n\t"go.uber.org/zap"\n\n\tpayhttp "github.com/acme/payments/internal/http"\n\t"github.com/acme/payments/internal/payment"\n)\n\nfunc main() {\n\tlog, _ := zap.NewProduction()\n\tdefer log.Sync()\n\n\tctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)\n\tdefer stop()\n\n\tpool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))\n\tif err != nil {\n\t\tlog.Fatal("connect to database", zap.Error(err))\n\t}\n\tservice := payment.NewService(pool, payment.NewProvider(os.Getenv("PROVIDER_API_KEY")))\n\n\tserver := &http.Server{Addr: ":8080", Handler: payhttp.Router(service, log), ReadHeaderTimeout: 5 * time.Second}\n\tgo func() {\n\t\t<-ctx.Done()\n\t\tshutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)\n\t\tdefer cancel()\n\t\t_ = server.Shutdown(shutdown)\n\t}()\n\tif err := server.ListenAndServe(); err != http.ErrServerClosed {\n\t\tlog.Fatal("serve", zap.Error(err))\n\t}\n}\n`,
      'internal/payment/service.go': `package payment\n\nimport (\n\t"context"\n\t"errors"\n\n\t"github.com/jackc/pgx/v5/pgxpool"\n)\n\n// ErrDuplicate is returned when an idempotency key was already used for a different request.\nvar ErrDuplicate = errors.New("idempotency key reused with a different payload")\n\n// Payment is one authorisation and its captures and refunds, in minor units.\ntype Payment struct {\n\tID       string\n\tOrderID  string\n\tAmount   int64\n\tCurrency string\n\tStatus   string\n}\n\n// Service authorises and captures payments; every write is idempotent.\ntype Service struct {\n\tdb       *pgxpool.Pool\n\tprovider Provider\n}\n\nfunc NewService(db *pgxpool.Pool, provider Provider) *Service {\n\treturn &Service{db: db, provider: provider}\n}\n\n// Authorise reserves the amount on the customer's card. Retrying with the same key returns the\n// first result instead of charging twice.\nfunc (s *Service) Authorise(ctx context.Context, key string, orderID string, amount int64, currency string) (*Payment, error) {\n\tif existing, err := s.byKey(ctx, key); err == nil {\n\t\tif existing.OrderID != orderID || existing.Amount != amount {\n\t\t\treturn nil, ErrDuplicate\n\t\t}\n\t\treturn existing, nil\n\t}\n\tauthorisation, err := s.provider.Authorise(ctx, amount, currency)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tp := &Payment{ID: authorisation, OrderID: orderID, Amount: amount, Currency: currency, Status: "authorised"}\n\t_, err = s.db.Exec(ctx, "INSERT INTO payments (id, idempotency_key, order_id, amount, currency, status) VALUES ($1, $2, $3, $4, $5, $6)", p.ID, key, p.OrderID, p.Amount, p.Currency, p.Status)\n\treturn p, err\n}\n\nfunc (s *Service) byKey(ctx context.Context, key string) (*Payment, error) {\n\tp := &Payment{}\n\terr := s.db.QueryRow(ctx, "SELECT id, order_id, amount, currency, status FROM payments WHERE idempotency_key = $1", key).Scan(&p.ID, &p.OrderID, &p.Amount, &p.Currency, &p.Status)\n\treturn p, err\n}\n`,
      'internal/payment/provider.go': `package payment\n\nimport "context"\n\n// Provider is the card payment provider; only this package talks to it.\ntype Provider interface {\n\tAuthorise(ctx context.Context, amount int64, currency string) (string, error)\n\tCapture(ctx context.Context, authorisation string) error\n\tRefund(ctx context.Context, authorisation string, amount int64) error\n}\n\nfunc NewProvider(apiKey string) Provider {\n\treturn &httpProvider{apiKey: apiKey}\n}\n`,
      'internal/payment/service_test.go': `package payment\n\nimport (\n\t"testing"\n\n\t"github.com/stretchr/testify/require"\n)\n\nfunc TestDuplicateKeyWithDifferentAmountIsRejected(t *testing.T) {\n\tdb := newTestDB(t)\n\ts := NewService(db, fakeProvider{})\n\t_, err := s.Authorise(t.Context(), "key-1", "order-1", 1000, "EUR")\n\trequire.NoError(t, err)\n\t_, err = s.Authorise(t.Context(), "key-1", "order-1", 2000, "EUR")\n\trequire.ErrorIs(t, err, ErrDuplicate)\n}\n`,
      'internal/http/handler.go': `package http\n\nimport (\n\t"encoding/json"\n\tnethttp "net/http"\n\n\t"github.com/go-chi/chi/v5"\n\t"go.uber.org/zap"\n\n\t"github.com/acme/payments/internal/payment"\n)\n\n// Router serves the payments API described in api/openapi.yaml.\nfunc Router(service *payment.Service, log *zap.Logger) nethttp.Handler {\n\tr := chi.NewRouter()\n\tr.Post("/payments", func(w nethttp.ResponseWriter, req *nethttp.Request) {\n\t\tkey := req.Header.Get("Idempotency-Key")\n\t\tif key == "" {\n\t\t\tnethttp.Error(w, "Idempotency-Key header is required", nethttp.StatusBadRequest)\n\t\t\treturn\n\t\t}\n\t\tvar body struct {\n\t\t\tOrderID  string \`json:"orderId"\`\n\t\t\tAmount   int64  \`json:"amount"\`\n\t\t\tCurrency string \`json:"currency"\`\n\t\t}\n\t\tif err := json.NewDecoder(req.Body).Decode(&body); err != nil {\n\t\t\tnethttp.Error(w, err.Error(), nethttp.StatusUnprocessableEntity)\n\t\t\treturn\n\t\t}\n\t\tp, err := service.Authorise(req.Context(), key, body.OrderID, body.Amount, body.Currency)\n\t\tif err != nil {\n\t\t\tlog.Warn("authorise failed", zap.Error(err))\n\t\t\tnethttp.Error(w, "payment failed", nethttp.StatusBadGateway)\n\t\t\treturn\n\t\t}\n\t\tw.WriteHeader(nethttp.StatusCreated)\n\t\t_ = json.NewEncoder(w).Encode(p)\n\t})\n\treturn r\n}\n`,
      'api/openapi.yaml': openapi('Payments API', 'Authorise, capture and refund card payments.', 'payments', {
        id: 'string',
        orderId: 'string',
        amount: 'integer',
        currency: 'string',
        status: 'string',
      }),
      'docs/index.md':
        '# Payments\n\nPayments owns the payment state machine: `authorised → captured → (partially) refunded`.\n\n- [Runbook](runbook.md)\n- [Idempotency keys](guides/idempotency.md)\n- [Local setup](guides/local-setup.md)\n',
      'docs/guides/idempotency.md':
        '# Idempotency keys\n\nEvery write takes an `Idempotency-Key` header. Retrying with the same key returns the first\nresult; the same key with a different payload is rejected with `ErrDuplicate`\n(see [internal/payment/service.go](../../internal/payment/service.go)).\n\n```go\np, err := service.Authorise(ctx, key, orderID, 1000, "EUR")\nif errors.Is(err, payment.ErrDuplicate) {\n\treturn nethttp.StatusConflict\n}\n```\n\nBack to the [overview](../index.md).\n',
      'docs/guides/local-setup.md':
        '# Local setup\n\n```bash\nexport PROVIDER_API_KEY=sk_test_local\ndocker compose up -d postgres\ngo run ./cmd/payments\n```\n\nThen authorise a test payment:\n\n```bash\ncurl -X POST localhost:8080/payments -H "Idempotency-Key: $(uuidgen)" -d \'{"orderId":"o-1","amount":1000,"currency":"EUR"}\'\n```\n\nIf the provider sandbox is slow, read the [runbook](../runbook.md#provider-timeouts).\n',
      'docs/runbook.md':
        '# Runbook\n\n## Provider timeouts\n\nThe provider answers within 2 s at p99. Above that, check https://status.provider.example and\nswitch traffic to the secondary account with `make failover`.\n',
      'catalog-info.yaml': descriptor(
        entity(
          'Component',
          {
            name: 'payments',
            title: 'Payments',
            description: 'Authorises, captures and refunds card payments.',
            tags: ['go', 'pci'],
            links: [
              { url: 'https://grafana.acme.example/d/payments', title: 'Dashboard', icon: 'dashboard' },
              { url: 'https://acme.pagerduty.example/services/PAYMENTS', title: 'PagerDuty' },
            ],
            annotations: githubAnnotations('payments', { techdocs: true }),
          },
          {
            type: 'service',
            lifecycle: 'production',
            owner: 'group:payments',
            system: 'checkout',
            providesApis: ['payments-api'],
            consumesApis: ['order-events'],
            dependsOn: ['resource:payments-db'],
          },
        ),
        entity(
          'API',
          { name: 'payments-api', description: 'Authorise, capture and refund card payments.', tags: ['rest'] },
          {
            type: 'openapi',
            lifecycle: 'production',
            owner: 'group:payments',
            system: 'checkout',
            definition: { $text: './api/openapi.yaml' },
          },
        ),
      ),
    },
    history: {
      firstDaysAgo: 690,
      lastDaysAgo: 6,
      commits: 84,
      authors: [priya, marcus, elodie],
      messages: [
        'Require Idempotency-Key on POST /payments',
        'Retry provider timeouts with jitter',
        'Add partial refunds',
        'Store amounts as int64 minor units',
        'Handle 3-D Secure challenge responses',
        'Graceful shutdown on SIGINT',
        'Mask card numbers in logs',
        'Document provider failover',
        'Add capture endpoint',
        'Return 502 when the provider is down',
      ],
      additions: [
        {
          message: 'Move CI from Travis to GitHub Actions',
          paths: ['.github/workflows/ci.yml'],
          replaces: { '.travis.yml': 'language: go\ngo:\n  - "1.21"\nscript:\n  - go test ./...\n' },
        },
        { message: 'Add Dependabot', paths: ['.github/dependabot.yml'] },
        { message: 'Add security policy', paths: ['SECURITY.md'] },
        {
          message: 'Add TechDocs',
          paths: ['docs/index.md', 'docs/runbook.md', 'docs/guides/idempotency.md', 'docs/guides/local-setup.md'],
        },
      ],
      bot: {
        person: dependabot,
        share: 0.12,
        messages: dependabotMessages([
          ['github.com/jackc/pgx/v5', '5.6.0', '5.7.1'],
          ['go.uber.org/zap', '1.26.0', '1.27.0'],
          ['github.com/go-chi/chi/v5', '5.0.12', '5.1.0'],
          ['github.com/prometheus/client_golang', '1.20.4', '1.20.5'],
        ]),
        paths: ['go.sum'],
      },
      tags: release.tags,
    },
  };
}

function orders(): DemoRepo {
  const java = (path: string, body: string) => [`src/main/java/com/acme/orders/${path}`, `package com.acme.orders;\n\n${body}`] as const;
  const orderEvents = `asyncapi: 2.6.0
info:
  title: Order events
  version: 1.0.0
channels:
  orders.v1:
    subscribe:
      message:
        name: OrderPlaced
        payload:
          type: object
          required: [orderId, total, currency]
          properties:
            orderId:
              type: string
            total:
              type: integer
            currency:
              type: string
`;
  return {
    name: 'orders',
    demonstrates:
      'Java/Maven service with a Jenkinsfile, CODEOWNERS in docs/, a tag-pinned base image without USER, and an AsyncAPI API with an inline definition.',
    tree: {
      'README.md': readme('Orders', 'Stores orders once they are paid and publishes an `OrderPlaced` event for every new order.', {
        Usage: '```sh\n./mvnw spring-boot:run\n```\n\nThe API is described in `src/main/resources/openapi.yaml`.',
        Configuration:
          '| Variable | Default |\n|---|---|\n| `SPRING_DATASOURCE_URL` | `jdbc:postgresql://localhost/orders` |\n| `KAFKA_BOOTSTRAP_SERVERS` | `localhost:9092` |',
      }),
      LICENSE: mitLicense(2024),
      'docs/CODEOWNERS': codeowners([
        ['*', '@acme/payments'],
        ['*.sql', '@acme/payments @acme/data'],
      ]),
      Jenkinsfile: `pipeline {\n  agent { docker { image 'maven:3.9-eclipse-temurin-21' } }\n  options { timeout(time: 20, unit: 'MINUTES') }\n  stages {\n    stage('Build') {\n      steps { sh './mvnw -B -DskipTests package' }\n    }\n    stage('Test') {\n      steps { sh './mvnw -B verify' }\n      post { always { junit 'target/surefire-reports/*.xml' } }\n    }\n    stage('Image') {\n      when { branch 'main' }\n      steps { sh 'docker build -t registry.acme.example/orders:$GIT_COMMIT .' }\n    }\n  }\n}\n`,
      Dockerfile:
        'FROM eclipse-temurin:21-jre\nWORKDIR /app\nCOPY target/orders.jar app.jar\nEXPOSE 8080\nENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]\n',
      '.gitignore': gitignore('maven'),
      'pom.xml': pom({
        artifactId: 'orders',
        version: '1.8.0',
        name: 'orders',
        description: 'Stores paid orders and publishes order events.',
        dependencies: [
          'org.springframework.boot:spring-boot-starter-web',
          'org.springframework.boot:spring-boot-starter-data-jpa',
          'org.springframework.kafka:spring-kafka',
          'org.postgresql:postgresql:runtime',
          'org.springframework.boot:spring-boot-starter-test:test',
        ],
      }),
      ...Object.fromEntries([
        java(
          'OrdersApplication.java',
          'import org.springframework.boot.SpringApplication;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class OrdersApplication {\n    public static void main(String[] args) {\n        SpringApplication.run(OrdersApplication.class, args);\n    }\n}\n',
        ),
        java(
          'Order.java',
          'import jakarta.persistence.Entity;\nimport jakarta.persistence.Id;\nimport java.time.Instant;\n\n@Entity\npublic class Order {\n    @Id\n    private String id;\n    private String customerId;\n    private long total;\n    private String currency;\n    private Instant placedAt;\n\n    protected Order() {}\n\n    public Order(String id, String customerId, long total, String currency, Instant placedAt) {\n        this.id = id;\n        this.customerId = customerId;\n        this.total = total;\n        this.currency = currency;\n        this.placedAt = placedAt;\n    }\n\n    public String getId() { return id; }\n    public long getTotal() { return total; }\n    public String getCurrency() { return currency; }\n}\n',
        ),
        java(
          'OrderService.java',
          'import java.time.Clock;\nimport java.time.Instant;\nimport java.util.UUID;\nimport org.springframework.kafka.core.KafkaTemplate;\nimport org.springframework.stereotype.Service;\nimport org.springframework.transaction.annotation.Transactional;\n\n@Service\npublic class OrderService {\n    private final OrderRepository repository;\n    private final KafkaTemplate<String, Object> kafka;\n    private final Clock clock;\n\n    public OrderService(OrderRepository repository, KafkaTemplate<String, Object> kafka, Clock clock) {\n        this.repository = repository;\n        this.kafka = kafka;\n        this.clock = clock;\n    }\n\n    /** Saves the order, then announces it; consumers must tolerate duplicates. */\n    @Transactional\n    public Order place(String customerId, long total, String currency) {\n        Order order = repository.save(new Order(UUID.randomUUID().toString(), customerId, total, currency, Instant.now(clock)));\n        kafka.send("orders.v1", order.getId(), new OrderPlaced(order.getId(), total, currency));\n        return order;\n    }\n}\n',
        ),
        java(
          'OrderController.java',
          'import org.springframework.http.HttpStatus;\nimport org.springframework.web.bind.annotation.*;\n\n@RestController\n@RequestMapping("/orders")\npublic class OrderController {\n    private final OrderService orders;\n\n    public OrderController(OrderService orders) {\n        this.orders = orders;\n    }\n\n    record PlaceOrder(String customerId, long total, String currency) {}\n\n    @PostMapping\n    @ResponseStatus(HttpStatus.CREATED)\n    public Order place(@RequestBody PlaceOrder request) {\n        return orders.place(request.customerId(), request.total(), request.currency());\n    }\n}\n',
        ),
      ]),
      'src/main/resources/application.yml':
        'spring:\n  application:\n    name: orders\n  jpa:\n    open-in-view: false\n  kafka:\n    producer:\n      acks: all\nserver:\n  shutdown: graceful\n',
      'src/main/resources/openapi.yaml': openapi('Orders API', 'Paid orders.', 'orders', {
        id: 'string',
        customerId: 'string',
        total: 'integer',
        currency: 'string',
        placedAt: 'string',
      }),
      'src/test/java/com/acme/orders/OrderServiceTest.java':
        'package com.acme.orders;\n\nimport static org.assertj.core.api.Assertions.assertThat;\n\nimport org.junit.jupiter.api.Test;\nimport org.springframework.boot.test.context.SpringBootTest;\n\n@SpringBootTest\nclass OrderServiceTest {\n    @Test\n    void placedOrderKeepsItsTotal() {\n        assertThat(new Order("o-1", "c-1", 2500, "EUR", null).getTotal()).isEqualTo(2500);\n    }\n}\n',
      'catalog-info.yaml': descriptor(
        entity(
          'Component',
          {
            name: 'orders',
            description: 'Stores paid orders and publishes order events.',
            tags: ['java', 'spring-boot', 'kafka'],
            annotations: githubAnnotations('orders', { extra: { 'jenkins.io/job-full-name': 'acme/orders' } }),
          },
          {
            type: 'service',
            lifecycle: 'production',
            owner: 'payments',
            system: 'checkout',
            providesApis: ['orders-api', 'order-events'],
            consumesApis: ['payments-api'],
            dependsOn: ['resource:orders-db', 'resource:order-events-topic', 'component:payments'],
          },
        ),
        entity(
          'API',
          { name: 'orders-api', description: 'Read and place orders.' },
          {
            type: 'openapi',
            lifecycle: 'production',
            owner: 'payments',
            system: 'checkout',
            definition: { $text: './src/main/resources/openapi.yaml' },
          },
        ),
        entity(
          'API',
          { name: 'order-events', description: 'OrderPlaced events on the orders.v1 topic.', tags: ['kafka', 'events'] },
          { type: 'asyncapi', lifecycle: 'production', owner: 'payments', system: 'checkout', definition: orderEvents },
        ),
      ),
    },
    history: {
      firstDaysAgo: 640,
      lastDaysAgo: 25,
      commits: 58,
      authors: [marcus, priya, jonas],
      messages: [
        'Publish OrderPlaced after commit',
        'Add placedAt to orders',
        'Graceful shutdown',
        'Upgrade to Spring Boot 3.3',
        'Validate currency on place',
        'Use a Clock bean for testability',
        'Expose Prometheus metrics',
        'Reduce Kafka producer retries',
      ],
      additions: [
        { message: 'Add Jenkins pipeline', paths: ['Jenkinsfile'] },
        { message: 'Describe the order events with AsyncAPI', paths: ['catalog-info.yaml'] },
        { message: 'Add CODEOWNERS', paths: ['docs/CODEOWNERS'] },
      ],
    },
  };
}

function storefront(): DemoRepo {
  const npm = npmPackage({
    name: 'storefront',
    version: '4.12.0',
    private: true,
    description: 'The acme.example web shop.',
    type: 'module',
    scripts: { dev: 'astro dev', build: 'astro build', test: 'vitest run', lint: 'eslint .' },
    dependencies: { astro: '^4.16.13', '@acme/design-system': '^2.3.0', '@grpc/grpc-js': '^1.12.2' },
    devDependencies: { typescript: '^5.6.3', vitest: '^2.1.5', eslint: '^9.15.0' },
  });
  return {
    name: 'storefront',
    demonstrates:
      'Astro website: `FROM node:latest`, mixed tag/branch CI pins, mkdocs.yml with a nav, a binary PNG, and a `javascript:alert(1)` link that must not become a link.',
    tree: {
      'README.md': readme('Storefront', 'The acme.example web shop.'),
      LICENSE: mitLicense(2023),
      '.github/CODEOWNERS': codeowners([['*', '@acme/web']]),
      '.github/workflows/ci.yml': githubWorkflow('node', 'tag'),
      '.github/workflows/deploy.yml': `name: Deploy\n\non:\n  push:\n    branches: [main]\n\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@main\n      - uses: actions/setup-node@v4\n        with:\n          node-version: lts/*\n      - run: npm ci && npm run build\n      - uses: peaceiris/actions-gh-pages@v4\n        with:\n          github_token: \${{ secrets.GITHUB_TOKEN }}\n          publish_dir: ./dist\n`,
      Dockerfile:
        'FROM node:latest\nWORKDIR /app\nCOPY . .\nRUN npm install && npm run build\nEXPOSE 4321\nCMD ["npx", "astro", "preview", "--host"]\n',
      '.nvmrc': 'lts/*\n',
      '.gitignore': gitignore('node'),
      ...npm,
      'astro.config.mjs':
        "import { defineConfig } from 'astro/config';\n\nexport default defineConfig({\n  site: 'https://shop.acme.example',\n  output: 'static',\n});\n",
      'src/pages/index.astro':
        "---\nimport Layout from '../layouts/Layout.astro';\nimport ProductCard from '../components/ProductCard.astro';\nimport { featuredProducts } from '../lib/catalog-client.ts';\n\nconst products = await featuredProducts();\n---\n\n<Layout title=\"Acme shop\">\n  <h1>New this week</h1>\n  <ul class=\"grid\">\n    {products.map((product) => <li><ProductCard product={product} /></li>)}\n  </ul>\n</Layout>\n",
      'src/layouts/Layout.astro':
        '---\nimport \'../styles/global.css\';\n\ninterface Props {\n  title: string;\n}\nconst { title } = Astro.props;\n---\n\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <link rel="icon" href="/logo.png" />\n    <title>{title}</title>\n  </head>\n  <body>\n    <slot />\n  </body>\n</html>\n',
      'src/components/ProductCard.astro':
        '---\nimport { Card, Price } from \'@acme/design-system\';\nimport type { Product } from \'../lib/catalog-client.ts\';\n\ninterface Props {\n  product: Product;\n}\nconst { product } = Astro.props;\n---\n\n<Card>\n  <img src={product.image} alt="" loading="lazy" />\n  <h2>{product.name}</h2>\n  <Price minor={product.price} currency={product.currency} />\n</Card>\n',
      'src/lib/catalog-client.ts':
        "export interface Product {\n  sku: string;\n  name: string;\n  image: string;\n  price: number;\n  currency: string;\n}\n\nconst SEARCH_URL = import.meta.env.SEARCH_URL ?? 'https://api.acme.example/search/v1';\n\n/** Featured products come from the search API so that ranking stays in one place. */\nexport async function featuredProducts(): Promise<Product[]> {\n  const response = await fetch(new URL('/products?featured=true', SEARCH_URL));\n  if (!response.ok) return [];\n  return (await response.json()) as Product[];\n}\n",
      'src/lib/checkout-client.ts':
        "const CHECKOUT_URL = import.meta.env.CHECKOUT_URL ?? 'https://api.acme.example/checkouts/v1';\n\nexport async function startCheckout(cartId: string, currency: string): Promise<{ id: string }> {\n  const response = await fetch(new URL('/checkouts', CHECKOUT_URL), {\n    method: 'POST',\n    headers: { 'content-type': 'application/json' },\n    body: JSON.stringify({ cartId, currency }),\n  });\n  if (!response.ok) throw new Error('checkout failed: ' + response.status);\n  return response.json();\n}\n",
      'src/styles/global.css':
        ':root {\n  --ink: #374151;\n  --paper: #ffffff;\n  --accent: #2563eb;\n  --radius: 12px;\n}\n\n* {\n  box-sizing: border-box;\n}\n\nbody {\n  margin: 0;\n  font-family: system-ui, sans-serif;\n  color: var(--ink);\n  background: var(--paper);\n}\n\n.grid {\n  display: grid;\n  gap: 1.5rem;\n  grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));\n  padding: 0;\n  list-style: none;\n}\n\n:focus-visible {\n  outline: 3px solid var(--accent);\n  outline-offset: 2px;\n}\n\n@media (prefers-reduced-motion: reduce) {\n  * {\n    animation: none !important;\n    transition: none !important;\n  }\n}\n',
      'public/logo.png': LOGO_PNG,
      'public/robots.txt': 'User-agent: *\nAllow: /\nSitemap: https://shop.acme.example/sitemap-index.xml\n',
      'mkdocs.yml':
        'site_name: Storefront\nsite_description: How the acme.example web shop is built and deployed\nrepo_url: https://github.com/acme/storefront\nnav:\n  - Home: index.md\n  - Architecture: architecture.md\n  - Guides:\n      - Local development: guides/local-development.md\n      - Calling the checkout API: guides/checkout-api.md\n  - Deployment: deployment.md\nplugins:\n  - techdocs-core\nmarkdown_extensions:\n  - admonition\n  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n          class: mermaid\n          format: !!python/name:pymdownx.superfences.fence_code_format\n',
      'docs/index.md':
        '# Storefront\n\nThe storefront is a static Astro site with a few server islands for the cart.\n\n![Logo](../public/logo.png)\n',
      'docs/architecture.md':
        '# Architecture\n\nProduct pages are pre-rendered nightly from the search API. The cart and checkout call the\ncheckout API directly from the browser; sign-in goes through the auth service.\n\nSee [Calling the checkout API](guides/checkout-api.md) for the client code.\n',
      'docs/guides/local-development.md':
        '# Local development\n\n## Running the site\n\n```bash\nnpm ci\nnpm run dev -- --port 4321\n```\n\nThe dev server proxies nothing: set the API URLs in `.env` when you need real data.\n\n## Environment\n\n```yaml\n# .env.example, as YAML for readability\nSEARCH_URL: http://localhost:8081/search/v1\nCHECKOUT_URL: http://localhost:8080/checkouts/v1\n```\n\nNext: [calling the checkout API](checkout-api.md#starting-a-checkout).\n',
      'docs/guides/checkout-api.md':
        "# Calling the checkout API\n\n## Starting a checkout\n\nThe browser starts a checkout with one call; the client lives in\n[src/lib/checkout-client.ts](../../src/lib/checkout-client.ts).\n\n```ts\nimport { startCheckout } from '../lib/checkout-client.ts';\n\nconst { id } = await startCheckout(cart.id, 'EUR');\nwindow.location.assign(`/checkout/${id}`);\n```\n\nErrors are shown inline; see [Architecture](../architecture.md) for how the services fit together.\n",
      'docs/deployment.md':
        '# Deployment\n\nEvery merge to `main` builds the site and publishes it to GitHub Pages.\n\n!!! note "Local preview"\n    The Docker image exists for local preview only.\n',
      'catalog-info.yaml': descriptor(
        entity(
          'Component',
          {
            name: 'storefront',
            title: 'Storefront',
            description: 'The acme.example web shop.',
            tags: ['astro', 'typescript', 'website'],
            links: [
              { url: 'https://shop.acme.example', title: 'Production', icon: 'web' },
              { url: 'https://staging.shop.acme.example', title: 'Staging' },
              // Descriptors are untrusted: the portal must render this as text, never as a link.
              { url: 'javascript:alert(1)', title: 'Click me' },
            ],
            annotations: githubAnnotations('storefront', { techdocs: true }),
          },
          {
            type: 'website',
            lifecycle: 'production',
            owner: 'web',
            system: 'storefront',
            consumesApis: ['checkout-api', 'search-api', 'auth-grpc'],
            dependsOn: ['component:design-system'],
          },
        ),
      ),
    },
    history: {
      firstDaysAgo: 720,
      lastDaysAgo: 1,
      commits: 92,
      authors: [amara, liam],
      messages: [
        'Lazy-load product images',
        'Fix layout shift on product cards',
        'Use the design system Price component',
        'Pre-render featured products',
        'Add robots.txt',
        'Move checkout calls to a client module',
        'Document the deployment',
        'Show a fallback when search is down',
        'Bump Astro',
        'Fix focus outline on cards',
        'Add sitemap',
      ],
      additions: [
        {
          message: 'Add TechDocs with mkdocs',
          paths: [
            'mkdocs.yml',
            'docs/index.md',
            'docs/architecture.md',
            'docs/deployment.md',
            'docs/guides/local-development.md',
            'docs/guides/checkout-api.md',
          ],
        },
        { message: 'Deploy to GitHub Pages', paths: ['.github/workflows/deploy.yml'] },
        { message: 'Add logo', paths: ['public/logo.png'] },
      ],
    },
  };
}

function designSystem(): DemoRepo {
  const release = releases([
    { version: '2.3.0', daysAgo: 31, changes: ['`Price` accepts a locale', 'Dark mode tokens'] },
    { version: '2.2.0', daysAgo: 136, changes: ['`Card` component'] },
    { version: '2.0.0', daysAgo: 335, changes: ['Design tokens as CSS custom properties', 'Drop IE 11 styles'] },
    { version: '1.0.0', daysAgo: 591, changes: ['Button, Price, Stack'] },
  ]);
  const npm = npmPackage({
    name: '@acme/design-system',
    version: '2.3.0',
    description: 'Acme UI components and design tokens.',
    license: 'MIT',
    type: 'module',
    scripts: { build: 'tsc -p . && vite build', test: 'vitest run', lint: 'eslint .', storybook: 'storybook dev -p 6006' },
    dependencies: { clsx: '^2.1.1' },
    devDependencies: {
      react: '^18.3.1',
      'react-dom': '^18.3.1',
      typescript: '^5.6.3',
      vite: '^5.4.11',
      vitest: '^2.1.5',
      storybook: '^8.4.4',
      '@testing-library/react': '^16.0.1',
    },
  });
  return {
    name: 'design-system',
    demonstrates: 'TypeScript library with a full README, SHA-pinned CI, Renovate, a CHANGELOG and annotated release tags.',
    tree: {
      'README.md': readme(
        'Acme design system',
        'React components and design tokens shared by every Acme web front end, so that buttons, prices and cards look and behave the same everywhere.',
        standardSections(
          'node',
          '```tsx\nimport { Button, Price } from \'@acme/design-system\';\n\n<Button variant="primary">Pay</Button>\n<Price minor={2380} currency="EUR" />\n```\n\nBrowse every component in Storybook: `npm run storybook`.',
          { Releasing: 'Merging to `main` with a changeset publishes a new version to the internal registry.' },
        ),
      ),
      LICENSE: mitLicense(2024),
      CODEOWNERS: codeowners([['*', '@acme/web']]),
      'CHANGELOG.md': release.changelog,
      '.github/workflows/ci.yml': githubWorkflow('node', 'sha', { permissions: true }),
      '.github/workflows/release.yml': githubWorkflow('node', 'sha', { name: 'Release', permissions: true }),
      'renovate.json': renovateConfig(),
      '.nvmrc': `${NODE_VERSION}\n`,
      '.gitignore': gitignore('node'),
      ...npm,
      'src/index.ts':
        "export { Button } from './Button.tsx';\nexport { Card } from './Card.tsx';\nexport { Price } from './Price.tsx';\nexport { tokens } from './tokens.ts';\n",
      'src/tokens.ts':
        "/** Design tokens; the CSS custom properties are generated from this object. */\nexport const tokens = {\n  color: {\n    ink: '#374151',\n    paper: '#ffffff',\n    accent: '#2563eb',\n    danger: '#b91c1c',\n  },\n  space: { 1: '4px', 2: '8px', 3: '12px', 4: '16px', 6: '24px' },\n  radius: { small: '4px', large: '12px' },\n} as const;\n",
      'src/Button.tsx':
        "import clsx from 'clsx';\nimport type { ButtonHTMLAttributes } from 'react';\n\nexport interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {\n  variant?: 'primary' | 'secondary' | 'danger';\n}\n\nexport function Button({ variant = 'secondary', className, ...props }: ButtonProps) {\n  return <button type=\"button\" className={clsx('acme-button', `acme-button--${variant}`, className)} {...props} />;\n}\n",
      'src/Price.tsx':
        "export interface PriceProps {\n  minor: number;\n  currency: string;\n  locale?: string;\n}\n\n/** Formats minor units; never pass floats around for money. */\nexport function Price({ minor, currency, locale = 'en-GB' }: PriceProps) {\n  const text = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);\n  return <span className=\"acme-price\">{text}</span>;\n}\n",
      'src/Card.tsx':
        'import type { ReactNode } from \'react\';\n\nexport function Card({ children }: { children: ReactNode }) {\n  return <article className="acme-card">{children}</article>;\n}\n',
      'src/Button.test.tsx':
        "import { render, screen } from '@testing-library/react';\nimport { expect, it } from 'vitest';\nimport { Button } from './Button.tsx';\n\nit('defaults to a non-submitting secondary button', () => {\n  render(<Button>Save</Button>);\n  const button = screen.getByRole('button', { name: 'Save' });\n  expect(button.getAttribute('type')).toBe('button');\n  expect(button.className).toContain('acme-button--secondary');\n});\n",
      'catalog-info.yaml': descriptor(
        entity(
          'Component',
          {
            name: 'design-system',
            title: 'Design system',
            description: 'Acme UI components and design tokens.',
            tags: ['react', 'typescript', 'design-system'],
            links: [{ url: 'https://storybook.acme.example', title: 'Storybook' }],
            annotations: githubAnnotations('design-system'),
          },
          { type: 'library', lifecycle: 'production', owner: 'group:default/web', system: 'storefront' },
        ),
      ),
    },
    history: {
      firstDaysAgo: 600,
      lastDaysAgo: 30,
      commits: 64,
      authors: [liam, amara],
      messages: [
        'Add Price component',
        'Add Card component',
        'Dark mode tokens',
        'Fix Button focus ring contrast',
        'Export tokens as CSS variables',
        'Storybook stories for Price',
        'Accept a locale in Price',
        'Remove IE 11 styles',
      ],
      additions: [
        { message: 'Add Renovate', paths: ['renovate.json'] },
        { message: 'Publish releases from CI', paths: ['.github/workflows/release.yml'] },
      ],
      bot: {
        person: renovate,
        share: 0.2,
        messages: renovateMessages([
          ['vite', '5.4.10', '5.4.11'],
          ['vitest', '2.1.4', '2.1.5'],
          ['storybook', '8.4.2', '8.4.4'],
          ['typescript', '5.6.2', '5.6.3'],
          ['clsx', '2.1.0', '2.1.1'],
        ]),
        paths: ['package-lock.json'],
      },
      tags: release.tags,
    },
  };
}

function authService(): DemoRepo {
  const proto = `syntax = "proto3";

package acme.auth.v1;

option go_package = "github.com/acme/auth-service/gen/auth/v1;authv1";

// Issues and verifies session tokens for Acme's web and mobile clients.
service AuthService {
  rpc IssueToken(IssueTokenRequest) returns (IssueTokenResponse);
  rpc VerifyToken(VerifyTokenRequest) returns (VerifyTokenResponse);
}

message IssueTokenRequest {
  string email = 1;
  string password = 2;
}

message IssueTokenResponse {
  string token = 1;
  int64 expires_at = 2;
}

message VerifyTokenRequest {
  string token = 1;
}

message VerifyTokenResponse {
  bool valid = 1;
  string subject = 2;
}
`;
  return {
    name: 'auth-service',
    demonstrates:
      'Go gRPC service: a `type: grpc` API with an inline protobuf definition, SHA-pinned CI, digest-pinned distroless image running as nonroot.',
    tree: {
      'README.md': readme(
        'Auth service',
        'Issues and verifies session tokens for Acme’s web and mobile clients over gRPC. Tokens are short-lived JWTs signed with keys rotated every week.',
        standardSections('go', '```sh\ngo run ./cmd/auth --signing-key-file=dev.key\ngrpcurl -plaintext localhost:9090 list\n```', {
          Architecture:
            'Keys live in the secrets manager; the service caches the current and the previous key so that tokens survive a rotation.',
        }),
      ),
      LICENSE: APACHE_LICENSE,
      'SECURITY.md': securityPolicy('the auth service'),
      '.github/CODEOWNERS': codeowners([
        ['*', '@acme/platform'],
        ['/internal/token/', '@acme/platform @acme/security'],
      ]),
      '.github/workflows/ci.yml': githubWorkflow('go', 'sha', { docker: 'auth-service', permissions: true }),
      '.github/dependabot.yml': dependabotConfig(['gomod', 'github-actions']),
      '.gitignore': gitignore('go'),
      Dockerfile: goServiceDockerfile('auth'),
      ...goModule('github.com/acme/auth-service', '1.23.3', {
        'github.com/golang-jwt/jwt/v5': 'v5.2.1',
        'google.golang.org/grpc': 'v1.68.0',
        'google.golang.org/protobuf': 'v1.35.2',
        'github.com/stretchr/testify': 'v1.9.0',
      }),
      'proto/auth/v1/auth.proto': proto,
      'cmd/auth/main.go':
        'package main\n\nimport (\n\t"flag"\n\t"log"\n\t"net"\n\n\t"google.golang.org/grpc"\n\n\tauthv1 "github.com/acme/auth-service/gen/auth/v1"\n\t"github.com/acme/auth-service/internal/token"\n)\n\nfunc main() {\n\tkeyFile := flag.String("signing-key-file", "", "PEM file with the current signing key")\n\tflag.Parse()\n\n\tissuer, err := token.NewIssuerFromFile(*keyFile)\n\tif err != nil {\n\t\tlog.Fatalf("load signing key: %v", err)\n\t}\n\tlistener, err := net.Listen("tcp", ":9090")\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tserver := grpc.NewServer()\n\tauthv1.RegisterAuthServiceServer(server, token.NewServer(issuer))\n\tlog.Fatal(server.Serve(listener))\n}\n',
      'internal/token/issuer.go':
        'package token\n\nimport (\n\t"crypto/ed25519"\n\t"time"\n\n\t"github.com/golang-jwt/jwt/v5"\n)\n\n// Lifetime is short on purpose: revocation is handled by letting tokens expire.\nconst Lifetime = 15 * time.Minute\n\n// Issuer signs tokens with the current key and accepts the previous one during a rotation.\ntype Issuer struct {\n\tcurrent  ed25519.PrivateKey\n\tprevious ed25519.PublicKey\n\tnow      func() time.Time\n}\n\nfunc (i *Issuer) Issue(subject string) (string, time.Time, error) {\n\texpires := i.now().Add(Lifetime)\n\tclaims := jwt.RegisteredClaims{Subject: subject, ExpiresAt: jwt.NewNumericDate(expires), Issuer: "acme-auth"}\n\tsigned, err := jwt.NewWithClaims(jwt.SigningMethodEdDSA, claims).SignedString(i.current)\n\treturn signed, expires, err\n}\n',
      'internal/token/issuer_test.go':
        'package token\n\nimport (\n\t"crypto/ed25519"\n\t"testing"\n\t"time"\n\n\t"github.com/stretchr/testify/require"\n)\n\nfunc TestTokensExpireAfterLifetime(t *testing.T) {\n\t_, key, _ := ed25519.GenerateKey(nil)\n\tnow := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)\n\ti := &Issuer{current: key, now: func() time.Time { return now }}\n\t_, expires, err := i.Issue("user-1")\n\trequire.NoError(t, err)\n\trequire.Equal(t, now.Add(Lifetime), expires)\n}\n',
      'catalog-info.yaml': descriptor(
        entity(
          'Component',
          {
            name: 'auth-service',
            title: 'Auth service',
            description: 'Issues and verifies session tokens.',
            tags: ['go', 'grpc', 'security'],
            annotations: githubAnnotations('auth-service'),
          },
          { type: 'service', lifecycle: 'production', owner: 'platform', system: 'identity', providesApis: ['auth-grpc'] },
        ),
        entity(
          'API',
          { name: 'auth-grpc', title: 'Auth gRPC API', description: 'Issue and verify session tokens.', tags: ['grpc'] },
          { type: 'grpc', lifecycle: 'production', owner: 'platform', system: 'identity', definition: proto },
        ),
      ),
    },
    history: {
      firstDaysAgo: 560,
      lastDaysAgo: 12,
      commits: 52,
      authors: [sofia, jonas, elodie],
      messages: [
        'Rotate signing keys weekly',
        'Accept the previous key during rotation',
        'Shorten token lifetime to 15 minutes',
        'Switch to Ed25519',
        'Add VerifyToken',
        'Rate-limit IssueToken per email',
        'Log failed verifications without the token',
      ],
      additions: [
        { message: 'Add security policy', paths: ['SECURITY.md'] },
        { message: 'Add Dependabot', paths: ['.github/dependabot.yml'] },
      ],
      bot: {
        person: dependabot,
        share: 0.1,
        messages: dependabotMessages([
          ['google.golang.org/grpc', '1.67.1', '1.68.0'],
          ['github.com/golang-jwt/jwt/v5', '5.2.0', '5.2.1'],
          ['google.golang.org/protobuf', '1.35.1', '1.35.2'],
        ]),
        paths: ['go.sum'],
      },
    },
  };
}

function fraudDetection(): DemoRepo {
  const crate = cargoCrate({
    name: 'fraud-detection',
    version: '0.4.1',
    description: 'Scores orders for fraud risk from the order event stream.',
    rustVersion: '1.82',
    license: 'Apache-2.0',
    dependencies: {
      tokio: '{ version = "1.41.1", features = ["full"] }',
      axum: '0.7.9',
      serde: '{ version = "1.0.215", features = ["derive"] }',
      serde_json: '1.0.133',
      rdkafka: '0.36.2',
      tracing: '0.1.40',
    },
    devDependencies: { proptest: '1.5.0' },
  });
  return {
    name: 'fraud-detection',
    demonstrates:
      'Rust service written by a single person (bus factor 1), no CODEOWNERS, tag-pinned CI and images pinned by tag, not digest.',
    tree: {
      'README.md': readme(
        'fraud-detection',
        'Scores every new order for fraud risk by reading `OrderPlaced` events. Scores above 0.8 put the order on hold for manual review.',
        {
          Usage: '```sh\nKAFKA_BROKERS=localhost:9092 cargo run --release\n```',
          Rules: 'Rules live in `src/rules.rs`. Each rule returns a weight between 0 and 1; the score is the weighted maximum.',
        },
      ),
      LICENSE: APACHE_LICENSE,
      '.github/workflows/ci.yml': githubWorkflow('rust', 'tag'),
      '.gitignore': gitignore('rust'),
      Dockerfile:
        'FROM rust:1.82-slim-bookworm AS build\nWORKDIR /src\nCOPY . .\nRUN cargo build --release --locked\n\nFROM debian:bookworm-slim\nRUN useradd --uid 10001 --no-create-home fraud\nCOPY --from=build /src/target/release/fraud-detection /usr/local/bin/\nUSER 10001\nENTRYPOINT ["fraud-detection"]\n',
      ...crate,
      'src/main.rs':
        'mod rules;\nmod score;\n\nuse rdkafka::consumer::{Consumer, StreamConsumer};\nuse rdkafka::{ClientConfig, Message};\n\n#[tokio::main]\nasync fn main() -> anyhow::Result<()> {\n    tracing_subscriber::fmt::init();\n    let consumer: StreamConsumer = ClientConfig::new()\n        .set("bootstrap.servers", std::env::var("KAFKA_BROKERS")?)\n        .set("group.id", "fraud-detection")\n        .create()?;\n    consumer.subscribe(&["orders.v1"])?;\n    loop {\n        let message = consumer.recv().await?;\n        if let Some(payload) = message.payload() {\n            let order: score::Order = serde_json::from_slice(payload)?;\n            let risk = score::score(&order);\n            tracing::info!(order = %order.order_id, risk, "scored");\n        }\n    }\n}\n',
      'src/score.rs':
        'use serde::Deserialize;\n\nuse crate::rules::{Rule, RULES};\n\n#[derive(Debug, Deserialize)]\n#[serde(rename_all = "camelCase")]\npub struct Order {\n    pub order_id: String,\n    pub total: i64,\n    pub currency: String,\n    pub country: Option<String>,\n}\n\n/// The weighted maximum of all rules: one strong signal is enough to hold an order.\npub fn score(order: &Order) -> f64 {\n    RULES.iter().map(|rule: &Rule| (rule.check)(order) * rule.weight).fold(0.0, f64::max)\n}\n',
      'src/rules.rs':
        'use crate::score::Order;\n\npub struct Rule {\n    pub name: &\'static str,\n    pub weight: f64,\n    pub check: fn(&Order) -> f64,\n}\n\npub static RULES: &[Rule] = &[\n    Rule { name: "large-order", weight: 0.9, check: |order| if order.total > 500_000 { 1.0 } else { 0.0 } },\n    Rule { name: "unknown-country", weight: 0.6, check: |order| if order.country.is_none() { 1.0 } else { 0.0 } },\n];\n',
      'tests/score.rs':
        'use proptest::prelude::*;\n\nproptest! {\n    #[test]\n    fn score_is_a_probability(total in 0i64..10_000_000) {\n        let order = fraud_detection::score::Order { order_id: "o".into(), total, currency: "EUR".into(), country: Some("DE".into()) };\n        let risk = fraud_detection::score::score(&order);\n        prop_assert!((0.0..=1.0).contains(&risk));\n    }\n}\n',
      'catalog-info.yaml': descriptor(
        entity(
          'Component',
          {
            name: 'fraud-detection',
            description: 'Scores orders for fraud risk.',
            tags: ['rust', 'kafka'],
            annotations: githubAnnotations('fraud-detection'),
          },
          { type: 'service', lifecycle: 'experimental', owner: 'payments', system: 'checkout', consumesApis: ['order-events'] },
        ),
      ),
    },
    history: {
      firstDaysAgo: 300,
      lastDaysAgo: 20,
      commits: 34,
      authors: [marcus],
      messages: [
        'Add large-order rule',
        'Score with the weighted maximum',
        'Property test for score bounds',
        'Read brokers from the environment',
        'Log scores with tracing',
        'Handle orders without a country',
      ],
    },
  };
}

function searchIndexer(): DemoRepo {
  return {
    name: 'search-indexer',
    demonstrates: 'Python (pyproject) service providing an OpenAPI API, digest-pinned image with USER, Dependabot for pip.',
    tree: {
      'README.md': readme(
        'search-indexer',
        'Keeps the product search index in step with the catalog and serves the search API the storefront uses.',
        {
          Installation: 'Requires Python 3.12.\n\n```sh\npip install -e ".[dev]"\n```',
          Usage: '```sh\nsearch-indexer reindex --full\nsearch-indexer serve --port 8080\n```',
        },
      ),
      LICENSE: mitLicense(2025),
      '.github/CODEOWNERS': codeowners([['*', '@acme/data']]),
      '.github/workflows/ci.yml': githubWorkflow('python', 'tag'),
      '.github/dependabot.yml': dependabotConfig(['pip', 'github-actions']),
      '.gitignore': gitignore('python'),
      Dockerfile: `FROM python:3.12-slim@${imageDigest('python:3.12-slim')}\nWORKDIR /app\nCOPY pyproject.toml .\nCOPY src src\nRUN pip install --no-cache-dir .\nRUN useradd --create-home app\nUSER app\nCMD ["search-indexer", "serve", "--port", "8080"]\n`,
      'pyproject.toml': pyproject({
        name: 'search-indexer',
        version: '1.6.2',
        description: 'Indexes the product catalog and serves product search.',
        requiresPython: '>=3.12',
        dependencies: ['fastapi>=0.115', 'uvicorn[standard]>=0.32', 'opensearch-py>=2.7', 'pydantic>=2.9'],
        dev: ['pytest>=8.3', 'ruff>=0.7', 'httpx>=0.27'],
        license: 'MIT',
      }),
      'src/search_indexer/__init__.py': '"""Product search: indexing and the search API."""\n\n__version__ = "1.6.2"\n',
      'src/search_indexer/indexer.py':
        'from collections.abc import Iterable\n\nfrom opensearchpy import OpenSearch, helpers\n\nINDEX = "products-v3"\n\n\ndef documents(products: Iterable[dict]) -> Iterable[dict]:\n    """Turns catalog rows into search documents; unpublished products are skipped."""\n    for product in products:\n        if not product.get("published"):\n            continue\n        yield {\n            "_index": INDEX,\n            "_id": product["sku"],\n            "name": product["name"],\n            "description": product.get("description", ""),\n            "price": product["price"],\n        }\n\n\ndef reindex(client: OpenSearch, products: Iterable[dict]) -> int:\n    success, _ = helpers.bulk(client, documents(products), chunk_size=500)\n    return success\n',
      'src/search_indexer/api.py':
        'from fastapi import FastAPI, Query\n\napp = FastAPI(title="Search API")\n\n\n@app.get("/products")\ndef search(q: str = Query(default=""), featured: bool = False, limit: int = Query(default=20, le=100)) -> list[dict]:\n    """Full-text search over published products."""\n    return []\n',
      'tests/test_indexer.py':
        'from search_indexer.indexer import documents\n\n\ndef test_unpublished_products_are_not_indexed():\n    rows = [{"sku": "a", "name": "Mug", "price": 900, "published": False}]\n    assert list(documents(rows)) == []\n\n\ndef test_document_id_is_the_sku():\n    rows = [{"sku": "a", "name": "Mug", "price": 900, "published": True}]\n    assert next(iter(documents(rows)))["_id"] == "a"\n',
      'openapi.yaml': openapi('Search API', 'Full-text product search.', 'products', {
        sku: 'string',
        name: 'string',
        description: 'string',
        price: 'integer',
      }),
      'catalog-info.yaml': descriptor(
        entity(
          'Component',
          {
            name: 'search-indexer',
            description: 'Indexes the product catalog and serves product search.',
            tags: ['python', 'opensearch'],
            annotations: githubAnnotations('search-indexer'),
          },
          {
            type: 'service',
            lifecycle: 'production',
            owner: 'data',
            system: 'data-platform',
            providesApis: ['search-api'],
            consumesApis: ['order-events'],
          },
        ),
        entity(
          'API',
          { name: 'search-api', description: 'Full-text product search.' },
          { type: 'openapi', lifecycle: 'production', owner: 'data', system: 'data-platform', definition: { $text: './openapi.yaml' } },
        ),
      ),
    },
    history: {
      firstDaysAgo: 480,
      lastDaysAgo: 9,
      commits: 47,
      authors: [yuki, noor],
      messages: [
        'Skip unpublished products',
        'Bulk index in chunks of 500',
        'Add featured filter',
        'Cap search results at 100',
        'Switch to products-v3 index',
        'Type hints everywhere',
        'Run ruff in CI',
      ],
      additions: [{ message: 'Add Dependabot', paths: ['.github/dependabot.yml'] }],
      bot: {
        person: dependabot,
        share: 0.1,
        messages: dependabotMessages([
          ['fastapi', '0.114.2', '0.115.5'],
          ['opensearch-py', '2.6.0', '2.7.1'],
          ['pydantic', '2.9.1', '2.9.2'],
        ]),
        paths: ['pyproject.toml'],
      },
    },
  };
}

function mlRecommender(): DemoRepo {
  return {
    name: 'ml-recommender',
    demonstrates:
      'Abandoned experiment: requirements.txt, .gitlab-ci.yml, `FROM python:3.11` without USER, no CODEOWNERS, no commits for months.',
    tree: {
      'README.md': '# ml-recommender\n\nExperimental product recommendations.\n',
      LICENSE: mitLicense(2025),
      '.gitlab-ci.yml':
        'image: python:3.11\n\nstages:\n  - test\n  - build\n\ntest:\n  stage: test\n  script:\n    - pip install -r requirements.txt\n    - pytest\n\nbuild:\n  stage: build\n  image: docker:27\n  services:\n    - docker:27-dind\n  script:\n    - docker build -t $CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA .\n    - docker push $CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA\n  only:\n    - main\n',
      Dockerfile:
        'FROM python:3.11\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY app app\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]\n',
      'requirements.txt':
        '# Pinned for the experiment; not maintained.\nfastapi==0.110.0\nuvicorn==0.29.0\npandas==2.2.1\nscikit-learn==1.4.1.post1\nnumpy==1.26.4\npytest==8.1.1\n',
      '.gitignore': gitignore('python'),
      'app/__init__.py': '',
      'app/main.py':
        'from fastapi import FastAPI\n\nfrom app.model import recommend\n\napp = FastAPI()\n\n\n@app.get("/recommendations/{customer_id}")\ndef recommendations(customer_id: str, limit: int = 5):\n    return {"customer": customer_id, "skus": recommend(customer_id, limit)}\n',
      'app/model.py':
        'import pandas as pd\nfrom sklearn.neighbors import NearestNeighbors\n\n# TODO: load from the warehouse instead of a CSV export\n_purchases = pd.DataFrame(columns=["customer", "sku"])\n\n\ndef recommend(customer_id: str, limit: int) -> list[str]:\n    if _purchases.empty:\n        return []\n    matrix = pd.crosstab(_purchases.customer, _purchases.sku)\n    model = NearestNeighbors(n_neighbors=min(limit, len(matrix))).fit(matrix)\n    _, indices = model.kneighbors(matrix.loc[[customer_id]])\n    return list(matrix.columns[indices[0]])\n',
      'tests/test_main.py':
        'from fastapi.testclient import TestClient\n\nfrom app.main import app\n\n\ndef test_empty_model_recommends_nothing():\n    response = TestClient(app).get("/recommendations/c-1")\n    assert response.json()["skus"] == []\n',
      'catalog-info.yaml': descriptor(
        entity(
          'Component',
          {
            name: 'ml-recommender',
            description: 'Experimental product recommendations.',
            tags: ['python', 'machine-learning'],
            annotations: githubAnnotations('ml-recommender'),
          },
          { type: 'service', lifecycle: 'experimental', owner: 'data', system: 'data-platform' },
        ),
      ),
    },
    history: {
      firstDaysAgo: 420,
      lastDaysAgo: 170,
      commits: 19,
      authors: [noor, yuki],
      messages: [
        'Nearest-neighbour baseline',
        'Serve recommendations over HTTP',
        'Pin dependencies',
        'Add a smoke test',
        'Build image in GitLab CI',
      ],
    },
  };
}

function dataPipelines(): DemoRepo {
  return {
    name: 'data-pipelines',
    demonstrates:
      'No catalog-info.yaml at all: Cairn infers the entity from the README, pyproject description and CODEOWNERS (`* @acme/data`).',
    tree: {
      'README.md': readme(
        'Data pipelines',
        'Nightly batch jobs that load orders, payments and web analytics into the Acme data warehouse, with SQL models on top for finance and marketing dashboards.',
        standardSections(
          'python',
          'Run one pipeline for one day:\n\n```sh\npython -m pipelines.orders --date 2026-10-31\n```\n\nThe Airflow DAG in `dags/nightly.py` runs them all at 02:00 UTC.',
        ),
      ),
      LICENSE: APACHE_LICENSE,
      CODEOWNERS: codeowners([
        ['*', '@acme/data'],
        ['/models/finance/', '@acme/data @acme/payments'],
      ]),
      '.github/workflows/ci.yml': githubWorkflow('python', 'tag'),
      '.gitignore': gitignore('python'),
      'pyproject.toml': pyproject({
        name: 'data-pipelines',
        version: '0.9.0',
        description: 'Nightly ELT jobs loading commerce data into the warehouse.',
        requiresPython: '>=3.11',
        dependencies: ['apache-airflow>=2.10', 'google-cloud-bigquery>=3.27', 'pandas>=2.2', 'pyarrow>=18.0'],
        dev: ['pytest>=8.3', 'ruff>=0.7'],
      }),
      'pipelines/__init__.py': '',
      'pipelines/common/io.py':
        'from datetime import date\n\nfrom google.cloud import bigquery\n\n\ndef load_partition(client: bigquery.Client, table: str, rows: list[dict], day: date) -> None:\n    """Replaces one day\'s partition, so that a re-run never duplicates rows."""\n    job_config = bigquery.LoadJobConfig(write_disposition="WRITE_TRUNCATE")\n    destination = f"{table}${day:%Y%m%d}"\n    client.load_table_from_json(rows, destination, job_config=job_config).result()\n',
      'pipelines/orders.py':
        'import argparse\nfrom datetime import date\n\nfrom pipelines.common.io import load_partition\n\n\ndef transform(order: dict) -> dict:\n    return {\n        "order_id": order["id"],\n        "customer_id": order["customerId"],\n        "total_minor": order["total"],\n        "currency": order["currency"],\n        "placed_at": order["placedAt"],\n    }\n\n\ndef main() -> None:\n    parser = argparse.ArgumentParser()\n    parser.add_argument("--date", type=date.fromisoformat, required=True)\n    args = parser.parse_args()\n    print(f"loading orders for {args.date}")\n\n\nif __name__ == "__main__":\n    main()\n',
      'pipelines/payments.py':
        'def transform(payment: dict) -> dict:\n    """Refunds are stored as negative amounts so that sums give net revenue."""\n    sign = -1 if payment["status"] == "refunded" else 1\n    return {"payment_id": payment["id"], "order_id": payment["orderId"], "amount_minor": sign * payment["amount"]}\n',
      'dags/nightly.py':
        'from datetime import datetime\n\nfrom airflow import DAG\nfrom airflow.operators.bash import BashOperator\n\nwith DAG("nightly", schedule="0 2 * * *", start_date=datetime(2025, 1, 1), catchup=False) as dag:\n    orders = BashOperator(task_id="orders", bash_command="python -m pipelines.orders --date {{ ds }}")\n    payments = BashOperator(task_id="payments", bash_command="python -m pipelines.payments --date {{ ds }}")\n    models = BashOperator(task_id="models", bash_command="bq query < models/finance/revenue_daily.sql")\n    [orders, payments] >> models\n',
      'models/finance/revenue_daily.sql':
        '-- Net revenue per day and currency; refunds are negative payments.\nSELECT\n  DATE(o.placed_at) AS day,\n  o.currency,\n  SUM(p.amount_minor) / 100 AS net_revenue\nFROM warehouse.orders AS o\nJOIN warehouse.payments AS p USING (order_id)\nGROUP BY day, currency\n',
      'tests/test_transform.py':
        'from pipelines.payments import transform\n\n\ndef test_refunds_are_negative():\n    row = transform({"id": "p1", "orderId": "o1", "amount": 500, "status": "refunded"})\n    assert row["amount_minor"] == -500\n',
    },
    history: {
      firstDaysAgo: 520,
      lastDaysAgo: 4,
      commits: 41,
      authors: [yuki, noor],
      messages: [
        'Replace partitions instead of appending',
        'Store refunds as negative amounts',
        'Add revenue_daily model',
        'Run at 02:00 UTC',
        'Load payments in the nightly DAG',
        'Type the transform functions',
      ],
      additions: [{ message: 'Add CODEOWNERS', paths: ['CODEOWNERS'] }],
    },
  };
}

/** The notifications descriptor, written by hand because it is broken on purpose. */
const NOTIFICATIONS_DESCRIPTOR = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: notifications
  description: Sends transactional email and SMS for orders and payments.
  annotations:
    github.com/project-slug: acme/notifications
  tags:
    - typescript
    - email
spec:
  type: service
  lifecycle: production
  owner: group:default/platform
  system: checkout
  providesApis:
    - notifications-api
  consumesApis:
    - order-events
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: notifications-worker
  description: Worker: drains the queue and retries failed deliveries
spec:
  type: service
  lifecycle: production
  owner: platform
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: email templates
  description: MJML templates for every transactional email.
spec:
  type: library
  lifecycle: production
  owner: platform
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: notifications-api
  description: Send a templated notification to a customer.
spec:
  type: openapi
  lifecycle: production
  owner: platform
  system: checkout
  definition: |
    openapi: 3.0.3
    info:
      title: Notifications API
      version: 1.0.0
    paths:
      /notifications:
        post:
          summary: Send a notification
          responses:
            "202":
              description: Accepted for delivery
`;

/**
 * Where the demo's deliberate problems are, for tests and for the problems page: a YAML syntax
 * error (an unquoted `: ` in a plain scalar), an entity name Backstage refuses, references to
 * entities that do not exist, and the hostile files. `line` is the line of the offending text
 * (1-based); `document` counts the file's YAML documents from 1.
 */
export const DEMO_PROBLEMS = {
  syntaxError: {
    repo: 'notifications',
    path: 'catalog-info.yaml',
    line: lineOf(NOTIFICATIONS_DESCRIPTOR, 'description: Worker:'),
    document: 2,
  },
  invalidEntity: {
    repo: 'notifications',
    path: 'catalog-info.yaml',
    line: lineOf(NOTIFICATIONS_DESCRIPTOR, 'name: email templates'),
    document: 3,
    name: 'email templates',
  },
  danglingReferences: [
    { repo: 'legacy-billing', path: 'catalog-info.yaml', ref: 'group:billing-team', field: 'spec.owner' },
    { repo: 'legacy-billing', path: 'catalog-info.yaml', ref: 'resource:billing-oracle', field: 'spec.dependsOn' },
  ],
  withoutDescriptor: 'data-pipelines',
  unsafeLink: { repo: 'storefront', path: 'catalog-info.yaml', url: 'javascript:alert(1)' },
  symlinkOutside: { repo: 'platform-infra', path: 'scripts/hosts', target: '../../../etc/passwd' },
  binary: { repo: 'storefront', path: 'public/logo.png' },
  notUtf8: { repo: 'legacy-billing', path: 'docs/NOTES-fr.txt' },
} as const;

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`${needle} not found`);
  return index + 1;
}

function notifications(): DemoRepo {
  const npm = npmPackage({
    name: 'notifications',
    version: '2.4.0',
    private: true,
    description: 'Transactional email and SMS.',
    type: 'module',
    scripts: { build: 'tsc -p .', start: 'node dist/index.js', test: 'vitest run', lint: 'eslint .' },
    engines: { node: '>=22' },
    dependencies: { kafkajs: '^2.2.4', nodemailer: '^6.9.16', twilio: '^5.3.6', mjml: '^4.15.3' },
    devDependencies: { typescript: '^5.6.3', vitest: '^2.1.5', eslint: '^9.15.0' },
  });
  return {
    name: 'notifications',
    demonstrates: `Broken descriptor: catalog-info.yaml document 2 has a YAML syntax error on line ${DEMO_PROBLEMS.syntaxError.line}, document 3 an invalid name ("email templates"); documents 1 and 4 load.`,
    tree: {
      'README.md': readme(
        'Notifications',
        'Sends transactional email and SMS (order confirmations, shipping updates, refunds) from order and payment events.',
        {
          Usage: '```sh\nnpm ci\nnpm start\n```\n\nTemplates are MJML files in `templates/`.',
        },
      ),
      LICENSE: mitLicense(2024),
      '.github/CODEOWNERS': codeowners([['*', '@acme/platform']]),
      '.github/workflows/ci.yml': githubWorkflow('node', 'tag'),
      Dockerfile:
        'FROM node:22-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY dist dist\nCOPY templates templates\nUSER node\nCMD ["node", "dist/index.js"]\n',
      '.nvmrc': '22\n',
      '.gitignore': gitignore('node'),
      ...npm,
      'src/index.ts':
        "import { Kafka } from 'kafkajs';\nimport { sendEmail } from './channels/email.ts';\n\nconst kafka = new Kafka({ clientId: 'notifications', brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',') });\nconst consumer = kafka.consumer({ groupId: 'notifications' });\n\nawait consumer.connect();\nawait consumer.subscribe({ topic: 'orders.v1' });\nawait consumer.run({\n  eachMessage: async ({ message }) => {\n    const order = JSON.parse(message.value?.toString() ?? '{}');\n    await sendEmail(order.customerEmail, 'order-confirmation', order);\n  },\n});\n",
      'src/channels/email.ts':
        "import nodemailer from 'nodemailer';\nimport { render } from '../templates.ts';\n\nconst transport = nodemailer.createTransport({ host: process.env.SMTP_HOST, port: 587, secure: false });\n\n/** Failed deliveries are retried by the worker, so errors propagate. */\nexport async function sendEmail(to: string, template: string, data: Record<string, unknown>): Promise<void> {\n  const { subject, html } = await render(template, data);\n  await transport.sendMail({ from: 'Acme <no-reply@acme.example>', to, subject, html });\n}\n",
      'src/channels/sms.ts':
        "import twilio from 'twilio';\n\nconst client = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);\n\nexport async function sendSms(to: string, body: string): Promise<void> {\n  await client.messages.create({ from: process.env.TWILIO_FROM, to, body: body.slice(0, 160) });\n}\n",
      'src/templates.ts':
        "import { readFile } from 'node:fs/promises';\nimport mjml2html from 'mjml';\n\nexport async function render(name: string, data: Record<string, unknown>): Promise<{ subject: string; html: string }> {\n  const source = await readFile(new URL('../templates/' + name + '.mjml', import.meta.url), 'utf8');\n  const filled = source.replace(/{{(\\w+)}}/g, (_, key: string) => String(data[key] ?? ''));\n  return { subject: filled.match(/<mj-title>(.*?)<\\/mj-title>/)?.[1] ?? 'Acme', html: mjml2html(filled).html };\n}\n",
      'src/channels/sms.test.ts':
        "import { describe, expect, it, vi } from 'vitest';\n\nconst create = vi.fn();\nvi.mock('twilio', () => ({ default: () => ({ messages: { create } }) }));\n\nconst { sendSms } = await import('./sms.ts');\n\ndescribe('sendSms', () => {\n  it('truncates long messages to one SMS', async () => {\n    await sendSms('+440000000000', 'x'.repeat(300));\n    expect(create).toHaveBeenCalledWith(expect.objectContaining({ body: 'x'.repeat(160) }));\n  });\n\n  it('sends short messages unchanged', async () => {\n    await sendSms('+440000000000', 'Your order has shipped');\n    expect(create).toHaveBeenLastCalledWith(expect.objectContaining({ body: 'Your order has shipped' }));\n  });\n});\n",
      'templates/order-confirmation.mjml':
        '<mjml>\n  <mj-head>\n    <mj-title>Your Acme order {{orderId}}</mj-title>\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>Thank you! We received your order {{orderId}}.</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n',
      'catalog-info.yaml': NOTIFICATIONS_DESCRIPTOR,
    },
    history: {
      firstDaysAgo: 510,
      lastDaysAgo: 15,
      commits: 44,
      authors: [jonas, sofia],
      messages: [
        'Send order confirmations',
        'Truncate SMS to 160 characters',
        'Retry failed deliveries',
        'Move templates to MJML',
        'Consume orders.v1',
        'Describe the worker in the catalog',
      ],
    },
  };
}

function legacyBilling(): DemoRepo {
  return {
    name: 'legacy-billing',
    demonstrates:
      'Deprecated, stale (last commit ~14 months ago), one author who left; no LICENSE, CODEOWNERS or CI; owner group does not exist; a Latin-1 text file.',
    tree: {
      'README.md': '# legacy-billing\n\nOld invoicing system. Replaced by payments; do not add features.\n',
      Dockerfile: 'FROM openjdk:8-jre\nCOPY build/libs/legacy-billing.jar /opt/app.jar\nCMD ["java", "-jar", "/opt/app.jar"]\n',
      '.gitignore': gitignore('gradle'),
      'build.gradle':
        "plugins {\n    id 'java'\n    id 'application'\n}\n\ngroup = 'com.acme'\nversion = '0.9.3'\nsourceCompatibility = '1.8'\n\nrepositories {\n    mavenCentral()\n}\n\ndependencies {\n    implementation 'com.oracle.database.jdbc:ojdbc8:19.3.0.0'\n    implementation 'org.apache.pdfbox:pdfbox:2.0.17'\n    testImplementation 'junit:junit:4.12'\n}\n\napplication {\n    mainClassName = 'com.acme.billing.InvoiceGenerator'\n}\n",
      'settings.gradle': "rootProject.name = 'legacy-billing'\n",
      'src/main/java/com/acme/billing/InvoiceGenerator.java':
        'package com.acme.billing;\n\nimport java.math.BigDecimal;\nimport java.util.List;\n\npublic class InvoiceGenerator {\n    public static void main(String[] args) {\n        System.out.println("Generating invoices...");\n    }\n\n    public BigDecimal total(List<BigDecimal> lines, String country) {\n        BigDecimal net = BigDecimal.ZERO;\n        for (BigDecimal line : lines) {\n            net = net.add(line);\n        }\n        return net.add(net.multiply(TaxRules.rate(country)));\n    }\n}\n',
      'src/main/java/com/acme/billing/TaxRules.java':
        'package com.acme.billing;\n\nimport java.math.BigDecimal;\n\nclass TaxRules {\n    // FIXME: rates from 2019, never updated\n    static BigDecimal rate(String country) {\n        switch (country) {\n            case "DE": return new BigDecimal("0.19");\n            case "FR": return new BigDecimal("0.20");\n            default: return BigDecimal.ZERO;\n        }\n    }\n}\n',
      // Written on a Windows machine years ago, in ISO-8859-1: readers must not choke on it.
      'docs/NOTES-fr.txt': latin1(
        "Notes de facturation\n\nLes factures sont générées chaque nuit à 3h00.\nTVA réduite : 5,5 % pour les livres.\nClients particuliers : Müller GmbH (Zürich), Société Générale, Ærø Købmand.\nPrix affichés en EUR : le symbole de l'euro n'existe pas en Latin-1.\n",
      ),
      'catalog-info.yaml': descriptor(
        entity(
          'Component',
          {
            name: 'legacy-billing',
            description: 'Old invoicing system, replaced by payments.',
            tags: ['java', 'legacy'],
            annotations: githubAnnotations('legacy-billing'),
          },
          // Both references point at entities that no longer exist: the team was merged into payments.
          {
            type: 'service',
            lifecycle: 'deprecated',
            owner: 'group:billing-team',
            system: 'checkout',
            dependsOn: ['resource:billing-oracle'],
          },
        ),
      ),
    },
    history: {
      firstDaysAgo: 760,
      lastDaysAgo: 420,
      commits: 23,
      authors: [tom],
      messages: [
        'Fix rounding of VAT',
        'Add French notes',
        'Generate PDF invoices',
        'Handle missing country',
        'Hotfix: duplicate invoices on retry',
        'Bump ojdbc',
      ],
    },
  };
}

function platformInfra(): DemoRepo {
  const resource = (name: string, description: string, type: string, owner: string, tags: string[]) =>
    entity('Resource', { name, description, tags }, { type, owner, system: 'checkout' });
  return {
    name: 'platform-infra',
    demonstrates:
      'Terraform; defines the Resources (two databases, a queue); an unrecognised proprietary LICENSE; a symlink leaving the repository and one staying inside.',
    tree: {
      'README.md': readme(
        'platform-infra',
        'Terraform for Acme’s shared infrastructure: networking, the PostgreSQL databases and the Kafka cluster. Changes are planned in CI and applied by the platform team.',
        {
          Usage: '```sh\ncd environments/prod\nterraform init\nterraform plan\n```',
          Layout: '- `modules/`: reusable modules (`rds`, `msk`)\n- `environments/`: one root module per environment',
        },
      ),
      LICENSE: PROPRIETARY_LICENSE,
      CODEOWNERS: codeowners([
        ['*', '@acme/platform'],
        ['/modules/rds/', '@acme/platform @acme/payments'],
      ]),
      '.github/workflows/terraform.yml': githubWorkflow('terraform', 'sha', { name: 'Terraform', permissions: true }),
      'renovate.json': renovateConfig({ terraform: { enabled: true } }),
      '.gitignore': gitignore('terraform'),
      '.terraform.lock.hcl':
        '# This file is maintained automatically by "terraform init".\n# Manual edits may be lost in future updates.\n\nprovider "registry.terraform.io/hashicorp/aws" {\n  version     = "5.76.0"\n  constraints = "~> 5.70"\n  hashes = [\n    "h1:placeholder-hash-for-demo-only=",\n  ]\n}\n',
      'versions.tf':
        'terraform {\n  required_version = ">= 1.9"\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.70"\n    }\n  }\n}\n',
      'modules/rds/main.tf':
        'variable "name" {\n  type = string\n}\n\nvariable "instance_class" {\n  type    = string\n  default = "db.t4g.medium"\n}\n\nresource "aws_db_instance" "this" {\n  identifier                = var.name\n  engine                    = "postgres"\n  engine_version            = "16.4"\n  instance_class            = var.instance_class\n  allocated_storage         = 100\n  storage_encrypted         = true\n  deletion_protection       = true\n  backup_retention_period   = 14\n  final_snapshot_identifier = "${var.name}-final"\n}\n',
      'modules/msk/main.tf':
        'variable "topics" {\n  type = list(string)\n}\n\nresource "aws_msk_serverless_cluster" "this" {\n  cluster_name = "acme-events"\n  client_authentication {\n    sasl {\n      iam {\n        enabled = true\n      }\n    }\n  }\n}\n',
      'environments/prod/main.tf':
        'module "orders_db" {\n  source = "../../modules/rds"\n  name   = "orders-db"\n}\n\nmodule "payments_db" {\n  source         = "../../modules/rds"\n  name           = "payments-db"\n  instance_class = "db.r6g.large"\n}\n\nmodule "events" {\n  source = "../../modules/msk"\n  topics = ["orders.v1"]\n}\n',
      'scripts/plan.sh':
        '#!/bin/sh\nset -eu\ncd "$(dirname "$0")/../environments/${1:-prod}"\nterraform init -input=false\nterraform plan -input=false -out=plan.tfplan\n',
      // A leftover from someone's local debugging: it points outside the repository and must not be followed.
      'scripts/hosts': { symlink: '../../../etc/passwd' },
      // A harmless symlink inside the repository, which readers may follow.
      'docs/README.md': { symlink: '../README.md' },
      'catalog-info.yaml': descriptor(
        entity(
          'Component',
          {
            name: 'platform-infra',
            description: 'Terraform for shared infrastructure.',
            tags: ['terraform', 'aws'],
            annotations: githubAnnotations('platform-infra'),
          },
          { type: 'infrastructure', lifecycle: 'production', owner: 'platform' },
        ),
        resource('orders-db', 'PostgreSQL database of the orders service.', 'database', 'platform', ['postgres']),
        resource('payments-db', 'PostgreSQL database of the payments service (PCI scope).', 'database', 'payments', ['postgres', 'pci']),
        resource('order-events-topic', 'The orders.v1 Kafka topic on the shared MSK cluster.', 'queue', 'platform', ['kafka']),
      ),
    },
    history: {
      firstDaysAgo: 650,
      lastDaysAgo: 8,
      commits: 61,
      authors: [sofia, jonas],
      messages: [
        'Enable deletion protection on databases',
        'Encrypt RDS storage',
        'Add payments database',
        'Move to MSK serverless',
        'Keep 14 days of backups',
        'Upgrade PostgreSQL to 16',
        'Plan script for any environment',
      ],
      additions: [
        { message: 'Describe resources in the catalog', paths: ['catalog-info.yaml'] },
        { message: 'Add Renovate for providers', paths: ['renovate.json'] },
        { message: 'wip: debugging hosts', paths: ['scripts/hosts'] },
      ],
      bot: {
        person: renovate,
        share: 0.12,
        messages: [
          'chore(deps): update terraform aws to v5.75.1',
          'chore(deps): update terraform aws to v5.76.0',
          'chore(deps): update hashicorp/setup-terraform action to v3.1.2',
        ],
        paths: ['.terraform.lock.hcl'],
      },
    },
  };
}

function org(): DemoRepo {
  const group = (name: string, displayName: string, type: string, extra: { parent?: string; children?: string[]; members?: string[] }) =>
    entity(
      'Group',
      { name, description: `${displayName} at Acme.` },
      {
        type,
        profile: { displayName, email: `${name}@acme.example` },
        parent: extra.parent,
        children: extra.children ?? [],
        members: extra.members,
      },
    );
  const user = (name: string, displayName: string, memberOf: string[]) =>
    entity('User', { name }, { profile: { displayName, email: `${name}@acme.example` }, memberOf });
  return {
    name: 'org',
    demonstrates:
      'Organisation data in a repository: a Location → groups.yaml, users.yaml and systems.yaml (the Domains and Systems); the rest of the teams live in content/teams/.',
    tree: {
      'README.md': readme(
        'org',
        'Who is who at Acme, in Backstage format: the organisation, departments, the security team, domains and systems. Engineering teams are defined in the portal repository under `content/teams/`.',
        {
          Contributing: 'Joining or leaving a team? Edit `users.yaml` or the team file and ask #platform for a review.',
        },
      ),
      LICENSE: mitLicense(2025),
      CODEOWNERS: codeowners([['*', '@acme/platform']]),
      '.github/workflows/validate.yml': `name: Validate catalog\n\non: [pull_request]\n\njobs:\n  validate:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx --yes @roadiehq/backstage-entity-validator@0.5 catalog-info.yaml groups.yaml users.yaml systems.yaml\n`,
      'catalog-info.yaml': location('acme-org', 'Acme organisation, domains and systems', [
        './groups.yaml',
        './users.yaml',
        './systems.yaml',
      ]),
      'groups.yaml': descriptor(
        group('acme', 'Acme Corp.', 'organization', { children: ['engineering', 'product'] }),
        group('product', 'Product', 'department', { parent: 'acme', members: ['grace.kim'] }),
        group('security', 'Security', 'team', { parent: 'engineering', members: ['elodie.martin'] }),
      ),
      'users.yaml': descriptor(user('elodie.martin', 'Élodie Martin', ['security']), user('grace.kim', 'Grace Kim', ['product'])),
      'systems.yaml': descriptor(
        entity(
          'Domain',
          { name: 'commerce', title: 'Commerce', description: 'Everything a customer touches to buy from Acme.' },
          { owner: 'group:product' },
        ),
        entity(
          'Domain',
          { name: 'foundations', title: 'Foundations', description: 'Shared platforms other teams build on.' },
          { owner: 'platform' },
        ),
        entity(
          'System',
          { name: 'checkout', title: 'Checkout', description: 'From cart to paid order.' },
          { owner: 'payments', domain: 'commerce' },
        ),
        entity(
          'System',
          { name: 'storefront', title: 'Storefront', description: 'The web shop and its design system.' },
          { owner: 'web', domain: 'commerce' },
        ),
        entity(
          'System',
          { name: 'identity', title: 'Identity', description: 'Sign-in and session tokens.' },
          { owner: 'platform', domain: 'foundations' },
        ),
        entity(
          'System',
          { name: 'data-platform', title: 'Data platform', description: 'Search, warehouse and machine learning.' },
          { owner: 'data', domain: 'foundations' },
        ),
      ),
    },
    history: {
      firstDaysAgo: 580,
      lastDaysAgo: 40,
      commits: 26,
      authors: [sofia, elodie, amara],
      messages: [
        'Add the security team',
        'Add Grace to product',
        'Describe the data platform system',
        'Move engineering teams to the portal repository',
        'Add the identity system',
      ],
      additions: [{ message: 'Validate descriptors in CI', paths: ['.github/workflows/validate.yml'] }],
    },
  };
}

function statusPage(): DemoRepo {
  return {
    name: 'status-page',
    demonstrates:
      'Minimal hygiene: one-line README, `FROM nginx:latest`, no CI, no CODEOWNERS, no lockfile; one author; quiet for eight months.',
    tree: {
      'README.md': '# status-page\n',
      LICENSE: mitLicense(2025),
      Dockerfile: 'FROM nginx:latest\nCOPY dist /usr/share/nginx/html\n',
      'package.json': json({
        name: 'status-page',
        version: '0.1.0',
        private: true,
        scripts: { dev: 'vite', build: 'vite build' },
        devDependencies: { vite: '^5.4.11', typescript: '^5.6.3' },
      }),
      'index.html':
        '<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8" />\n    <title>Acme status</title>\n  </head>\n  <body>\n    <main id="status">Loading…</main>\n    <script type="module" src="/src/main.ts"></script>\n  </body>\n</html>\n',
      'src/main.ts':
        "const SERVICES = ['storefront', 'checkout-api', 'payments'];\n\nasync function check(name: string): Promise<string> {\n  try {\n    const response = await fetch('https://' + name + '.acme.example/healthz');\n    return response.ok ? 'up' : 'degraded';\n  } catch {\n    return 'down';\n  }\n}\n\nconst rows = await Promise.all(SERVICES.map(async (name) => name + ': ' + (await check(name))));\ndocument.querySelector('#status')!.textContent = rows.join('\\n');\n",
      'catalog-info.yaml': descriptor(
        entity(
          'Component',
          {
            name: 'status-page',
            description: 'Public status page for acme.example.',
            tags: ['website'],
            annotations: githubAnnotations('status-page'),
          },
          { type: 'website', lifecycle: 'experimental', owner: 'web', system: 'storefront' },
        ),
      ),
    },
    history: {
      firstDaysAgo: 330,
      lastDaysAgo: 240,
      commits: 9,
      authors: [liam],
      messages: ['Check services in parallel', 'Show degraded state', 'Dockerfile for preview'],
    },
  };
}

/** Every repository of the demo organisation, in the order they are listed in the portal. */
export function demoRepos(): DemoRepo[] {
  return [
    checkout(),
    payments(),
    orders(),
    storefront(),
    designSystem(),
    authService(),
    fraudDetection(),
    searchIndexer(),
    mlRecommender(),
    dataPipelines(),
    notifications(),
    legacyBilling(),
    platformInfra(),
    org(),
    statusPage(),
  ];
}

/** The demo organisation as `repository name → RepoSpec`, ready for `writeGitRepo`. */
export function demoOrgSpec(): Record<string, RepoSpec> {
  return Object.fromEntries(demoRepos().map((repo) => [repo.name, buildHistory(repo.name, repo.tree, repo.history, DEMO_NOW)]));
}
