import Adoption from './Adoption.astro';
import Callout from './Callout.astro';
import CheckList from './CheckList.astro';
import Examples from './Examples.astro';
import GuideLink from './GuideLink.astro';
import Steps from './Steps.astro';

/** What guide authors may use without an import, and the link every Markdown link renders as. */
export const guideComponents = { Adoption, Callout, CheckList, Examples, Steps, a: GuideLink };
