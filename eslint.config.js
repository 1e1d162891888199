// One lint setup for every package (flat config). Type-aware rules stay off to keep it fast;
// `tsc` runs on every package in the test command.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const globals = require('globals');
const path = require('node:path');

// Module borders in the API (CONVENTIONS 5, issue 23): a module reaches another only through that
// module's index.ts, and only app.ts (and the cli/ entry points) composes modules (it hands each
// the interfaces it needs); plugins/ and lib/ import no module. Tests and testing.ts may use another module's testing.ts
// factories. Resolved by path, so `../x/repo` and `../../modules/x/repo` are caught alike.
const API_SRC = path.join(__dirname, 'services/api/src');
const MODULES = path.join(API_SRC, 'modules');
const moduleOf = (file) => {
  const rel = path.relative(MODULES, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep)[0];
};
const moduleBorders = {
  meta: { type: 'problem', schema: [], messages: { internal: '{{why}}' } },
  create(context) {
    const file = context.filename;
    const isTest = /\.test\.ts$/.test(file) || path.basename(file) === 'testing.ts' || !path.relative(path.join(API_SRC, 'testing'), file).startsWith('..');
    const from = moduleOf(file);
    const check = (node) => {
      const spec = node.source && node.source.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), spec);
      const to = moduleOf(target);
      if (!to || to === from) return;
      const rest = path.relative(path.join(MODULES, to), target).replace(/\.ts$/, '');
      if (rest === 'testing' && isTest) return;
      const isIndex = rest === '' || rest === 'index';
      const entry = file === path.join(API_SRC, 'app.ts') || path.dirname(file) === path.join(API_SRC, 'cli');
      if (isIndex && (from || entry || isTest)) return;
      const why = isIndex
        ? `Only app.ts composes modules: pass what ${path.relative(API_SRC, file)} needs of '${to}' in at wiring time.`
        : `'${to}' is another module: import it through its index.ts (its public surface), not ${spec}.`;
      context.report({ node: node.source, messageId: 'internal', data: { why } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

module.exports = tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'db/migrations/**', '.pgdata/**', 'coverage/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Features own their data: a feature never imports another feature (bulletproof-react).
    // From web/src/features/<f>/<dir>/x.ts, '../../<other>' is a sibling feature.
    files: ['web/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./\\.\\./(?!\\.\\./)', message: 'Features must not import each other; move shared code to components/ or lib/.' }] }],
    },
  },
  {
    files: ['services/api/src/**/*.ts'],
    plugins: { tandem: { rules: { 'module-borders': moduleBorders } } },
    rules: { 'tandem/module-borders': 'error' },
  },
  {
    // The referral fast paths' foreign tables (ADR 0012) are for its two SQL files only.
    files: ['services/api/src/modules/referrals/**/*.ts'],
    ignores: ['services/api/src/modules/referrals/{repo,network.repo,metrics.repo,closed-loop.repo}.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: './foreign-tables', message: 'Only repo.ts, network.repo.ts, metrics.repo.ts and closed-loop.repo.ts may read other modules\' tables (ADR 0012); go through the interfaces app.ts passes in.' }] }],
    },
  },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
