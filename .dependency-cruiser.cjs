// The import rules of docs/ARCHITECTURE.md, checked by `npm run lint` (depcruise). Layers are told
// by path and file name, never by capability, so a new folder (server/jobs, server/coaching, …)
// is held to the same rules without an edit here. Deliberate exceptions are listed with their
// reason, in `pathNot` of the rule they escape, and on the ARCHITECTURE page.
//
// Layers: x.routes.ts (HTTP) → x.service.ts (use cases) → x.repo.ts (SQL); rule files (no suffix)
// are pure; api/ is the contract; lib/ is pure code shared with the web; web/ is the browser app.
// scripts/check-imports.mjs cruises a type-stripped copy: every source file is a .js there.
const ROUTES = '\\.routes\\.js$';
const SERVICE = '\\.service\\.js$';
const REPO = '\\.repo\\.js$';
const TEST = '(\\.test\\.js$|^server/test/|(^|/)testing/)';
// A pure rule file: inside a capability folder, without a layer suffix, not a test.
// server/db, http, cli, test and jobs (the queue and its worker) are infrastructure, not a capability.
const RULE = '^server/(?!db/|http/|cli/|test/|jobs/)[^/]+/(?!.*\\.(routes|service|repo|jobs|notifications)\\.js$).+\\.js$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No cycles: a cycle means two modules are one; split out what both need.',
      from: {},
      // A command that loads its code lazily (import() in cli/*-commands.ts) is not a cycle at load time.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['dynamic-import'] } },
    },
    {
      name: 'routes-call-services',
      severity: 'error',
      comment: 'Routes are thin: schema from api/, ctx, call the service. No SQL, no repo.',
      from: { path: ROUTES },
      to: { path: [REPO, '^server/db/(?!schema)'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'routes-own-capability',
      severity: 'error',
      comment: "A route calls its own capability's services; another capability is reached through them.",
      from: { path: '^server/([^/]+)/.+\\.routes\\.js$' },
      to: { path: SERVICE, pathNot: ['^server/$1/', '^server/identity/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'services-own-repo',
      severity: 'error',
      comment: "A service reads and writes through its own capability's repos; other data through that capability's services.",
      from: { path: `^server/([^/]+)/.+${SERVICE}`, pathNot: TEST },
      // Exception: crm/history.repo.ts is the one writer of `changes`, called by every service that
      // changes a deal, inside its own transaction (docs/decisions/0001).
      to: { path: REPO, pathNot: ['^server/$1/', '^server/crm/history\\.repo\\.js$'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'layers-point-down',
      severity: 'error',
      comment: 'Services and repos never import routes or the HTTP layer; repos never import services.',
      from: { path: [SERVICE, REPO] },
      to: { path: [ROUTES, '^server/http/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'repos-below-services',
      severity: 'error',
      comment: 'A repo is SQL and row mapping: it may use db/ and other repos, never a service.',
      from: { path: REPO },
      to: { path: SERVICE, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'rules-are-pure',
      severity: 'error',
      comment: 'A rule file has no I/O: it imports other rules, lib/ and api types, never a service, repo, route or the database.',
      // Exceptions: identity/visibility.ts (the owner scope every service asks for; reads the team
      // tree through the identity repos), the KPI catalogue measurement/kpis/ (each definition is
      // its SQL, docs/kpis.md) and test helpers.
      from: { path: RULE, pathNot: [TEST, '^server/identity/visibility\\.js$', '^server/measurement/kpis/'] },
      to: { path: [SERVICE, REPO, ROUTES, '^server/db/(?!schema|scope\\.js)', '^server/http/', '^server/context\\.js$'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-is-the-contract',
      severity: 'error',
      comment: 'api/ imports only typebox and itself: the web and other clients compile it alone.',
      from: { path: '^api/' },
      to: { pathNot: ['^api/', '(^|/)node_modules/typebox/'] },
    },
    {
      name: 'lib-is-pure',
      severity: 'error',
      comment: 'lib/ runs in the server and the browser: it imports itself and small pure packages only.',
      from: { path: '^lib/', pathNot: TEST },
      to: { pathNot: ['^lib/', '(^|/)node_modules/(date-fns|@date-fns)/'] },
    },
    {
      name: 'web-imports-api-lib-itself',
      severity: 'error',
      comment: 'The browser app imports api/ (types), lib/ and itself; never server code.',
      from: { path: '^web/' },
      to: { path: '^(server|e2e|bench)/' },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      comment: 'Nothing on the server imports the browser app; what both need lives in lib/.',
      from: { path: '^(server|api|lib)/' },
      to: { path: '^web/' },
    },
    {
      name: 'production-not-tests',
      severity: 'error',
      comment: 'Shipped code never imports test helpers or the reference computations.',
      from: { path: '^(server|api|lib|web)/', pathNot: TEST },
      to: { path: TEST },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
