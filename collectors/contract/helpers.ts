/**
 * The few helpers the site shares with collection, so both compute them alike: the one order of
 * every output, text hygiene, output names, source links, and constants of the catalog, the checks
 * and the scorecards. The site imports from `collectors/` only the contract folder and the history
 * reader; the helpers live where collection uses them.
 */
export { CHECK_CATEGORY_TITLES } from '../checks/check.ts';
export { levelRank } from '../scorecards/definition.ts';
export { specString } from '../catalog/fields.ts';
export { compareCodeUnits } from '../support/order.ts';
/** The owner of an entity no one is known to own: a placeholder, never a team anyone can ask. */
export { isPlaceholderOwner, UNKNOWN_OWNER } from '../catalog/infer.ts';
/** An inferred entity's repository whose descriptors are only Locations: those Locations, and their targets. */
export { locationTargets, onlyLocations } from '../catalog/infer.ts';
/** A folder name every disk can hold (`con` → `con_`), as the site names entity and docs folders. */
export { windowsSafeSegment } from '../support/output-names.ts';
/** Text hygiene, for what the site stores or shows beyond the snapshot (an error message, an older snapshot). */
export { cleanText, plainData } from '../support/text.ts';
/** Links into a repository's web UI at the scanned commit, spelled for its forge. */
export { sourceLinks, type Forge, type SourceLinks } from '../support/source-links.ts';
/** The prefilled "new issue" link a guide's or check's feedback control opens, and the ratings its form offers. */
export { feedbackIssueUrl, RATING_CHOICES } from '../feedback/issue-form.ts';
/** How deep Markdown may nest quotes and lists to be rendered, for docs pages and descriptions alike. */
export { unrenderable } from '../support/markdown-nesting.ts';
/** The ids of the page around rendered docs, which docs never take. */
export { LAYOUT_IDS } from '../docs/headings.ts';
/** Tables of rendered Markdown wrapped in a region a keyboard can scroll, for docs pages and check pages alike. */
export { scrollableTables } from '../docs/tables.ts';
