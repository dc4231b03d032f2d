// Lint: type-aware basics everywhere, and the boundary that keeps src/core host-neutral.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'src/core/generated/**', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    // The core backs the CLI, the desktop extension and the web extension: no host APIs in it.
    files: ['src/core/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core must not depend on VS Code; convert at the edge in src/extension.' }],
          patterns: [
            { group: nodeBuiltins.filter((n) => !n.includes('/')), message: 'src/core must not use Node built-ins; take the capability as a parameter.' },
            { group: ['node:*'], message: 'src/core must not use Node built-ins; take the capability as a parameter.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname', 'window', 'document'],
    },
  },
);
