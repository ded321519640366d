/**
 * Which files GitHub's language bar leaves out, as data. Provenance: github-linguist/linguist
 * (MIT), `lib/linguist/vendor.yml`, `lib/linguist/documentation.yml` and the path- and
 * content-based rules of `lib/linguist/generated.rb`, as of its 9.x releases. The regular
 * expressions are Linguist's, matched against the path from the repository root, case-sensitive
 * unless Linguist says otherwise. Kept apart from the code so updating them is a data change;
 * `.gitattributes` (`linguist-vendored`, `-generated`, `-documentation`) overrides every rule here.
 */

/** vendor.yml: third-party code, build tools' wrappers and bundled libraries. */
export const VENDORED_PATHS: readonly RegExp[] = [
  // Caches, dependencies, distributions
  /(^|\/)cache\//,
  /^[Dd]ependencies\//,
  /(^|\/)dist\//,
  /^deps\//,
  // Autoconf and friends
  /(^|\/)configure$/,
  /(^|\/)config\.guess$/,
  /(^|\/)config\.sub$/,
  /(^|\/)(aclocal|libtool|ltoptions|ltsugar|ltversion|lt~obsolete)\.m4/,
  /(^|\/)dotnet-install\.(ps1|sh)$/,
  /(^|\/)cpplint\.py/,
  // Package managers' folders
  /(^|\/)node_modules\//,
  /(^|\/)\.yarn\/(releases|plugins|sdks|versions|unplugged)\//,
  /(^|\/)_esy$/,
  /(^|\/)bower_components\//,
  /^rebar$/,
  /(^|\/)erlang\.mk/,
  /(^|\/)Godeps\/_workspace\//,
  /(^|\/)testdata\//,
  /(^|\/)\.indent\.pro/,
  // Minified files and stylesheets of well-known libraries
  /(\.|-)min\.(js|css)$/,
  /([^\s]*)import\.(css|less|scss|styl)$/,
  /(^|\/)bootstrap([^/.]*)(\..*)?\.(js|css|less|scss|styl)$/,
  /(^|\/)custom\.bootstrap([^\s]*)(js|css|less|scss|styl)$/,
  /(^|\/)font-?awesome\.(css|less|scss|styl)$/,
  /(^|\/)font-?awesome\/.*\.(css|less|scss|styl)$/,
  /(^|\/)foundation\.(css|less|scss|styl)$/,
  /(^|\/)normalize\.(css|less|scss|styl)$/,
  /(^|\/)skeleton\.(css|less|scss|styl)$/,
  /(^|\/)[Bb]ourbon\/.*\.(css|less|scss|styl)$/,
  /(^|\/)animate\.(css|less|scss|styl)$/,
  /(^|\/)materialize\.(css|less|scss|styl|js)$/,
  /(^|\/)select2\/.*\.(css|scss|js)$/,
  /(^|\/)bulma\.(css|sass|scss)$/,
  // Vendored dependencies
  /(3rd|[Tt]hird)[-_]?[Pp]arty\//,
  /(^|\/)vendors?\//,
  /(^|\/)[Ee]xtern(als?)?\//,
  /(^|\/)[Vv]+endor\//,
  /^debian\//,
  /(^|\/)run\.n$/,
  /(^|\/)bootstrap-datepicker\//,
  // Commonly bundled JavaScript libraries
  /(^|\/)jquery([^.]*)\.js$/,
  /(^|\/)jquery-\d\.\d+(\.\d+)?\.js$/,
  /(^|\/)jquery-ui(-\d\.\d+(\.\d+)?)?(\.\w+)?\.(js|css)$/,
  /(^|\/)jquery\.(ui|effects)\.([^.]*)\.(js|css)$/,
  /(^|\/)jquery\.fn\.gantt\.js/,
  /(^|\/)jquery\.fancybox\.(js|css)/,
  /(^|\/)fuelux\.js/,
  /(^|\/)jquery\.fileupload(-\w+)?\.js$/,
  /(^|\/)jquery\.dataTables\.js/,
  /(^|\/)bootbox\.js/,
  /(^|\/)pdf\.worker\.js/,
  /(^|\/)slick\.\w+.js$/,
  /(^|\/)Leaflet\.Coordinates-\d+\.\d+\.\d+\.src\.js$/,
  /(^|\/)leaflet\.draw-src\.js/,
  /(^|\/)leaflet\.draw\.css/,
  /(^|\/)Control\.FullScreen\.(css|js)/,
  /(^|\/)leaflet\.spin\.js/,
  /(^|\/)wicket-leaflet\.js/,
  /(^|\/)\.sublime-(project|workspace)/,
  /(^|\/)\.vscode\//,
  /(^|\/)prototype(.*)\.js$/,
  /(^|\/)(effects|controls|dragdrop)\.js$/,
  /(.*?)\.d\.ts$/,
  /(^|\/)mootools([^.]*)\d+\.\d+.\d+([^.]*)\.js$/,
  /(^|\/)dojo\.js$/,
  /(^|\/)MochiKit\.js$/,
  /(^|\/)yahoo-([^.]*)\.js$/,
  /(^|\/)yui([^.]*)\.js$/,
  /(^|\/)ckeditor\.js$/,
  /(^|\/)tiny_mce([^.]*)\.js$/,
  /(^|\/)tiny_mce\/(langs|plugins|themes|utils)/,
  /(^|\/)ace-builds\//,
  /(^|\/)fontello(.*?)\.css$/,
  /(^|\/)MathJax\//,
  /(^|\/)Chart\.js$/,
  /(^|\/)[Cc]ode[Mm]irror\/(\d+\.\d+\/)?(lib|mode|theme|addon|keymap|demo)/,
  /(^|\/)shBrush([^.]*)\.js$/,
  /(^|\/)sh(Core|Legacy)\.js$/,
  /(^|\/)angular([^.]*)\.js$/,
  /(^|\/)d3(\.v\d+)?([^.]*)\.js$/,
  /(^|\/)react(-[^.]*)?\.js$/,
  /(^|\/)flow-typed\/.*\.js$/,
  /(^|\/)modernizr-\d\.\d+(\.\d+)?\.js$/,
  /(^|\/)modernizr\.custom\.\d+\.js$/,
  /(^|\/)knockout-(\d+\.){3}(debug\.)?js$/,
  // Python: Sphinx build output, Django admin media, virtualenvs, Fabric, WAF
  /(^|\/)docs?\/_?(build|themes?|templates?|static)\//,
  /(^|\/)admin_media\//,
  /(^|\/)env\//,
  /(^|\/)fabfile\.py$/,
  /(^|\/)waf$/,
  /(^|\/)\.osx$/,
  // Apple platforms
  /\.xctemplate\//,
  /\.imageset\//,
  /(^|\/)Carthage\//,
  /(^|\/)Sparkle\//,
  /(^|\/)(Crashlytics|Fabric|BuddyBuildSDK)\.framework\//,
  /(^|\/)(Realm|RealmSwift)\.framework/,
  // Git's own files
  /(^|\/)\.git(attributes|ignore|modules)$/,
  // Build tool wrappers: Gradle and Maven
  /(^|\/)gradlew(\.bat)?$/,
  /(^|\/)gradle\/wrapper\//,
  /(^|\/)mvnw(\.cmd)?$/,
  /(^|\/)\.mvn\/wrapper\//,
  // .NET
  /-vsdoc\.js$/,
  /\.intellisense\.js$/,
  /(^|\/)jquery([^.]*)\.validate(\.unobtrusive)?\.js$/,
  /(^|\/)jquery([^.]*)\.unobtrusive-ajax\.js$/,
  /(^|\/)[Mm]icrosoft([Mm]vc)?([Aa]jax|[Vv]alidation)(\.debug)?\.js$/,
  /(^|\/)[Pp]ackages\/.+\.\d+\//,
  /(^|\/)extjs\//,
  /(^|\/)html5shiv\.js$/,
  // Test fixtures
  /(^|\/)[Tt]ests?\/fixtures\//,
  /(^|\/)[Ss]pecs?\/fixtures\//,
  // Mobile and misc
  /(^|\/)cordova([^.]*)\.js$/,
  /(^|\/)cordova-\d\.\d(\.\d)?\.js$/,
  /(^|\/)foundation(\..*)?\.js$/,
  /(^|\/)Vagrantfile$/,
  /(^|\/)\.[Dd][Ss]_[Ss]tore$/,
  /(^|\/)inst\/extdata\//,
  /(^|\/)octicons\.css/,
  /(^|\/)sprockets-octicons\.scss/,
  /(^|\/)activator(\.bat)?$/,
  /(^|\/)proguard(-rules)?\.pro$/,
  /(^|\/)puphpet\//,
  /(^|\/)\.google_apis\//,
  // CI and editor configuration
  /(^|\/)Jenkinsfile$/,
  /(^|\/)\.gitpod\.Dockerfile$/,
  /(^|\/)\.github\//,
  /(^|\/)\.obsidian\//,
  /(^|\/)\.teamcity\//,
  /(^|\/)xvba_modules\//,
];

