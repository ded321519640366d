// `tsc` reads .astro files through no plugin: to the component tests, a component is a factory.
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}