/** documentation.yml: documentation, examples and the files every repository has. */
export const DOCUMENTATION_PATHS: readonly RegExp[] = [
  /^[Dd]ocs?\//,
  /(^|\/)[Dd]ocumentation\//,
  /(^|\/)[Gg]roovydoc\//,
  /(^|\/)[Jj]avadoc\//,
  /^[Mm]an\//,
  /^[Ee]xamples\//,
  /^[Dd]emos?\//,
  /(^|\/)inst\/doc\//,
  /(^|\/)CITATION(\.cff|(S)?(\.(bib|md))?)$/,
  /(^|\/)CHANGE(S|LOG)?(\.|$)/,
  /(^|\/)CONTRIBUTING(\.|$)/,
  /(^|\/)COPYING(\.|$)/,
  /(^|\/)INSTALL(\.|$)/,
  /(^|\/)LICEN[CS]E(\.|$)/,
  /(^|\/)[Ll]icen[cs]e(\.|$)/,
  /(^|\/)README(\.|$)/,
  /(^|\/)[Rr]eadme(\.|$)/,
  /^[Ss]amples?\//,
];

/** generated.rb, the rules decided by the path alone: lockfiles, IDE files, generated code folders. */
export const GENERATED_PATHS: readonly RegExp[] = [
  /\.(nib|xcworkspacedata|xcuserstate)$/,
  /(^|\/)\.idea\//,
  /(^Pods|\/Pods)\//,
  /(^|\/)Carthage\/Build\//,
  /node_modules\//,
  /vendor\/((?!-)[-0-9A-Za-z]+(?<!-)\.)+(com|edu|gov|in|me|net|org|fm|io)/,
  /(Gopkg|glide)\.lock/,
  /Package\.resolved/,
  /(poetry|pdm|uv|pixi|deno|composer)\.lock/,
  /(^|\/)(\w+\.)?esy\.lock$/,
  /npm-shrinkwrap\.json/,
  /package-lock\.json/,
  /pnpm-lock\.yaml/,
  /(^|\/)bun\.lockb?$/,
  /(^|\/)\.pnp\..*$/,
  /Godeps\//,
  /.\.zep\.(c|h|php)$/,
  /Cargo\.lock/,
  /Cargo\.toml\.orig/,
  /(^|\/)flake\.lock$/,
  /(^|\/)MODULE\.bazel\.lock$/,
  /Pipfile\.lock/,
  /(^|\/)\.terraform\.lock\.hcl$/,
  /__generated__\//,
  /(^|\/)htmlcov\//,
  /\.designer\.(cs|vb)$/i,
  /\.feature\.cs$/i,
  /_tlb\.pas$/i,
];

/** A generated.rb rule that needs the file's text: which extensions it looks at, and the test on its lines. */
export interface GeneratedContentRule {
  /** Linguist's name for the rule (`minified_files?` …), for traceability. */
  rule: string;
  /** Lower-case extensions, with the dot, that the rule applies to. */
  extensions: readonly string[];
  test(lines: readonly string[]): boolean;
}

/** Whether one of the first `count` lines matches. */
const someOfFirst = (lines: readonly string[], count: number, pattern: RegExp) => lines.slice(0, count).some((line) => pattern.test(line));

/** generated.rb, the rules decided by content (those that apply to languages repositories commonly hold). */
export const GENERATED_CONTENT_RULES: readonly GeneratedContentRule[] = [
  {
    // Average line length over 110 characters.
    rule: 'minified_files?',
    extensions: ['.js', '.css'],
    test: (lines) => lines.length > 0 && Math.floor(lines.reduce((sum, line) => sum + line.length, 0) / lines.length) > 110,
  },
  {
    // A source map reference in one of the last two lines: compiled from other files (Sass, TypeScript …).
    rule: 'has_source_map?',
    extensions: ['.js', '.css'],
    test: (lines) => lines.slice(-2).some((line) => /^\/[*/][#@] source(?:Mapping)?URL|sourceURL=/.test(line)),
  },
  {
    rule: 'source_map?',
    extensions: ['.map'],
    test: (lines) => /^{"version":\d+,/.test(lines[0] ?? '') || /^\/\*\* Begin line maps\. \*\*\/{/.test(lines[0] ?? ''),
  },
  { rule: 'compiled_coffeescript?', extensions: ['.js'], test: (lines) => /^\/\/ Generated by /.test(lines[0] ?? '') },
  { rule: 'generated_parser?', extensions: ['.js'], test: (lines) => /Generated by PEG\.js/.test(lines.slice(0, 5).join('')) },
  { rule: 'generated_go?', extensions: ['.go'], test: (lines) => lines.length > 1 && someOfFirst(lines, 40, /^\/\/ Code generated .*/) },
  {
    rule: 'generated_protocol_buffer?',
    extensions: ['.py', '.java', '.h', '.cc', '.cpp', '.m', '.rb', '.php'],
    test: (lines) => lines.length > 1 && someOfFirst(lines, 3, /Generated by the protocol buffer compiler\.  DO NOT EDIT!/),
  },
  {
    rule: 'generated_javascript_protocol_buffer?',
    extensions: ['.js'],
    test: (lines) => lines.length > 6 && (lines[5] ?? '').includes('GENERATED CODE -- DO NOT EDIT!'),
  },
  {
    rule: 'generated_apache_thrift?',
    extensions: ['.rb', '.py', '.go', '.js', '.m', '.java', '.h', '.cc', '.cpp', '.php'],
    test: (lines) => someOfFirst(lines, 6, /Autogenerated by Thrift Compiler/),
  },
  {
    rule: 'compiled_cython_file?',
    extensions: ['.c', '.cpp'],
    test: (lines) => lines.length > 1 && (lines[0] ?? '').includes('Generated by Cython'),
  },
  {
    rule: 'generated_jni_header?',
    extensions: ['.h'],
    test: (lines) =>
      lines.length > 2 &&
      (lines[0] ?? '').includes('/* DO NOT EDIT THIS FILE - it is machine generated */') &&
      (lines[1] ?? '').includes('#include <jni.h>'),
  },
  {
    rule: 'generated_grpc_cpp?',
    extensions: ['.cpp', '.hpp', '.h', '.cc'],
    test: (lines) => lines.length > 1 && (lines[0] ?? '').startsWith('// Generated by the gRPC'),
  },
  {
    rule: 'generated_dart?',
    extensions: ['.dart'],
    test: (lines) => lines.length > 1 && /generated code\W{2,3}do not modify/.test((lines[0] ?? '').toLowerCase()),
  },
  { rule: 'generated_jooq?', extensions: ['.java'], test: (lines) => someOfFirst(lines, 2, /This file is generated by jOOQ\./) },
  {
    rule: 'generated_by_haxe?',
    extensions: ['.js', '.py', '.lua', '.cpp', '.h', '.java', '.cs', '.php'],
    test: (lines) => someOfFirst(lines, 3, /Generated by Haxe/),
  },
  {
    rule: 'generated_html?',
    extensions: ['.html', '.htm', '.xhtml'],
    test: (lines) =>
      lines.length > 1 &&
      (someOfFirst(lines, 2, /<!-- Generated by pkgdown: do not edit by hand -->/) ||
        (lines.length > 2 && (lines[2] ?? '').startsWith('<!-- This is an automatically generated file.')) ||
        someOfFirst(lines, 31, /<!--\s+Generated by Doxygen\s+[.0-9]+\s*-->/i) ||
        /<meta\s+[^>]*name=["']?generator["']?[^>]*content=["']?(org\s+mode|j?latex2html|groff|makeinfo|texi2html|ronn)\b/i.test(
          lines.slice(0, 31).join(' '),
        )),
  },
];

/** Extensions some content rule looks at: only these files are read to decide. */
export const CONTENT_RULE_EXTENSIONS: ReadonlySet<string> = new Set(GENERATED_CONTENT_RULES.flatMap((rule) => rule.extensions));
